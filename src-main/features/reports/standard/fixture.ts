import type { TicketDetail } from '../../../../src-shared/contract';
import type { ReportFilters } from '../../../../src-shared/contract/reports';
import type { Core } from '../../../core/createCore';
import { addUser, call, fakeClock, setupDesk, signInAs, testCore, type FakeClock } from '../../../core/testing';
import { runSlaCheck } from '../../sla/check';

// Test support: a small desk for the standard reports, built through dispatch (real
// services create the requests, work logs, complaints and follow-ups). What it holds, and
// every figure the reports must show for it, is worked out by hand in reports.test.ts.

export const MIN = 60_000;
export const HOUR = 60 * MIN;
/** 2026-11-24 10:00 in Shanghai. */
export const BASE = Date.UTC(2026, 10, 24, 2, 0);
export const NOVEMBER: ReportFilters = { from: '2026-11-01', to: '2026-11-30' };

export interface ReportDesk {
  core: Core;
  clock: FakeClock;
  ids: Record<string, number>;
  teamA: number;
  teamB: number;
  gold: number;
  t: Record<string, TicketDetail>;
}

export async function buildReportDesk(): Promise<ReportDesk> {
  const ids: Record<string, number> = {};
  const t: Record<string, TicketDetail> = {};
  const { core, clock } = await testCore(fakeClock(BASE - 40 * 24 * HOUR));
  const at = async <T>(ms: number, step: () => Promise<T>): Promise<T> => {
    clock.set(ms);
    return step();
  };
  const create = (session: string, extra: Record<string, unknown>): Promise<TicketDetail> =>
    call(core, 'tickets.create', { customer: { name: '华东精密机械' }, channel: 'phone', subject: '报修', ...extra } as never, session);
  const fresh = (id: number) => call(core, 'tickets.get', { id }, 'admin');
  const work = (ticket: TicketDetail, start: number, end: number, minutes: number, outcome: 'resolved' | 'unresolved', parts: { partId: number; quantity: number }[], chargeable: boolean) => ({
    id: ticket.id,
    version: ticket.version,
    kind: 'onsite' as const,
    startedAt: start,
    endedAt: end,
    workMinutes: minutes,
    parts,
    chargeable,
    findings: '检查处理',
    outcome,
  });

    await setupDesk(core);
  for (const [role, name] of [
    ['agent', 'agentA'],
    ['agent', 'agentB'],
    ['engineer', 'wang'],
    ['engineer', 'li'],
    ['engineer', 'zhao'],
    ['supervisor', 'boss'],
  ] as const) {
    await addUser(core, role, name);
  }
  const teamA = (await call(core, 'users.saveTeam', { name: 'A组' }, 'admin')).id;
  const teamB = (await call(core, 'users.saveTeam', { name: 'B组' }, 'admin')).id;
  const accounts = await call(core, 'users.list', {}, 'admin');
  for (const a of accounts) ids[a.username] = a.id;
  const team = { agentA: teamA, wang: teamA, zhao: teamA, agentB: teamB, li: teamB } as Record<string, number>;
  for (const a of accounts) {
    if (team[a.username]) await call(core, 'users.update', { id: a.id, displayName: a.displayName, role: a.role, teamId: team[a.username]! }, 'admin');
  }
  for (const name of ['agentA', 'agentB', 'wang', 'li', 'zhao', 'boss']) await signInAs(core, name);

  // A 7×24 agreement, so due times are plain arithmetic: respond in 60 min, resolve in 4 h (every priority).
  const calendar = await call(core, 'sla.saveCalendar', { name: '全天', timeZone: 'Asia/Shanghai', allDay: true, week: {}, makeUpHours: [], days: [] }, 'admin');
  const targets = (['low', 'normal', 'high', 'urgent'] as const).map((priority) => ({ priority, responseMinutes: 60, resolutionMinutes: 240 }));
  const gold = (await call(core, 'sla.saveAgreement', { name: '金牌服务', calendarId: calendar.id, chargingMethod: 'annual_contract', targets }, 'admin')).id;
  await call(core, 'sla.updateSettings', { defaultAgreementId: gold, firstResponse: 'assignment' }, 'admin');

  const m1 = (await call(core, 'customers.saveProduct', { productLine: '空调', model: 'KFR-35', name: '壁挂空调' }, 'admin')).id;
  const m2 = (await call(core, 'customers.saveProduct', { productLine: '冷柜', model: 'BD-200', name: '卧式冷柜' }, 'admin')).id;
  const p1 = (await call(core, 'parts.save', { partNo: 'CAP-35', name: '启动电容', unitPrice: 4500 }, 'admin')).id;
  const p2 = (await call(core, 'parts.save', { partNo: 'FLT-01', name: '过滤网', unitPrice: 1000 }, 'admin')).id;
  const categories = await call(core, 'tickets.problemCategories', {}, 'admin');
  const cat = (code: string) => categories.find((c) => c.code === code)!.id;

  // T6, in October: outside the period everywhere.
  t.T6 = await create('agentA', { type: 'installation', productId: m1, problemCategoryId: cat('install') });

  // T1: high, responded in 10 min, resolved in 2 h (both met), satisfied (5) → closed.
  t.T1 = await at(BASE, () => create('agentA', { type: 'repair', priority: 'high', productId: m1, problemCategoryId: cat('fault') }));
  t.T1 = await at(BASE + 10 * MIN, () => call(core, 'tickets.assign', { id: t.T1!.id, version: t.T1!.version, engineerId: ids.wang! }, 'agentA'));
  // T2: assigned after 2 h (response missed, nobody assigned by its due time)…
  t.T2 = await at(BASE + 5 * MIN, () => create('agentA', { type: 'repair', productId: m1, problemCategoryId: cat('fault') }));
  // T3: low, consultation, team B, resolved remotely in 20 min.
  t.T3 = await at(BASE + HOUR, () => create('agentB', { type: 'consultation', priority: 'low', productId: m2, problemCategoryId: cat('usage') }));
  t.T3 = await at(BASE + HOUR + 20 * MIN, () => call(core, 'tickets.assign', { id: t.T3!.id, version: t.T3!.version, engineerId: ids.li! }, 'agentB'));
  t.T3 = await at(BASE + HOUR + 50 * MIN, () => call(core, 'tickets.logWork', { ...work(t.T3!, BASE + HOUR + 30 * MIN, BASE + HOUR + 50 * MIN, 20, 'resolved', [], false), kind: 'remote' }, 'li'));
  t.T1 = await at(BASE + 2 * HOUR, () => call(core, 'tickets.logWork', work(t.T1!, BASE + 30 * MIN, BASE + 90 * MIN, 60, 'resolved', [{ partId: p1, quantity: 2 }], false), 'wang'));
  // T4: an urgent complaint about engineer wang, team B; acknowledged, root cause recorded, resolved, closed after 28 h.
  t.T4 = await at(BASE + 2 * HOUR, () =>
    create('agentB', { type: 'complaint', priority: 'urgent', productId: m2, problemCategoryId: cat('other'), complaint: { severity: 'high', party: 'engineer', partyUserId: ids.wang! } }),
  );
  t.T2 = await at(BASE + 2 * HOUR + 5 * MIN, () => call(core, 'tickets.assign', { id: t.T2!.id, version: t.T2!.version, engineerId: ids.wang! }, 'agentA'));
  t.T4 = await at(BASE + 2 * HOUR + 30 * MIN, () => call(core, 'tickets.acknowledgeComplaint', { id: t.T4!.id, version: t.T4!.version }, 'boss'));
  t.T4 = await at(BASE + 2 * HOUR + 35 * MIN, () => call(core, 'tickets.updateComplaint', { id: t.T4!.id, version: t.T4!.version, rootCause: '沟通不及时', correctiveAction: '加强培训' }, 'boss'));
  t.T4 = await at(BASE + 2 * HOUR + 40 * MIN, () => call(core, 'tickets.assign', { id: t.T4!.id, version: t.T4!.version, engineerId: ids.li! }, 'agentB'));
  // …T2: wang's visit does not resolve it (chargeable filter ×1); li takes over and resolves it after 6 h (resolution missed).
  t.T2 = await at(BASE + 3 * HOUR, () => call(core, 'tickets.logWork', work(t.T2!, BASE + 2 * HOUR + 30 * MIN, BASE + 3 * HOUR, 30, 'unresolved', [{ partId: p2, quantity: 1 }], true), 'wang'));
  // T5: a complaint about the process, no product or category, never worked.
  t.T5 = await at(BASE + 3 * HOUR, () => create('agentA', { type: 'complaint', complaint: { severity: 'low', party: 'process' } }));
  t.T2 = await at(BASE + 3 * HOUR + 10 * MIN, () => call(core, 'tickets.assign', { id: t.T2!.id, version: t.T2!.version, engineerId: ids.li! }, 'agentA'));
  t.T4 = await at(BASE + 5 * HOUR, () => call(core, 'tickets.logWork', work(t.T4!, BASE + 4 * HOUR, BASE + 5 * HOUR, 45, 'resolved', [{ partId: p1, quantity: 1 }], false), 'li'));
  t.T2 = await at(BASE + 6 * HOUR, () => call(core, 'tickets.logWork', work(t.T2!, BASE + 5 * HOUR, BASE + 6 * HOUR, 60, 'resolved', [{ partId: p2, quantity: 3 }], true), 'li'));
  t.T1 = await at(BASE + 3 * HOUR, async () => call(core, 'tickets.recordFollowUp', { id: t.T1!.id, version: (await fresh(t.T1!.id)).version, satisfaction: 5, satisfied: true }, 'agentA'));
  t.T2 = await at(BASE + 7 * HOUR, () => call(core, 'tickets.recordFollowUp', { id: t.T2!.id, version: t.T2!.version, satisfaction: 2, satisfied: false, comment: '等待时间太长' }, 'agentA'));
  t.T3 = await at(BASE + 48 * HOUR, () => call(core, 'tickets.recordFollowUp', { id: t.T3!.id, version: t.T3!.version, satisfaction: 4, satisfied: true }, 'agentB'));
  t.T4 = await at(BASE + 30 * HOUR, async () => call(core, 'tickets.recordFollowUp', { id: t.T4!.id, version: (await fresh(t.T4!.id)).version, satisfaction: 3, satisfied: true }, 'agentB'));
  // Three days on, the SLA check marks T5's targets missed.
  clock.set(BASE + 72 * HOUR);
  await runSlaCheck(core.deps, clock.now(), '2026-11-27');
  return { core, clock, ids, teamA, teamB, gold, t };
}
