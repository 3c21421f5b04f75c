import { beforeAll, describe, expect, it } from 'vitest';
import type { DashboardView } from '../../../src-shared/contract/dashboard';
import type { DrillMeasure, KpiKey } from '../../../src-shared/domain/dashboard';
import type { Core } from '../../core/createCore';
import { addUser, call, fakeClock, setupDesk, signInAs, testCore, type FakeClock } from '../../core/testing';
import { runServiceCheck } from '../sla/jobs';

// Each figure on a small desk, computed by hand below, then compared exactly; the same
// with filters; and every drill-down lists exactly as many requests as its figure counts.
//
// Desk time is Shanghai (UTC+8). The period is Mon 2026-11-02 … Sun 11-08; the previous one
// Mon 10-26 … Sun 11-01.
// First response is the first reply (the desk's default); each assignment below replies.
//   E  (prev.)  Wed 10-28 09:00, customer 乙 (normal), wang: assigned 09:20, resolved 10:00,
//               follow-up 4 → closed 10:30.
//   A  Mon 11-02 09:00, customer 甲 (key), wang: assigned 09:30, resolved 11:00, follow-up 5 → closed.
//   B  Mon 11-02 10:00, 甲, wang: assigned 11:00, unresolved (attempt 1), assigned again,
//               resolved Tue 11-03 10:00 (24 h), follow-up 3 → closed.
//   C  Tue 11-03 09:00, 甲, urgent complaint, never assigned: both targets breached (checked Thu).
//   D  Wed 11-04 09:00, 乙, li: assigned 09:15, resolved 10:00, closed by the manager, reopened.
// By hand, for the period:
//   new 4; closed 2 (A, B; D was reopened); first response (30 + 60 + 15) / 3 = 35 min;
//   time to resolve (2 h + 24 h) / 2 = 13 h; FCR 1 of 2 (B had a failed attempt) = 0.5;
//   response SLA 3 met of 4 = 0.75 (C breached); resolution SLA: A, B met, C breached = 2/3
//   (D is reopened: neither); reopen rate 1 (D) of 3 resolved at least once (A, B, D);
//   CSAT (5 + 3) / 2 = 4; complaint rate 1 of 4 = 0.25.
// Previous period: new 1, closed 1, first response 20 min, resolve 1 h, FCR 1, CSAT 4.
// Backlog on Sun 11-08: C pending assignment (age 5), D reopened (age 4): both "4–7 days".

const MIN = 60_000;
const HOUR = 60 * MIN;
/** 09:00 Shanghai on a day of November 2026 (or October with month 9). */
const at9 = (day: number, month = 10) => Date.UTC(2026, month, day, 1, 0);

let core: Core;
let clock: FakeClock;
const ids: Record<string, number> = {};
let wang = 0;
let li = 0;
let jia = 0;
let yi = 0;

async function create(key: string, customer: number, extra: Record<string, unknown> = {}) {
  const t = await call(core, 'tickets.create', { customer: { id: customer }, type: 'repair', channel: 'phone', subject: `请求 ${key}`, ...extra } as never, 'agent1');
  ids[key] = t.id;
}

async function version(key: string) {
  return (await call(core, 'tickets.get', { id: ids[key]! }, 'admin')).version;
}

/** Assigns and answers the customer: the desk's first response (its default: the first reply). */
async function assign(key: string, engineerId: number) {
  await call(core, 'tickets.assign', { id: ids[key]!, version: await version(key), engineerId }, 'boss');
  await call(core, 'tickets.addNote', { id: ids[key]!, kind: 'reply', body: '已安排工程师' }, 'boss');
}

async function work(key: string, engineer: string, outcome: 'resolved' | 'unresolved') {
  const now = clock.now();
  await call(
    core,
    'tickets.logWork',
    { id: ids[key]!, version: await version(key), kind: 'onsite', startedAt: now - 30 * MIN, endedAt: now, workMinutes: 30, chargeable: false, findings: '检修', outcome },
    engineer,
  );
}

async function followUp(key: string, satisfaction: number) {
  await call(core, 'tickets.recordFollowUp', { id: ids[key]!, version: await version(key), satisfaction, satisfied: true, comment: '满意' }, 'agent1');
}

beforeAll(async () => {
  ({ core, clock } = await testCore(fakeClock(at9(28, 9))));
  await setupDesk(core);
  for (const [role, name] of [['agent', 'agent1'], ['engineer', 'wang'], ['engineer', 'li'], ['supervisor', 'boss']] as const) {
    await addUser(core, role, name);
    await signInAs(core, name);
  }
  const assignees = await call(core, 'users.assignees', {}, 'admin');
  wang = assignees.find((u) => u.displayName === 'wang')!.id;
  li = assignees.find((u) => u.displayName === 'li')!.id;
  jia = (await call(core, 'customers.save', { kind: 'company', name: '甲公司', tier: 'key', province: 'SH' }, 'admin')).id;
  yi = (await call(core, 'customers.save', { kind: 'company', name: '乙公司', tier: 'normal', province: 'GD' }, 'admin')).id;

  // E, in the previous period.
  await create('E', yi);
  clock.advance(20 * MIN);
  await assign('E', wang);
  clock.advance(40 * MIN);
  await work('E', 'wang', 'resolved');
  clock.advance(30 * MIN);
  await followUp('E', 4);

  clock.set(at9(2));
  await create('A', jia);
  clock.advance(30 * MIN);
  await assign('A', wang);
  clock.set(at9(2) + HOUR);
  await create('B', jia);
  clock.set(at9(2) + 2 * HOUR);
  await assign('B', wang); // B: 60 min after entry
  await work('A', 'wang', 'resolved'); // A: 2 h after entry
  await work('B', 'wang', 'unresolved');
  await followUp('A', 5);
  await call(core, 'tickets.assign', { id: ids.B!, version: await version('B'), engineerId: wang }, 'boss');
  clock.set(at9(3) + HOUR);
  await work('B', 'wang', 'resolved'); // B: 24 h after entry
  await followUp('B', 3);

  clock.set(at9(3));
  await create('C', jia, { type: 'complaint', priority: 'urgent', complaint: { severity: 'high', party: 'process' } });

  clock.set(at9(4));
  await create('D', yi);
  clock.advance(15 * MIN);
  await assign('D', li);
  clock.advance(45 * MIN);
  await work('D', 'li', 'resolved');
  await call(core, 'tickets.close', { id: ids.D!, version: await version('D'), note: '已解决' }, 'boss');
  await call(core, 'tickets.reopen', { id: ids.D!, version: await version('D'), note: '客户反馈' }, 'boss');

  clock.set(at9(5) + 8 * HOUR);
  await runServiceCheck(core.deps);
  clock.set(at9(8) + 2 * HOUR);
}, 60_000);

async function dashboard(filters: Record<string, unknown> = {}): Promise<DashboardView> {
  return call(core, 'dashboard.get', { from: '2026-11-02', to: '2026-11-08', ...filters } as never, 'boss');
}

const values = (view: DashboardView, which: 'value' | 'previous') => Object.fromEntries(view.kpis.map((k) => [k.key, k[which]])) as Record<KpiKey, number | null>;

describe('dashboard figures', () => {
  it('the fixture is as described', async () => {
    const c = await call(core, 'tickets.get', { id: ids.C! }, 'admin');
    expect(c.status).toBe('pending_assignment');
    expect(c.agreement?.response.breachedAt).not.toBeNull();
    expect(c.agreement?.resolution.breachedAt).not.toBeNull();
    expect((await call(core, 'tickets.get', { id: ids.D! }, 'admin')).status).toBe('reopened');
    expect((await call(core, 'tickets.get', { id: ids.B! }, 'admin')).attempts).toBe(1);
  });

  it('computes every figure of the period and of the one before exactly', async () => {
    const view = await dashboard();
    expect(view).toMatchObject({ from: '2026-11-02', to: '2026-11-08', previousFrom: '2026-10-26', previousTo: '2026-11-01', today: '2026-11-08', bucket: 'day' });
    expect(values(view, 'value')).toEqual({
      new: 4,
      closed: 2,
      firstResponse: 35,
      timeToResolve: 13,
      fcr: 0.5,
      responseSla: 0.75,
      resolutionSla: 2 / 3,
      reopenRate: 1 / 3,
      csat: 4,
      complaintRate: 0.25,
    });
    expect(values(view, 'previous')).toEqual({
      new: 1,
      closed: 1,
      firstResponse: 20,
      timeToResolve: 1,
      fcr: 1,
      responseSla: 1,
      resolutionSla: 1,
      reopenRate: 0,
      csat: 4,
      complaintRate: 0,
    });
  });

  it('trends per day and the backlog by state and age', async () => {
    const view = await dashboard();
    expect(view.trend.map((p) => [p.from, p.values.new, p.values.closed])).toEqual([
      ['2026-11-02', 2, 1],
      ['2026-11-03', 1, 1],
      ['2026-11-04', 1, 0],
      ['2026-11-05', 0, 0],
      ['2026-11-06', 0, 0],
      ['2026-11-07', 0, 0],
      ['2026-11-08', 0, 0],
    ]);
    expect(view.previousTrend).toHaveLength(7);
    expect(view.previousTrend[2]).toMatchObject({ from: '2026-10-28', values: { new: 1, closed: 1, csat: 4 } });
    expect(view.backlog.total).toBe(2);
    expect(view.backlog.byStatus).toMatchObject({ pending_assignment: 1, reopened: 1, assigned: 0 });
    expect(view.backlog.byAge.map((b) => [b.bucket, b.total])).toEqual([
      ['0-1', 0],
      ['2-3', 0],
      ['4-7', 2],
      ['8-30', 0],
      ['31+', 0],
    ]);
    expect(view.backlog.byAge[2]).toMatchObject({ from: '2026-11-01', to: '2026-11-04' });
  });

  it('narrows every figure by engineer, tier and province', async () => {
    // wang owns A, B (and E before): C has no engineer, D is li's.
    expect(values(await dashboard({ engineerId: wang }), 'value')).toMatchObject({ new: 2, closed: 2, firstResponse: 45, fcr: 0.5, responseSla: 1, csat: 4, complaintRate: 0 });
    expect(values(await dashboard({ engineerId: li }), 'value')).toMatchObject({ new: 1, closed: 0, firstResponse: 15, reopenRate: 1, csat: null });
    // 甲 is a key account in Shanghai: A, B, C.
    const key = values(await dashboard({ tier: 'key' }), 'value');
    expect(key).toMatchObject({ new: 3, complaintRate: 1 / 3, responseSla: 2 / 3 });
    expect(values(await dashboard({ province: 'GD' }), 'value')).toMatchObject({ new: 1, reopenRate: 1 });
    expect((await dashboard({ tier: 'strategic' })).backlog.total).toBe(0);
  });

  it('moves a customer’s requests when its tier changes, in the same transaction', async () => {
    await call(core, 'customers.save', { id: yi, kind: 'company', name: '乙公司', tier: 'strategic', province: 'GD' }, 'admin');
    expect(values(await dashboard({ tier: 'strategic' }), 'value')).toMatchObject({ new: 1, reopenRate: 1 });
    expect(values(await dashboard({ tier: 'strategic' }), 'previous')).toMatchObject({ new: 1, csat: 4 });
    await call(core, 'customers.save', { id: yi, kind: 'company', name: '乙公司', tier: 'normal', province: 'GD' }, 'admin');
    expect(values(await dashboard({ tier: 'strategic' }), 'value')).toMatchObject({ new: 0 });
  });

  it('lists exactly the requests behind each figure (the drill-down), with and without filters', async () => {
    for (const filters of [{}, { engineerId: wang }, { tier: 'key' as const }, { province: 'GD' as const }]) {
      const view = await dashboard(filters);
      for (const kpi of view.kpis) {
        for (const d of kpi.drills) {
          for (const [from, to, expected] of [
            [view.from, view.to, d.count],
            [view.previousFrom, view.previousTo, d.previousCount],
          ] as const) {
            const page = await call(core, 'tickets.list', { drill: { measure: d.measure, from, to, ...filters }, limit: 200 }, 'boss');
            expect(page.items.length, `${kpi.key} ${d.measure} ${JSON.stringify(filters)} ${from}`).toBe(expected);
          }
        }
      }
      for (const b of view.backlog.byAge) {
        const page = await call(core, 'tickets.list', { drill: { measure: 'created', ...(b.from ? { from: b.from } : {}), to: b.to, ...filters }, status: ['pending_assignment', 'reopened', 'assigned', 'on_hold', 'locked', 'resolved', 'follow_up'], limit: 200 }, 'boss');
        expect(page.items.length).toBe(b.total);
      }
    }
    const breached: DrillMeasure = 'responseBreached';
    const page = await call(core, 'tickets.list', { drill: { measure: breached, from: '2026-11-02', to: '2026-11-08' } }, 'boss');
    expect(page.items.map((i) => i.id)).toEqual([ids.C]);
  });

  it('refuses a period that ends before it starts, or is too long', async () => {
    expect(await core.dispatch('dashboard.get', { from: '2026-11-08', to: '2026-11-02' }, 'boss')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await core.dispatch('dashboard.get', { from: '2020-01-01', to: '2026-11-02' }, 'boss')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await core.dispatch('dashboard.get', { from: '2026-11-01', to: '2026-11-02' }, 'agent1')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('rebuilds the rollups from the requests (audited), to the same figures', async () => {
    const before = await dashboard();
    core.deps.sqlite.exec('UPDATE dashboard_rollups SET created_n = created_n + 7');
    expect(values(await dashboard(), 'value').new).not.toBe(4);
    const result = await call(core, 'dashboard.rebuild', {}, 'boss');
    expect(result.tickets).toBe(5);
    expect(await dashboard()).toEqual(before);
    const audit = core.deps.sqlite.prepare("SELECT action, details FROM audit_log WHERE action = 'dashboard.rebuild'").all() as { details: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ tickets: 5 });
  });

  it('cuts days again and rebuilds when the desk’s time zone changes', async () => {
    core.deps.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('timeZone', 'America/New_York') ON CONFLICT (key) DO UPDATE SET value = excluded.value").run();
    // 09:00 in Shanghai is 20:00 the day before in New York.
    const view = await dashboard();
    expect(view.trend.map((p) => p.values.new)).toEqual([1, 1, 0, 0, 0, 0, 0]);
    core.deps.sqlite.prepare("UPDATE settings SET value = 'Asia/Shanghai' WHERE key = 'timeZone'").run();
    expect(values(await dashboard(), 'value').new).toBe(4);
  });
});
