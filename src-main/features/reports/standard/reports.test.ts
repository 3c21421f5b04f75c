import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportData, ReportFilters } from '../../../../src-shared/contract/reports';
import type { ReportId } from '../../../../src-shared/domain/reports';
import { REPORTS } from '../../../../src-shared/domain/reports';
import { addUser, call, signInAs } from '../../../core/testing';
import { computeReport } from '../render';
import { BASE, buildReportDesk, HOUR, NOVEMBER, type ReportDesk } from './fixture';

// The six standard reports on the fixture desk (fixture.ts), every figure worked out by hand.
//
// The desk, in November (Asia/Shanghai, BASE = 2026-11-24 10:00), one 7×24 agreement
// 金牌服务 (respond in 1 h, resolve in 4 h), response counted at assignment:
//  T1 team A, repair, high, 空调 KFR-35, 设备故障: assigned +10 min (wang), wang's visit
//     resolves it (60 min, 2 × CAP-35 at 45.00, warranty) at +2 h; follow-up 5 → closed.
//  T2 team A, repair, normal, 空调 KFR-35, 设备故障, entered +5 min: assigned +2 h 05 (wang;
//     response missed by 1 h, nobody assigned by then); wang's visit (30 min, 1 × FLT-01 at
//     10.00, chargeable) does not resolve it (+3 h); li assigned +3 h 10, resolves it at
//     +6 h (60 min, 3 × FLT-01, chargeable); follow-up 2 unsatisfied "等待时间太长" at
//     +7 h → locked (two attempts). The clock stood still from resolution to the follow-up
//     (1 h), so its resolution was due at +5 h 05: missed by 55 min, after a visit that
//     did not resolve.
//  T3 team B, consultation, low, 冷柜 BD-200, 使用咨询, +1 h: li assigned +1 h 20, resolves
//     remotely (20 min) at +1 h 50; follow-up 4 → closed.
//  T4 team B, complaint (high, about engineer wang), urgent, 冷柜 BD-200, 其他, +2 h:
//     acknowledged, root cause 沟通不及时; li assigned +2 h 40, resolves (45 min, 1 × CAP-35,
//     warranty) at +5 h; follow-up 3 → closed at +30 h (28 h after entry).
//  T5 team A, complaint (low, about the process), normal, no product or category, +3 h:
//     never worked; the SLA check at +72 h marks both targets missed.
//  T6 team A, installation, entered in October: outside the period.

let desk: ReportDesk;

beforeAll(async () => {
  desk = await buildReportDesk();
});
afterAll(() => desk.core.close());

async function run(report: ReportId, filters: Partial<ReportFilters> = {}, session = 'boss', locale: 'zh-CN' | 'en-US' = 'zh-CN'): Promise<ReportData> {
  return call(desk.core, 'reports.run', { report, filters: { ...NOVEMBER, ...filters }, locale }, session);
}

/** Each table's rows and totals, by key. */
function tables(data: ReportData): Record<string, { rows: unknown[][]; totals: unknown[] | null; totalRows: number }> {
  return Object.fromEntries(data.tables.map((t) => [t.key, { rows: t.rows, totals: t.totals, totalRows: t.totalRows }]));
}

describe('the standard reports on a desk worked out by hand', () => {
  it('fills every table its shape declares, cell for column', async () => {
    for (const id of Object.keys(REPORTS) as ReportId[]) {
      const data = await run(id);
      expect(data.tables.map((t) => t.key)).toEqual(REPORTS[id].tables.map((t) => t.key));
      for (const [i, t] of data.tables.entries()) {
        const width = REPORTS[id].tables[i]!.columns.length;
        for (const row of t.rows) expect(row).toHaveLength(width);
        if (t.totals) expect(t.totals).toHaveLength(width);
        expect(t.totals !== null).toBe(REPORTS[id].tables[i]!.totals);
      }
      expect(Object.keys(data.figures)).toEqual(REPORTS[id].figures.map((f) => f.key));
    }
  });

  it('requests by problem category and product', async () => {
    const data = await run('requests');
    expect(data.figures).toEqual({ requests: 5, closed: 3, categorized: 0.8 });
    expect(tables(data)).toEqual({
      // Mean hours to resolve: 设备故障 (2 + 5.92) / 2 = 3.96; 使用咨询 50 min; 其他 3 h; all four (2 + 5.92 + 0.83 + 3) / 4 = 2.94.
      byCategory: {
        rows: [
          ['设备故障', 2, 0.4, 1, 4],
          [null, 1, 0.2, 0, null],
          ['使用咨询', 1, 0.2, 1, 0.8],
          ['其他', 1, 0.2, 1, 3],
        ],
        totals: [null, 5, 1, 3, 2.9],
        totalRows: 4,
      },
      byProduct: {
        rows: [
          ['冷柜', 'BD-200', 2, 0.4, 2, 1.9],
          ['空调', 'KFR-35', 2, 0.4, 1, 4],
          [null, null, 1, 0.2, 0, null],
        ],
        totals: [null, null, 5, 1, 3, 2.9],
        totalRows: 3,
      },
      byType: {
        rows: [
          ['complaint', 2, 0.4],
          ['repair', 2, 0.4],
          ['consultation', 1, 0.2],
        ],
        totals: [null, 5, 1],
        totalRows: 3,
      },
      occurrences: {
        rows: [
          ['空调', 'KFR-35', '设备故障', 2],
          [null, null, null, 1],
          ['冷柜', 'BD-200', '使用咨询', 1],
          ['冷柜', 'BD-200', '其他', 1],
        ],
        totals: [null, null, null, 5],
        totalRows: 4,
      },
    });
  });

  it('SLA compliance by agreement, priority and team, and each breach with its reason', async () => {
    const data = await run('sla');
    expect(data.figures).toEqual({ requests: 5, responseRate: 0.6, resolutionRate: 0.6, breaches: 4 });
    const all = [5, 3, 2, 0.6, 3, 2, 0.6];
    const r = tables(data);
    expect(r.byAgreement).toEqual({ rows: [['金牌服务', ...all]], totals: [null, ...all], totalRows: 1 });
    expect(r.byPriority!.rows).toEqual([
      ['urgent', 1, 1, 0, 1, 1, 0, 1],
      ['high', 1, 1, 0, 1, 1, 0, 1],
      ['normal', 2, 0, 2, 0, 0, 2, 0],
      ['low', 1, 1, 0, 1, 1, 0, 1],
    ]);
    expect(r.byTeam!.rows).toEqual([
      ['A组', 3, 1, 2, 0.3333, 1, 2, 0.3333],
      ['B组', 2, 2, 0, 1, 2, 0, 1],
    ]);
    expect(r.breachReasons).toEqual({
      rows: [
        ['notAssigned', 3, 0.75],
        ['unresolvedVisit', 1, 0.25],
      ],
      totals: [null, 4, 1],
      totalRows: 2,
    });
    const [t2, t5] = [desk.t.T2!.number, desk.t.T5!.number];
    expect(r.breaches).toEqual({
      rows: [
        [t2, '华东精密机械', 'normal', '金牌服务', 'response', BASE + 65 * 60_000, BASE + 125 * 60_000, 1, 'li', 'notAssigned'],
        [t5, '华东精密机械', 'normal', '金牌服务', 'response', BASE + 4 * HOUR, null, 68, null, 'notAssigned'],
        [t2, '华东精密机械', 'normal', '金牌服务', 'resolution', BASE + 5 * HOUR + 5 * 60_000, BASE + 6 * HOUR, 0.9, 'li', 'unresolvedVisit'],
        [t5, '华东精密机械', 'normal', '金牌服务', 'resolution', BASE + 7 * HOUR, null, 65, null, 'notAssigned'],
      ],
      totals: null,
      totalRows: 4,
    });
  });

  it('engineers: handled, hours, first-time fix, revisits, CSAT, workload now', async () => {
    const data = await run('engineers');
    // li: T2, T3, T4; 125 min; resolved all three, T3 and T4 at the first visit; CSAT (2 + 4 + 3) / 3; T2 locked in his name.
    // wang: T1, T2; 90 min; resolved T1 at the first visit; CSAT 5. zhao: nothing yet.
    // Totals count a request once, however many engineers worked it: 4 handled, first-time fix 3 of 4.
    expect(tables(data).engineers).toEqual({
      rows: [
        ['li', 'B组', 3, 3, 2.1, 3, 0.6667, 0, 3, 3, 1],
        ['wang', 'A组', 2, 2, 1.5, 1, 1, 0, 5, 1, 0],
        ['zhao', 'A组', 0, 0, 0, 0, null, null, null, 0, 0],
      ],
      totals: [null, null, 4, 5, 3.6, 4, 0.75, 0, 3.5, 4, 1],
      totalRows: 3,
    });
    expect(data.figures).toEqual({ handled: 4, workHours: 3.6, firstTimeFixRate: 0.75, csat: 3.5 });
  });

  it('spare parts: consumption and cost, warranty against chargeable', async () => {
    const data = await run('parts');
    expect(data.figures).toEqual({ quantity: 7, cost: 17500, chargeableCost: 4000 });
    expect(tables(data)).toEqual({
      byCharging: {
        rows: [
          ['warranty', 2, 3, 13500, 'CNY'],
          ['chargeable', 2, 4, 4000, 'CNY'],
        ],
        totals: [null, 4, 7, 17500, 'CNY'],
        totalRows: 2,
      },
      byPart: {
        rows: [
          ['CAP-35', '启动电容', 3, 13500, 3, 13500, 0, 0, 'CNY'],
          ['FLT-01', '过滤网', 4, 4000, 0, 0, 4, 4000, 'CNY'],
        ],
        totals: [null, null, 7, 17500, 3, 13500, 4, 4000, 'CNY'],
        totalRows: 2,
      },
      byProductLine: {
        rows: [
          ['空调', 6, 13000, 9000, 4000, 'CNY'],
          ['冷柜', 1, 4500, 4500, 0, 'CNY'],
        ],
        totals: [null, 7, 17500, 13500, 4000, 'CNY'],
        totalRows: 2,
      },
    });
  });

  it('complaints by severity, party, category, root cause and time to close', async () => {
    const data = await run('complaints');
    expect(data.figures).toEqual({ complaints: 2, closed: 1, meanCloseHours: 28 });
    const one = [2, 1, 1, 28];
    expect(tables(data)).toEqual({
      bySeverity: { rows: [['high', 1, 0.5, 1, 28], ['low', 1, 0.5, 0, null]], totals: [null, ...one], totalRows: 2 },
      byParty: { rows: [['engineer', 1, 0.5, 1, 28], ['process', 1, 0.5, 0, null]], totals: [null, ...one], totalRows: 2 },
      byCategory: { rows: [[null, 1, 0.5, 0, null], ['其他', 1, 0.5, 1, 28]], totals: [null, ...one], totalRows: 2 },
      byRootCause: { rows: [[null, 1, 0.5], ['沟通不及时', 1, 0.5]], totals: [null, 2, 1], totalRows: 2 },
      closeTime: {
        rows: [
          ['within1Day', 0, 0],
          ['within3Days', 1, 0.5],
          ['within7Days', 0, 0],
          ['over7Days', 0, 0],
          ['open', 1, 0.5],
        ],
        totals: [null, 2, 1],
        totalRows: 5,
      },
    });
  });

  it('follow-ups: satisfaction distribution and unsatisfied reasons', async () => {
    const data = await run('followUps');
    expect(data.figures).toEqual({ followUps: 4, satisfiedRate: 0.75, csat: 3.5 });
    expect(tables(data)).toEqual({
      distribution: {
        rows: [
          ['1', 0, 0, 0, 0],
          ['2', 1, 0.25, 0, 1],
          ['3', 1, 0.25, 1, 0],
          ['4', 1, 0.25, 1, 0],
          ['5', 1, 0.25, 1, 0],
        ],
        totals: [null, 4, 1, 3, 1],
        totalRows: 5,
      },
      unsatisfiedByCategory: { rows: [['设备故障', 1, 1]], totals: [null, 1, 1], totalRows: 1 },
      unsatisfied: { rows: [[BASE + 7 * HOUR, desk.t.T2!.number, '华东精密机械', '设备故障', '2', '等待时间太长', 'agentA']], totals: null, totalRows: 1 },
    });
  });
});

describe('filters', () => {
  it('narrows to a team, a product line, a priority and an agreement', async () => {
    // Team B entered T3 and T4.
    expect((await run('requests', { teamId: desk.teamB })).figures).toEqual({ requests: 2, closed: 2, categorized: 1 });
    // Engineers filter by their own team: wang and zhao.
    expect(tables(await run('engineers', { teamId: desk.teamA })).engineers!.rows.map((r) => r[0])).toEqual(['wang', 'zhao']);
    // 空调 requests hold T1's and T2's parts only.
    expect(tables(await run('parts', { productLine: '空调' })).byPart!.totals).toEqual([null, null, 6, 13000, 2, 9000, 4, 4000, 'CNY']);
    // Normal priority: T2 and T5, both targets missed.
    expect((await run('sla', { priority: 'normal' })).figures).toEqual({ requests: 2, responseRate: 0, resolutionRate: 0, breaches: 4 });
    expect((await run('sla', { agreementId: desk.gold + 1000 })).figures).toEqual({ requests: 0, responseRate: null, resolutionRate: null, breaches: 0 });
  });

  it('covers the desk days of the period in the desk time zone', async () => {
    // October holds T6 alone; a period ending the day before BASE holds nothing of November.
    expect(tables(await run('requests', { from: '2026-10-01', to: '2026-10-31' })).byType!.rows).toEqual([['installation', 1, 1]]);
    expect((await run('requests', { from: '2026-11-01', to: '2026-11-23' })).figures.requests).toBe(0);
    // 2026-11-24 in Shanghai begins at 2026-11-23 16:00 UTC: the day alone holds all five.
    expect((await run('requests', { from: '2026-11-24', to: '2026-11-24' })).figures.requests).toBe(5);
  });

  it('names problem categories in the language asked for', async () => {
    expect(tables(await run('requests', {}, 'boss', 'en-US')).byCategory!.rows.map((r) => r[0])).toEqual(['Equipment fault', null, 'Other', 'Usage question']);
  });

  it('refuses a period that runs backwards or is too long, and a report nobody defined', async () => {
    const backwards = await desk.core.dispatch('reports.run', { report: 'sla', filters: { from: '2026-11-30', to: '2026-11-01' }, locale: 'zh-CN' }, 'boss');
    expect(backwards).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(JSON.stringify(backwards)).toContain('periodOrder');
    const long = await desk.core.dispatch('reports.run', { report: 'sla', filters: { from: '2020-01-01', to: '2026-11-01' }, locale: 'zh-CN' }, 'boss');
    expect(JSON.stringify(long)).toContain('periodTooLong');
    expect(await desk.core.dispatch('reports.run', { report: 'nope', filters: NOVEMBER, locale: 'zh-CN' }, 'boss')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await desk.core.dispatch('reports.run', { report: 'sla', filters: { from: '2026-02-30', to: '2026-03-01' }, locale: 'zh-CN' }, 'boss')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('is for service managers: agents and engineers are refused', async () => {
    for (const session of ['agentA', 'wang']) {
      expect(await desk.core.dispatch('reports.run', { report: 'sla', filters: NOVEMBER, locale: 'zh-CN' }, session)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it("keeps a team-scoped manager to the team's requests", async () => {
    const { core, teamB } = desk;
    await addUser(core, 'supervisor', 'bossB');
    const id = (await call(core, 'users.list', {}, 'admin')).find((a) => a.username === 'bossB')!.id;
    await call(core, 'users.update', { id, displayName: 'bossB', role: 'supervisor', teamId: teamB, dataScope: 'team' }, 'admin');
    await signInAs(core, 'bossB');
    expect((await run('requests', {}, 'bossB')).figures.requests).toBe(2);
    expect(tables(await run('complaints', {}, 'bossB')).byParty!.rows).toEqual([['engineer', 1, 1, 1, 28]]);
  });

  it('cuts long lists for the screen and says how long they are', async () => {
    const data = await computeReport(desk.core.deps.sqlite, { report: 'sla', filters: NOVEMBER, locale: 'zh-CN', timeZone: 'Asia/Shanghai', now: desk.clock.now(), listLimit: 1 });
    const breaches = data.tables.find((t) => t.key === 'breaches')!;
    expect(breaches.rows).toHaveLength(1);
    expect(breaches.totalRows).toBe(4);
    // The reasons still count every breach, not just the rows shown.
    expect(data.tables.find((t) => t.key === 'breachReasons')!.totals).toEqual([null, 4, 1]);
  });

  it('ignores a filter the report does not offer (engineers: no agreement or priority)', async () => {
    const agreementId = (await call(desk.core, 'reports.options', {}, 'boss')).agreements[0]!.id;
    const plain = await run('engineers');
    expect(plain.figures.handled).toBeGreaterThan(0);
    expect(await run('engineers', { priority: 'low', agreementId: agreementId + 1000 })).toEqual(plain);
  });

  it('offers the teams, product lines and agreements to filter by', async () => {
    const options = await call(desk.core, 'reports.options', {}, 'boss');
    expect(options.teams.map((t) => t.name)).toEqual(['A组', 'B组']);
    expect(options.productLines).toEqual(['冷柜', '空调']);
    expect(options.agreements.map((a) => a.name)).toContain('金牌服务');
  });
});

// Last: changes the desk.
describe('revisits', () => {
  it('counts a request reopened after its resolving visit as a revisit of the engineer who resolved it', async () => {
    const { core, t } = desk;
    const t3 = await call(core, 'tickets.get', { id: t.T3!.id }, 'admin');
    await call(core, 'tickets.reopen', { id: t3.id, version: t3.version, note: '又坏了' }, 'agentB');
    const rows = tables(await run('engineers')).engineers!;
    // li: T3 reopened after his resolving visit → 1 of 3; it is his again to work (open now 2).
    expect(rows.rows[0]).toEqual(['li', 'B组', 3, 3, 2.1, 3, 0.6667, 0.3333, 3, 3, 2]);
    expect(rows.totals).toEqual([null, null, 4, 5, 3.6, 4, 0.75, 0.25, 3.5, 4, 2]);
  });
});
