import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgreementView, TicketDetail } from '../../../src-shared/contract';
import type { Core } from '../../core/createCore';
import { createCore } from '../../core/createCore';
import { silentLogger } from '../../core/ports';
import { addUser, call, fakeClock, setupDesk, signInAs, testCore, testPlatform, type FakeClock } from '../../core/testing';
import { ensureShippedCalendars } from './calendars';
import { runServiceCheck } from './jobs';
import { finishStaleReschedule } from './reschedule';
import { clocksStale, markClocksStale } from './staleClocks';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** An instant given as Shanghai wall-clock time. */
const sh = (iso: string) => Date.parse(`${iso}+08:00`);

let core: Core;
let clock: FakeClock;
let agreements: Record<string, AgreementView>;
let ids: Record<string, number>;

beforeEach(async () => {
  // Friday 27 November 2026, 17:00 in Shanghai.
  ({ core, clock } = await testCore(fakeClock(sh('2026-11-27T17:00:00'))));
  await setupDesk(core);
  for (const [role, name] of [['agent', 'agent1'], ['engineer', 'wang'], ['engineer', 'li'], ['supervisor', 'boss']] as const) {
    await addUser(core, role, name);
    await signInAs(core, name);
  }
  const users = await call(core, 'users.assignees', {}, 'admin');
  ids = Object.fromEntries(users.map((u) => [u.displayName, u.id]));
  agreements = Object.fromEntries((await call(core, 'sla.agreements', {}, 'admin')).map((a) => [a.name, a]));
});

async function newRequest(extra: Record<string, unknown> = {}): Promise<TicketDetail> {
  return call(core, 'tickets.create', { customer: { name: '华东精密机械' }, type: 'repair', channel: 'phone', subject: '空调漏水', ...extra } as never, 'agent1');
}

/** A request from a customer on the VIP agreement (7×24: every minute counts). */
async function vipRequest(priority: 'low' | 'normal' | 'high' | 'urgent', extra: Record<string, unknown> = {}): Promise<TicketDetail> {
  const [customer] = await call(core, 'customers.lookup', { text: 'VIP 客户' }, 'agent1');
  if (customer) return newRequest({ priority, customer: { id: customer.id }, ...extra });
  const first = await newRequest({ customer: { name: 'VIP 客户' }, initialStatus: 'on_hold', holdReason: 'scheduled' });
  await call(core, 'sla.setCustomerAgreement', { customerId: first.customer.id, agreementId: agreements.VIP!.id }, 'admin');
  return newRequest({ priority, customer: { id: first.customer.id }, ...extra });
}

/** What sla.saveAgreement takes, from what sla.agreements gives. */
function agreementInput(a: AgreementView) {
  const { calendarName: _c, customerCount: _n, ...input } = a;
  return input;
}

const get = (id: number, session = 'boss') => call(core, 'tickets.get', { id }, session);
const inbox = (session: string) => call(core, 'notifications.list', {}, session);

describe('which agreement applies', () => {
  it('counts a new request in the default agreement, in business time', async () => {
    // Normal priority on Standard: response 4 h, resolution 3 working days (9:00–12:00, 13:00–18:00).
    const t = await newRequest();
    expect(t.agreement).toMatchObject({ agreement: { name: '标准 Standard' }, basis: 'default', startedAt: clock.now(), pausedAt: null });
    // Friday 17:00: one hour that day, three on Monday morning.
    expect(t.agreement!.response).toMatchObject({ targetMinutes: 240, dueAt: sh('2026-11-30T12:00:00'), doneAt: null, level: 0 });
    // 24 working hours: 1 on Friday, 8 each on Monday and Tuesday, 7 on Wednesday.
    expect(t.agreement!.resolution).toMatchObject({ targetMinutes: 1440, dueAt: sh('2026-12-02T17:00:00') });
    expect(t.sla).toEqual({ target: 'response', dueAt: sh('2026-11-30T12:00:00'), calendarId: t.agreement!.calendarId, targetMinutes: 240 });
  });

  it("prefers the warranty's terms, then the customer's agreement, and passes over expired ones", async () => {
    const product = await core.deps.db.insertInto('products').values({ product_line: 'HVAC', model: 'KFR-72LW', name: '柜式空调' }).returning('id').executeTakeFirstOrThrow();
    const first = await newRequest();
    const customerId = first.customer.id;
    await call(core, 'sla.setCustomerAgreement', { customerId, agreementId: agreements['金牌 Gold']!.id }, 'admin');
    expect((await newRequest({ customer: { id: customerId } })).agreement).toMatchObject({ agreement: { name: '金牌 Gold' }, basis: 'customer' });

    // An installed product under warranty (the installed base arrives with the customer 360 work).
    await core.deps.db
      .insertInto('assets')
      .values({ customer_id: customerId, product_id: product.id, serial_no: 'SN-1', warranty_start: '2026-01-01', warranty_end: '2027-12-31', agreement_id: agreements.VIP!.id, created_at: clock.now() })
      .execute();
    expect((await newRequest({ customer: { id: customerId }, productId: product.id })).agreement).toMatchObject({ agreement: { name: 'VIP' }, basis: 'warranty' });

    // Gold expired yesterday: the desk's default applies.
    const gold = agreements['金牌 Gold']!;
    await call(core, 'sla.saveAgreement', { ...agreementInput(gold), validTo: '2026-11-26' }, 'admin');
    expect((await newRequest({ customer: { id: customerId } })).agreement).toMatchObject({ agreement: { name: '标准 Standard' }, basis: 'default' });

    // No default and nothing else: no clock at all.
    await call(core, 'sla.updateSettings', { defaultAgreementId: null }, 'admin');
    const none = await newRequest({ customer: { id: customerId } });
    expect(none.agreement).toBeNull();
    expect(none.sla).toBeNull();
  });

  it('counts holidays and the make-up working Saturday of the shipped China calendar', async () => {
    clock.set(sh('2026-09-30T17:00:00'));
    // High on Standard: response 2 h. One hour on 30 September, then Golden Week.
    expect((await newRequest({ priority: 'high' })).agreement!.response.dueAt).toBe(sh('2026-10-08T10:00:00'));
    clock.set(sh('2026-10-09T17:00:00'));
    // Saturday 10 October is worked (调休上班).
    expect((await newRequest({ priority: 'high' })).agreement!.response.dueAt).toBe(sh('2026-10-10T10:00:00'));
  });
});

describe('the SLA clock', () => {
  it('stands still on hold and moves both targets by exactly the time held', async () => {
    let t = await vipRequest('normal'); // response 1 h, resolution 12 h, 7×24
    const start = clock.now();
    clock.advance(10 * MINUTE);
    t = await call(core, 'tickets.hold', { id: t.id, version: t.version, reason: 'waiting_customer' }, 'agent1');
    expect(t.agreement!.pausedAt).toBe(clock.now());
    expect(t.sla).toBeNull();
    clock.advance(2 * HOUR);
    t = await call(core, 'tickets.resume', { id: t.id, version: t.version }, 'agent1');
    expect(t.agreement).toMatchObject({ pausedAt: null, pausedMs: 2 * HOUR });
    expect(t.agreement!.response.dueAt).toBe(start + 3 * HOUR);
    expect(t.agreement!.resolution.dueAt).toBe(start + 14 * HOUR);
  });

  it('measures the time held again in the new calendar when the agreement changes', async () => {
    // Standard (9:00–18:00 on working days), Friday 17:00: held 17:30 to Monday 8:00.
    let t = await newRequest();
    const start = clock.now();
    clock.set(sh('2026-11-27T17:30:00'));
    t = await call(core, 'tickets.hold', { id: t.id, version: t.version, reason: 'waiting_customer' }, 'agent1');
    clock.set(sh('2026-11-30T08:00:00'));
    t = await call(core, 'tickets.resume', { id: t.id, version: t.version }, 'agent1');
    expect(t.agreement!.pausedMs).toBe(30 * MINUTE);
    // On VIP (7×24) the same hold is 62.5 hours, every one of them counted.
    t = await call(core, 'tickets.setAgreement', { id: t.id, version: t.version, agreementId: agreements.VIP!.id }, 'boss');
    expect(t.agreement!.pausedMs).toBe(62.5 * HOUR);
    expect(t.agreement!.response.dueAt).toBe(start + HOUR + 62.5 * HOUR);
  });

  it('keeps a first response given, and its due time, through later pauses and recomputations', async () => {
    let t = await vipRequest('urgent'); // response 15 min
    const due = t.agreement!.response.dueAt;
    clock.set(due + 10 * MINUTE);
    t = await call(core, 'tickets.addNote', { id: t.id, kind: 'reply', body: '已收到' }, 'agent1');
    t = await call(core, 'tickets.hold', { id: t.id, version: t.version, reason: 'waiting_parts' }, 'agent1');
    clock.advance(HOUR);
    t = await call(core, 'tickets.resume', { id: t.id, version: t.version }, 'agent1');
    t = await call(core, 'tickets.setPriority', { id: t.id, version: t.version, priority: 'low' }, 'agent1');
    expect(t.agreement!.response).toMatchObject({ targetMinutes: 15, dueAt: due, doneAt: due + 10 * MINUTE });
    // The resolution target did move: low on VIP is 24 h, plus the hour held.
    expect(t.agreement!.resolution.dueAt).toBe(t.agreement!.startedAt + 25 * HOUR);
  });

  it("starts a clock from the request's creation when an agreement is set on one that had none", async () => {
    await call(core, 'sla.updateSettings', { defaultAgreementId: null }, 'admin');
    let t = await newRequest();
    expect(t.agreement).toBeNull();
    const created = clock.now();
    clock.advance(10 * MINUTE);
    t = await call(core, 'tickets.setAgreement', { id: t.id, version: t.version, agreementId: agreements.VIP!.id, note: '补签协议' }, 'boss');
    expect(t.agreement).toMatchObject({ agreement: { name: 'VIP' }, basis: 'manual', startedAt: created });
    expect(t.agreement!.response.dueAt).toBe(created + HOUR);
    const change = t.events.find((e) => e.kind === 'agreement')!;
    expect(change).toMatchObject({ note: '补签协议', details: { agreementName: 'VIP', previousAgreementName: null } });
    expect(t.events.find((e) => e.kind === 'slaComputed')).toMatchObject({ note: null, details: { reason: 'agreement' } });
  });

  it('refuses an agreement that is not in force, or does not exist, with a field error and no change', async () => {
    const t = await newRequest();
    await call(core, 'sla.saveAgreement', { ...agreementInput(agreements['金牌 Gold']!), validTo: '2026-01-31' }, 'admin');
    for (const [agreementId, code] of [
      [agreements['金牌 Gold']!.id, 'notInForce'],
      [9999, 'notFound'],
    ] as const) {
      const result = await core.dispatch('tickets.setAgreement', { id: t.id, version: t.version, agreementId }, 'boss');
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { fields: [{ path: 'agreementId', code }] } } });
    }
    expect(await get(t.id)).toMatchObject({ version: t.version, agreement: { agreement: { name: '标准 Standard' } } });
  });

  it('is met by the first reply to the customer, or by the assignment when the desk says so', async () => {
    let t = await vipRequest('normal');
    t = await call(core, 'tickets.assign', { id: t.id, version: t.version, engineerId: ids.wang! }, 'agent1');
    expect(t.agreement!.response.doneAt).toBeNull();
    clock.advance(5 * MINUTE);
    t = await call(core, 'tickets.addNote', { id: t.id, kind: 'reply', body: '工程师已出发' }, 'wang');
    expect(t.agreement!.response.doneAt).toBe(clock.now());
    expect(t.sla).toMatchObject({ target: 'resolution' });

    await call(core, 'sla.updateSettings', { firstResponse: 'assignment' }, 'admin');
    let u = await vipRequest('normal');
    u = await call(core, 'tickets.assign', { id: u.id, version: u.version, engineerId: ids.wang! }, 'agent1');
    expect(u.agreement!.response.doneAt).toBe(clock.now());

    // A reassignment by an escalation rule is bookkeeping, not an acknowledgement.
    await call(core, 'sla.saveEscalation', { name: '改派二线', position: 1, onTarget: 'response', priority: null, agreementId: null, action: 'reassign', engineerIds: [ids.li!] }, 'admin');
    const v = await vipRequest('normal');
    clock.set(v.agreement!.response.dueAt);
    await runServiceCheck(core.deps);
    expect(await get(v.id)).toMatchObject({ assignee: { id: ids.li }, agreement: { response: { doneAt: null } } });
  });

  it('recomputes both targets from the start on a priority or agreement change, keeping every computation in the history', async () => {
    let t = await vipRequest('low'); // response 2 h, resolution 24 h
    const start = clock.now();
    clock.advance(20 * MINUTE);
    t = await call(core, 'tickets.setPriority', { id: t.id, version: t.version, priority: 'urgent' }, 'agent1');
    expect(t.agreement!.response.dueAt).toBe(start + 15 * MINUTE);
    expect(t.agreement!.resolution.dueAt).toBe(start + 4 * HOUR);
    t = await call(core, 'tickets.setAgreement', { id: t.id, version: t.version, agreementId: agreements['金牌 Gold']!.id, note: '客户升级合同' }, 'boss');
    expect(t.agreement).toMatchObject({ agreement: { name: '金牌 Gold' }, basis: 'manual' });
    expect(t.events.filter((e) => e.kind === 'slaComputed').map((e) => e.details?.reason)).toEqual(['created', 'priority', 'agreement']);
    expect(await core.dispatch('tickets.setAgreement', { id: t.id, version: t.version, agreementId: agreements.VIP!.id }, 'agent1')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('the service check', () => {
  it('warns the engineer at 75% and 90%, breaches once, tells the managers, and never repeats itself', async () => {
    let t = await vipRequest('urgent'); // response 15 min
    t = await call(core, 'tickets.assign', { id: t.id, version: t.version, engineerId: ids.wang! }, 'agent1');
    const due = t.agreement!.response.dueAt;

    clock.advance(11 * MINUTE); // 73%
    expect((await runServiceCheck(core.deps)).summary).toMatchObject({ warnings: 0, breaches: 0 });
    clock.set(due - 3.75 * MINUTE); // 75%
    expect((await runServiceCheck(core.deps)).summary).toMatchObject({ warnings: 1, breaches: 0 });
    expect((await runServiceCheck(core.deps)).summary).toMatchObject({ due: 0, warnings: 0 });
    clock.set(due - 1.5 * MINUTE); // 90%
    await runServiceCheck(core.deps);
    clock.set(due);
    expect((await runServiceCheck(core.deps)).summary).toMatchObject({ breaches: 1 });
    clock.advance(10 * MINUTE);
    expect((await runServiceCheck(core.deps)).summary).toMatchObject({ breaches: 0, warnings: 0 });

    const wang = await inbox('wang');
    expect(wang.items.map((n) => [n.kind, n.target, n.level]).reverse()).toEqual([
      ['sla_warning', 'response', 75],
      ['sla_warning', 'response', 90],
      ['sla_breach', 'response', 100],
    ]);
    expect(wang.unread).toBe(3);
    expect((await inbox('boss')).items.map((n) => n.kind)).toEqual(['sla_breach']);
    expect((await inbox('li')).items).toEqual([]);

    const after = await get(t.id);
    expect(after.agreement!.response).toMatchObject({ breachedAt: due, level: 100 });
    expect(after.breached).toBe(true);
    expect(after.events.filter((e) => e.kind.startsWith('sla')).map((e) => e.kind)).toEqual(['slaComputed', 'slaWarning', 'slaWarning', 'slaBreach']);

    const listed = await call(core, 'tickets.list', { view: 'breached' }, 'boss');
    expect(listed.items.map((i) => i.id)).toEqual([t.id]);
    expect((await call(core, 'tickets.viewCounts', {}, 'boss')).breached).toBe(1);
    // Closed work leaves the view, but the breach stays on the request for ever (for reports).
    const closed = await call(core, 'tickets.close', { id: after.id, version: after.version, note: '客户撤销' }, 'boss');
    expect(closed.breached).toBe(true);
    expect((await call(core, 'tickets.list', { view: 'breached' }, 'boss')).items).toEqual([]);
  });

  it('catches up once after the machine slept for 8 hours: one breach, no stale warnings, the gap recorded', async () => {
    const t = await vipRequest('normal'); // response 1 h, resolution 12 h
    await runServiceCheck(core.deps);
    clock.advance(8 * HOUR + 30 * 1000);
    const run = await runServiceCheck(core.deps);
    expect(run).toMatchObject({ outcome: 'ok', gapMs: 8 * HOUR + 30 * 1000, summary: { breaches: 1, warnings: 0 } });
    // 8 of 12 hours is 67%: the resolution target has nothing to say yet.
    expect((await get(t.id)).agreement!.resolution.level).toBe(0);
    expect((await inbox('boss')).items.map((n) => [n.kind, n.target])).toEqual([['sla_breach', 'response']]);
    expect((await runServiceCheck(core.deps)).summary).toMatchObject({ due: 0 });
    const runs = await call(core, 'sla.jobRuns', {}, 'boss');
    expect(runs.map((r) => r.gapMs !== null)).toEqual([false, true, false]);
  });

  it('applies escalation rules in order: raise the priority (recomputing), then reassign to the group', async () => {
    await call(core, 'sla.saveEscalation', { name: '响应超时提级', position: 1, onTarget: 'response', priority: null, agreementId: null, action: 'raise_priority' }, 'admin');
    await call(core, 'sla.saveEscalation', { name: '改派二线', position: 2, onTarget: 'any', priority: null, agreementId: agreements.VIP!.id, action: 'reassign', engineerIds: [ids.li!] }, 'admin');
    // Only for urgent work, so it does not apply here.
    await call(core, 'sla.saveEscalation', { name: '紧急锁定', position: 3, onTarget: 'any', priority: 'urgent', agreementId: null, action: 'lock' }, 'admin');
    let t = await vipRequest('low'); // response 2 h
    t = await call(core, 'tickets.assign', { id: t.id, version: t.version, engineerId: ids.wang! }, 'agent1');
    clock.set(t.agreement!.response.dueAt);
    expect((await runServiceCheck(core.deps)).summary).toMatchObject({ breaches: 1, escalations: 2 });

    t = await get(t.id);
    expect(t).toMatchObject({ priority: 'normal', status: 'assigned', assignee: { id: ids.li } });
    // Normal on VIP: resolution 12 h from the start.
    expect(t.agreement!.resolution.dueAt).toBe(t.agreement!.startedAt + 12 * HOUR);
    expect(t.events.slice(-6).map((e) => [e.kind, e.details?.ruleName ?? e.details?.reason ?? null])).toEqual([
      ['slaBreach', null],
      ['priority', '响应超时提级'],
      ['slaComputed', 'escalation'],
      ['escalated', '响应超时提级'],
      ['assign', '改派二线'],
      ['escalated', '改派二线'],
    ]);
    expect((await inbox('boss')).items.filter((n) => n.kind === 'sla_escalated')).toHaveLength(2);
  });

  it('escalates once when both targets breach in the same check', async () => {
    await call(core, 'sla.saveEscalation', { name: '超时提级', position: 1, onTarget: 'any', priority: null, agreementId: null, action: 'raise_priority' }, 'admin');
    const t = await vipRequest('low'); // response 2 h, resolution 24 h
    clock.set(t.agreement!.resolution.dueAt + MINUTE);
    expect((await runServiceCheck(core.deps)).summary).toMatchObject({ breaches: 2, escalations: 1 });
    const after = await get(t.id);
    expect(after.priority).toBe('normal');
    expect(after.events.filter((e) => e.kind === 'escalated').map((e) => e.details?.targets)).toEqual([['response', 'resolution']]);
  });

  it('puts off a request it cannot handle and still announces the others', async () => {
    const broken = await vipRequest('urgent');
    const fine = await vipRequest('urgent');
    // A calendar gone from under a running clock (damaged data).
    await core.deps.db.updateTable('tickets').set({ sla_calendar_id: 9999 }).where('id', '=', broken.id).execute();
    clock.set(fine.agreement!.response.dueAt);
    const run = await runServiceCheck(core.deps);
    expect(run).toMatchObject({ outcome: 'ok', summary: { due: 2, breaches: 1, failed: 1 } });
    expect((await inbox('boss')).items.map((n) => n.ticket?.id)).toEqual([fine.id]);
    // Looked at again in an hour, not every minute.
    clock.advance(MINUTE);
    expect((await runServiceCheck(core.deps)).summary).toMatchObject({ due: 0 });
  });

  it('locks a breached request for the service manager when a rule says so', async () => {
    await call(core, 'sla.saveEscalation', { name: '紧急锁定', position: 1, onTarget: 'resolution', priority: 'urgent', agreementId: null, action: 'lock' }, 'admin');
    let t = await vipRequest('urgent'); // resolution 4 h
    t = await call(core, 'tickets.addNote', { id: t.id, kind: 'reply', body: '已收到' }, 'agent1');
    clock.set(t.agreement!.resolution.dueAt + MINUTE);
    await runServiceCheck(core.deps);
    t = await get(t.id);
    expect(t).toMatchObject({ status: 'locked', lockReason: 'sla_breached', allowedActions: ['unlock'] });
  });

  it('runs the requested-date lock rule in the same check', async () => {
    const t = await newRequest({ requestedBy: '2026-11-27' });
    clock.set(sh('2026-11-28T00:05:00'));
    const run = await runServiceCheck(core.deps);
    expect(run.summary).toMatchObject({ locked: 1 });
    expect((await get(t.id)).status).toBe('locked');
  });

  it('lists under breaching soon only clocks warned about or overdue, by time left', async () => {
    const later = await vipRequest('low'); // response due in 2 h
    const sooner = await vipRequest('urgent'); // response due in 15 min
    const held = await vipRequest('high', { initialStatus: 'on_hold', holdReason: 'waiting_parts' });
    clock.advance(95 * MINUTE); // low: 79% of its response time; urgent: overdue
    const calm = await vipRequest('low');
    await runServiceCheck(core.deps);
    const page = await call(core, 'tickets.list', { view: 'breaching', limit: 1 }, 'boss');
    expect(page.items.map((i) => i.id)).toEqual([sooner.id]);
    const next = await call(core, 'tickets.list', { view: 'breaching', limit: 1, cursor: page.nextCursor! }, 'boss');
    expect(next.items.map((i) => i.id)).toEqual([later.id]);
    const all = await call(core, 'tickets.list', { view: 'breaching', limit: 50 }, 'boss');
    expect(all.items.map((i) => i.id)).toEqual([sooner.id, later.id]);
    expect(all.items.map((i) => i.id)).not.toContain(held.id);
    expect(all.items.map((i) => i.id)).not.toContain(calm.id);
    expect((await call(core, 'tickets.viewCounts', {}, 'boss')).breaching).toBe(2);
  });
});

describe('notifications', () => {
  it('also reach the desktop of a signed-in recipient, in the desk language', async () => {
    const shown: { title: string; body: string }[] = [];
    const desktop = await createCore({
      dbPath: ':memory:',
      clock,
      platform: { ...testPlatform, notify: (title, body) => void shown.push({ title, body }) },
      logger: silentLogger,
    });
    try {
      await setupDesk(desktop);
      await addUser(desktop, 'supervisor', 'boss');
      await addUser(desktop, 'supervisor', 'away');
      await signInAs(desktop, 'boss');
      const t = await call(desktop, 'tickets.create', { customer: { name: '华东精密机械' }, type: 'repair', channel: 'phone', subject: '空调漏水', priority: 'urgent' } as never, 'admin');
      clock.set(t.agreement!.response.dueAt);
      await runServiceCheck(desktop.deps);
      await vi.waitFor(() => expect(shown).toHaveLength(1));
      expect(shown[0]).toEqual({ title: `服务时效超时 ${t.number}`, body: '首次响应已超时：空调漏水' });
    } finally {
      desktop.close();
    }
  });

  it('go to the administrators when the desk has no service manager on duty', async () => {
    await core.deps.db.updateTable('users').set({ disabled: 1 }).where('role', '=', 'supervisor').execute();
    const t = await vipRequest('urgent');
    clock.set(t.agreement!.response.dueAt);
    await runServiceCheck(core.deps);
    expect((await inbox('admin')).items.map((n) => n.kind)).toEqual(['sla_breach']);
  });

  it('each user reads and clears only their own', async () => {
    const t = await vipRequest('urgent');
    clock.set(t.agreement!.response.dueAt);
    await runServiceCheck(core.deps);
    const mine = await inbox('boss');
    expect(mine.unread).toBe(1);
    // Someone else's id is ignored.
    expect((await call(core, 'notifications.markRead', { ids: mine.items.map((n) => n.id) }, 'agent1')).unread).toBe(0);
    expect((await inbox('boss')).unread).toBe(1);
    expect((await call(core, 'notifications.markRead', { all: true }, 'boss')).unread).toBe(0);
  });
});

describe('calendars and agreements', () => {
  it('imports a year of holidays only when every row is good', async () => {
    const calendar = (await call(core, 'sla.calendars', {}, 'admin')).find((c) => c.source === 'cn-statutory')!;
    const bad = await call(core, 'sla.importHolidays', { calendarId: calendar.id, format: 'csv', text: 'date,kind,name\n2027-01-01,holiday,元旦\n2027-13-01,holiday,bad' }, 'admin');
    expect(bad).toMatchObject({ applied: false, errors: [{ line: 3, reason: 'badDate' }] });
    const text = 'date,kind,name\n2027-01-01,holiday,元旦\n2027-02-07,workday,春节';
    expect(await call(core, 'sla.importHolidays', { calendarId: calendar.id, format: 'csv', text, dryRun: true }, 'admin')).toMatchObject({ applied: false, holidays: 1, workdays: 1 });
    expect((await call(core, 'sla.calendars', {}, 'admin')).find((c) => c.id === calendar.id)!.definition.holidays).not.toContain('2027-01-01');
    expect(await call(core, 'sla.importHolidays', { calendarId: calendar.id, format: 'csv', text }, 'admin')).toMatchObject({ applied: true });
    const after = (await call(core, 'sla.calendars', {}, 'admin')).find((c) => c.id === calendar.id)!;
    expect(after.definition.holidays).toContain('2027-01-01');
    expect(after.definition.workdays).toContain('2027-02-07');
    expect(after.dayNames['2027-01-01']).toBe('元旦');
  });

  it('moves the due times of open requests when their calendar gains a holiday', async () => {
    const t = await newRequest(); // Friday 17:00 on Standard: response due Monday 12:00
    const calendar = (await call(core, 'sla.calendars', {}, 'admin')).find((c) => c.source === 'cn-statutory')!;
    const result = await call(core, 'sla.importHolidays', { calendarId: calendar.id, format: 'csv', text: 'date,kind,name\n2026-11-30,holiday,停电' }, 'admin');
    expect(result.applied).toBe(true);
    const after = await get(t.id);
    expect(after.agreement!.response.dueAt).toBe(sh('2026-12-01T12:00:00'));
    expect((await call(core, 'tickets.list', { view: 'unassigned' }, 'boss')).items.find((i) => i.id === t.id)!.sla!.dueAt).toBe(sh('2026-12-01T12:00:00'));
  });

  it('finishes at the next start a reschedule the last run left undone', async () => {
    const t = await newRequest(); // response due Monday 12:00
    const calendar = (await call(core, 'sla.calendars', {}, 'admin')).find((c) => c.source === 'cn-statutory')!;
    // The holiday was saved, then the app stopped before the clocks were measured again.
    await core.deps.db.transaction().execute(async (trx) => {
      await trx.insertInto('calendar_days').values({ calendar_id: calendar.id, day: '2026-11-30', kind: 'holiday', name: '停电' }).execute();
      await markClocksStale(trx);
    });
    expect((await get(t.id)).agreement!.response.dueAt).toBe(sh('2026-11-30T12:00:00'));
    await finishStaleReschedule(core.deps); // what createCore does at start
    expect((await get(t.id)).agreement!.response.dueAt).toBe(sh('2026-12-01T12:00:00'));
    expect(await clocksStale(core.deps.db)).toBe(false);
  });

  it('announces new warning thresholds for work already open', async () => {
    const t = await vipRequest('urgent'); // response 15 min
    clock.advance(5 * MINUTE); // 33%: nothing under the default 75% and 90%
    expect((await runServiceCheck(core.deps)).summary).toMatchObject({ warnings: 0 });
    await call(core, 'sla.updateSettings', { warnThresholds: [25, 75] }, 'admin');
    expect((await runServiceCheck(core.deps)).summary).toMatchObject({ warnings: 1 });
    expect((await get(t.id)).agreement!.response.level).toBe(25);
  });

  it('rejects bad agreements and calendars with field errors', async () => {
    const std = agreements['标准 Standard']!;
    const reversed = await core.dispatch('sla.saveAgreement', { ...agreementInput(std), targets: std.targets.map((t) => ({ ...t, resolutionMinutes: 1 })) }, 'admin');
    expect(reversed).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const dup = await core.dispatch('sla.saveAgreement', { ...agreementInput(std), id: undefined }, 'admin');
    expect(dup).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { fields: [{ path: 'name', code: 'duplicate' }] } } });
    const overlap = await core.dispatch(
      'sla.saveCalendar',
      { name: '错', timeZone: 'Asia/Shanghai', allDay: false, week: { 1: [{ start: 540, end: 720 }, { start: 700, end: 800 }] }, makeUpHours: [], days: [] },
      'admin',
    );
    expect(overlap).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const badZone = await core.dispatch('sla.saveCalendar', { name: '错', timeZone: 'Mars/Olympus', allDay: true, week: {}, makeUpHours: [], days: [] }, 'admin');
    expect(badZone).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const calendar = { name: '错', timeZone: 'Asia/Shanghai', allDay: false, week: { 1: [{ start: 540, end: 1080 }] } };
    const noSuchDay = await core.dispatch('sla.saveCalendar', { ...calendar, makeUpHours: [{ start: 540, end: 1080 }], days: [{ date: '2027-02-30', kind: 'holiday' }] }, 'admin');
    expect(noSuchDay).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { fields: [{ path: 'days.0.date', code: 'date' }] } } });
    const noHours = await core.dispatch('sla.saveCalendar', { ...calendar, makeUpHours: [], days: [{ date: '2027-02-07', kind: 'workday' }] }, 'admin');
    expect(noHours).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { fields: [{ path: 'makeUpHours', code: 'makeUpHoursRequired' }] } } });
    expect(await core.dispatch('sla.saveAgreement', { ...agreementInput(std), validFrom: '2026-13-01' }, 'admin')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await core.dispatch('sla.saveAgreement', { ...agreementInput(std), name: 'x' }, 'boss')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('ships the statutory calendar once and adds newly shipped years without touching edits', async () => {
    const calendars = await call(core, 'sla.calendars', {}, 'admin');
    expect(calendars.map((c) => c.name)).toEqual(['标准工作时间 Standard hours', '7×24']);
    const statutory = calendars[0]!;
    expect(statutory.definition.workdays).toContain('2026-10-10');
    const days = Object.entries(statutory.dayNames)
      .filter(([d]) => d !== '2026-10-10')
      .map(([date, name]) => ({ date, name, kind: statutory.definition.holidays.includes(date) ? ('holiday' as const) : ('workday' as const) }));
    const { timeZone, allDay, week, makeUpHours } = statutory.definition;
    await call(core, 'sla.saveCalendar', { id: statutory.id, name: statutory.name, timeZone, allDay, week: week as never, makeUpHours, days }, 'admin');
    // The next start brings nothing back into a year the admin keeps…
    await ensureShippedCalendars(core.deps.db, clock.now());
    expect((await call(core, 'sla.calendars', {}, 'admin'))[0]!.definition.workdays).not.toContain('2026-10-10');
    // …but a shipped year the calendar lacks arrives whole.
    await core.deps.db.deleteFrom('calendar_days').where('day', 'like', '2025-%').execute();
    await ensureShippedCalendars(core.deps.db, clock.now());
    expect((await call(core, 'sla.calendars', {}, 'admin'))[0]!.definition.holidays).toContain('2025-10-01');
  });
});
