import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, channelDef } from '../../src-shared/contract';
import { ROLES, roleHas } from '../../src-shared/domain/roles';
import { QUEUE_EXPORT_COLUMNS } from '../../src-shared/contract/queueExport';
import { TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TYPES } from '../../src-shared/domain/tickets';
import type { Core } from './createCore';
import { addUser, setupDesk, signInAs, testCore } from './testing';

// Every channel, every role: malformed input is VALIDATION, a caller without a session is
// UNAUTHENTICATED, a role without the permission is FORBIDDEN, and none of them writes.

let core: Core;

beforeAll(async () => {
  ({ core } = await testCore());
  await setupDesk(core);
  for (const role of ROLES) {
    await addUser(core, role, `${role}1`);
    await signInAs(core, `${role}1`);
  }
});

function ticketCount(): number {
  return (core.deps.sqlite.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
}

describe('dispatch', () => {
  afterEach(() => expect(ticketCount()).toBe(0));

  it('answers unknown channels with NOT_FOUND and never throws', async () => {
    for (const name of ['nope', 'tickets.nope', 'constructor.name', '__proto__.x', 'tickets.toString']) {
      const result = await core.dispatch(name, {}, 'admin');
      expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
  });

  it.each(CHANNEL_NAMES)('%s rejects malformed input with VALIDATION and field details', async (name) => {
    for (const bad of [{ unexpected: 1 }, 'string', 42, []]) {
      const result = await core.dispatch(name, bad, 'admin');
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('VALIDATION');
        expect(result.error.details?.fields?.length).toBeGreaterThan(0);
      }
    }
  });

  it.each(CHANNEL_NAMES)('%s enforces its access rule for every role', async (name) => {
    const access = channelDef(name)!.access;
    // Input that passes validation is not needed: access is checked after validation, so
    // use a valid-shaped call where one is simple, else check through a bad-input-free path.
    const input = validSample(name);
    if (input === undefined) return;
    const anonymous = await core.dispatch(name, input, 'nobody');
    if (access === 'public') expect(anonymous.ok || anonymous.error.code !== 'UNAUTHENTICATED').toBe(true);
    else expect(anonymous).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

    for (const role of ROLES) {
      const result = await core.dispatch(name, input, `${role}1`);
      const allowed = access === 'public' || access === 'signedIn' || roleHas(role, access);
      if (allowed) expect(result.ok ? 'ok' : result.error.code).not.toBe('FORBIDDEN');
      else expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });
});

/** A well-formed input per channel that writes nothing (creates use an unknown customer id). */
function validSample(name: string): unknown {
  const samples: Record<string, unknown> = {
    'system.status': {},
    'system.setup': undefined, // covered by its own tests: it changes the session
    'auth.signIn': undefined, // changes the session
    'auth.signOut': undefined, // changes the session
    'auth.session': {},
    'auth.changePassword': undefined, // changes the session: covered in accounts.test.ts
    'auth.lock': undefined, // changes the session
    'auth.unlock': undefined, // changes the session
    'users.list': {},
    'audit.list': {},
    'privacy.erase': { customerId: 999999, reason: 'sample' },
    'dashboard.get': { from: '2026-11-01', to: '2026-11-30' },
    'dashboard.options': {},
    // Recomputes the rollups to what they already are: no change a caller could see.
    'dashboard.rebuild': {},
    'audit.actions': {},
    'audit.verify': {},
    'reports.run': { report: 'sla', filters: { from: '2026-11-01', to: '2026-11-30' }, locale: 'zh-CN' },
    'reports.options': {},
    // On an empty desk: a file of empty tables (the job runs after the call).
    'exports.report': {
      report: 'requests',
      filters: { from: '2026-11-01', to: '2026-11-30' },
      format: 'csv',
      words: { locale: 'zh-CN', title: 'r', figures: {}, tables: {}, columns: {}, charts: {}, codes: {}, filters: {}, total: 't', all: 'a', none: 'n', generatedAt: 'g', page: '{page}/{pages}' },
    },
    // Writes a file from the trail; the entry recording the export is no request.
    'exports.audit': {
      format: 'csv',
      action: 'nothing.',
      headers: { at: 't', user: 'u', action: 'a', entity: 'e', entityId: 'i', details: 'd' },
      words: { actions: {}, entities: {}, system: 's', unknownPerson: 'p' },
    },
    // A common password is refused before anything is written.
    'users.create': { username: 'sample', displayName: 'Sample', role: 'agent', teamId: null, password: 'password' },
    'users.update': { id: 999999, displayName: 'Sample', role: 'agent', teamId: null },
    'users.setDisabled': { id: 999999, disabled: true },
    'users.resetPassword': { id: 999999, password: 'a long enough pass' },
    'users.teams': {},
    'users.saveTeam': { id: 999999, name: 'Sample' },
    'users.removeTeam': { id: 999999 },
    'tickets.create': { customer: { id: 999999 }, type: 'repair', channel: 'phone', subject: 'x' },
    'tickets.list': {},
    'tickets.get': { id: 1 },
    'tickets.problemCategories': {},
    'tickets.viewCounts': {},
    'tickets.workbench': {},
    'tickets.dispatchSheet': { id: 999999 },
    'tickets.acknowledgeComplaint': { id: 999999, version: 1 },
    'tickets.updateComplaint': { id: 999999, version: 1, rootCause: 'x', correctiveAction: 'y' },
    'tickets.merge': { id: 999999, version: 1, intoId: 999998 },
    'tickets.attach': { id: 999999, fileName: 'a.txt', contentBase64: 'aGk=' },
    'tickets.attachment': { attachmentId: 999999 },
    'tickets.addNote': { id: 999999, kind: 'internal', body: 'x' },
    'tickets.setPriority': { id: 999999, version: 1, priority: 'high' },
    'tickets.bulk': { items: [{ id: 999999, version: 1 }], action: { kind: 'priority', priority: 'high' } },
    // Lifecycle changes on a request that does not exist: allowed roles get NOT_FOUND.
    'tickets.assign': { id: 999999, version: 1, engineerId: 1 },
    'tickets.hold': { id: 999999, version: 1, reason: 'waiting_parts' },
    'tickets.resume': { id: 999999, version: 1 },
    'tickets.logWork': { id: 999999, version: 1, kind: 'onsite', startedAt: 0, endedAt: 3_600_000, workMinutes: 60, chargeable: false, findings: 'x', outcome: 'resolved' },
    'tickets.startFollowUp': { id: 999999, version: 1 },
    'tickets.recordFollowUp': { id: 999999, version: 1, satisfaction: 5, satisfied: true },
    'tickets.unlock': { id: 999999, version: 1, mode: 'close', note: 'duplicate' },
    'tickets.close': { id: 999999, version: 1, note: 'duplicate' },
    'tickets.reopen': { id: 999999, version: 1, note: 'again' },
    'parts.list': {},
    'settings.get': {},
    'settings.update': {},
    'assignment.rules': {},
    'assignment.saveRule': { id: 999999, name: 'x', position: 1, productLine: null, problemCategoryId: null, strategy: 'least_load', engineerIds: [999999] },
    'assignment.removeRule': { id: 999999 },
    'users.setAvailability': undefined, // self-service for everyone: covered in the assignment tests
    'parts.save': { id: 999999, partNo: 'P-1', name: 'x', unitPrice: 1 },
    'customers.lookup': {},
    'customers.possibleDuplicates': { name: '华东精密机械' },
    'customers.get': { customerId: 999999 },
    'customers.timeline': { customerId: 999999 },
    'customers.saveAsset': { customerId: 999999, productId: null },
    'customers.removeAsset': { id: 999999 },
    'customers.list': {},
    'users.options': {},
    'customers.save': { kind: 'company', name: '江南机电' },
    'customers.tags': {},
    'customers.saveContact': { customerId: 999999, name: '陈工' },
    'customers.removeContact': { id: 999999 },
    'customers.merge': { fromId: 999998, intoId: 999999 },
    'customers.saveOrder': { customerId: 999999, orderNo: 'PO-1', orderedOn: '2026-11-01', lines: [{ description: '滤网', quantity: 1, unitPrice: 100 }] },
    'customers.removeOrder': { id: 999999 },
    'imports.begin': { fileName: 'a.csv', bytes: 10 },
    'imports.chunk': { uploadId: 'none', offset: 0, dataBase64: 'YQ==' },
    'imports.inspect': { uploadId: 'none' },
    'imports.start': { uploadId: 'none', dryRun: true },
    'imports.job': { jobId: 'none' },
    'imports.cancel': { jobId: 'none' },
    'imports.templates': { entity: 'customers' },
    'imports.saveTemplate': { entity: 'customers', name: '旧系统', mapping: { columns: { name: '客户名称' } } },
    'imports.removeTemplate': { id: 999999 },
    'imports.runs': {},
    'imports.runLog': { runId: 999999 },
    'exports.start': { customerId: 999999 },
    'exports.job': { jobId: 'none' },
    'exports.cancel': { jobId: 'none' },
    'exports.chunk': { jobId: 'none', offset: 0 },
    // On an empty desk: a header-only file (the job runs after the call).
    'exports.queue': {
      view: 'unassigned',
      format: 'csv',
      title: '队列',
      labels: {
        columns: Object.fromEntries(QUEUE_EXPORT_COLUMNS.map((c) => [c, c])),
        status: Object.fromEntries(TICKET_STATUSES.map((c) => [c, c])),
        type: Object.fromEntries(TICKET_TYPES.map((c) => [c, c])),
        priority: Object.fromEntries(TICKET_PRIORITIES.map((c) => [c, c])),
        channel: Object.fromEntries(TICKET_CHANNELS.map((c) => [c, c])),
        unassigned: '-',
      },
    },
    'customers.saveProduct': { id: 999999, productLine: 'x', model: 'x', name: 'x' },
    'customers.products': {},
    'customers.serviceSummary': { customerId: 999999 },
    'users.assignees': {},
    'tickets.setAgreement': { id: 999999, version: 1, agreementId: 1 },
    'sla.calendars': {},
    'sla.saveCalendar': { id: 999999, name: 'x', timeZone: 'Asia/Shanghai', allDay: true, week: {}, makeUpHours: [], days: [] },
    'sla.importHolidays': { calendarId: 999999, format: 'csv', text: '2026-01-01,holiday,x', dryRun: true },
    'sla.agreements': {},
    'sla.saveAgreement': {
      id: 999999,
      name: 'x',
      calendarId: 999999,
      chargingMethod: 'per_visit',
      targets: (['low', 'normal', 'high', 'urgent'] as const).map((priority) => ({ priority, responseMinutes: 60, resolutionMinutes: 120 })),
    },
    'sla.setCustomerAgreement': { customerId: 999999, agreementId: null },
    'sla.settings': {},
    'sla.updateSettings': {},
    'sla.escalations': {},
    'sla.saveEscalation': { id: 999999, name: 'x', position: 1, onTarget: 'any', priority: null, agreementId: null, action: 'lock' },
    'sla.removeEscalation': { id: 999999 },
    'sla.runCheck': {},
    'sla.jobRuns': {},
    'notifications.list': {},
    'notifications.markRead': { all: true },
    'backup.settings': {},
    // A relative folder is refused before anything is written.
    'backup.saveSettings': { folder: 'relative/backups' },
    'backup.list': {},
    'backup.run': undefined, // takes a backup: every role is tried in backup.test.ts
    'backup.job': { jobId: 'none' },
    'backup.restore': { file: 'missing.db' },
    'reportSchedules.list': {},
    // A relative folder is refused before anything is written.
    'reportSchedules.save': {
      name: 'x',
      report: 'sla',
      filters: {},
      period: 'yesterday',
      format: 'xlsx',
      folder: 'relative/reports',
      cron: '0 8 * * 1',
      words: { locale: 'zh-CN', title: 'x', figures: {}, tables: {}, columns: {}, charts: {}, codes: {}, filters: {}, total: 'x', all: 'x', none: 'x', generatedAt: 'x', page: '{page}/{pages}' },
    },
    'reportSchedules.remove': { id: 999999 },
    'reportSchedules.setPaused': { id: 999999, paused: true },
    'reportSchedules.runNow': { id: 999999 },
    'reportSchedules.runs': { scheduleId: 999999 },
  };
  if (!(name in samples)) throw new Error(`add a sample for ${name}`);
  return samples[name];
}
