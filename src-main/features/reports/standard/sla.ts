import { sql, type RawBuilder } from 'kysely';
import { REPORT_CODE_SETS, type ReportCell } from '../../../../src-shared/domain/reports';
import { TICKET_PRIORITIES } from '../../../../src-shared/domain/tickets';
import { byCountThenText, countIf, num, ratio, rollup, round, table, ticketFilter, type ReportContext, type ReportDefinition } from './common';

// SLA compliance for requests entered in the period under a service agreement, by
// agreement, priority and team, and every missed target with the reason its history shows.
//
// A target is met when the response (or resolution) came by its due time; breached when
// the SLA check marked it (…_breached_at) or the work came after the due time. A target
// still running and not yet due counts as neither, so the rate is met / (met + breached).

const responseBreached = sql`(t.response_breached_at IS NOT NULL OR (t.responded_at IS NOT NULL AND t.response_due_at IS NOT NULL AND t.responded_at > t.response_due_at))`;
const resolutionBreached = sql`(t.resolution_breached_at IS NOT NULL OR (t.resolved_at IS NOT NULL AND t.resolution_due_at IS NOT NULL AND t.resolved_at > t.resolution_due_at))`;

function base(ctx: ReportContext) {
  return ctx.db
    .selectFrom('tickets as t')
    .where('t.created_at', '>=', ctx.start)
    .where('t.created_at', '<', ctx.end)
    .where('t.agreement_id', 'is not', null)
    .where(ticketFilter(ctx));
}

const measures = [
  sql<number>`count(*)`.as('requests'),
  countIf(sql`t.responded_at IS NOT NULL AND NOT ${responseBreached}`).as('response_met'),
  countIf(responseBreached).as('response_breached'),
  countIf(sql`t.resolved_at IS NOT NULL AND NOT ${resolutionBreached}`).as('resolution_met'),
  countIf(resolutionBreached).as('resolution_breached'),
] as const;

/**
 * Why a target was missed, read off the request's history up to its due time: nobody was
 * assigned; assigned but nobody answered (response); a visit that did not resolve; handed
 * from one engineer to another; waiting on hold; otherwise simply late. In SQL, so the
 * reasons of every breach are counted without reading the breaches out.
 */
function reasonOf(target: 'response' | 'resolution', due: RawBuilder<number>): RawBuilder<string> {
  const assignsBy = sql`(SELECT count(*) FROM ticket_events e WHERE e.ticket_id = t.id AND e.kind = 'assign' AND e.at <= ${due})`;
  if (target === 'response') return sql<string>`CASE WHEN ${assignsBy} = 0 THEN 'notAssigned' ELSE 'noResponse' END`;
  return sql<string>`CASE
    WHEN ${assignsBy} = 0 THEN 'notAssigned'
    WHEN EXISTS (SELECT 1 FROM work_logs w WHERE w.ticket_id = t.id AND w.outcome = 'unresolved' AND w.created_at <= ${due}) THEN 'unresolvedVisit'
    WHEN ${assignsBy} > 1 THEN 'reassigned'
    WHEN EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id AND e.kind = 'hold' AND e.at <= ${due}) THEN 'onHold'
    ELSE 'overdue' END`;
}

/**
 * One row per missed target (the response's and the resolution's), with its reason: from
 * the requests alone (names are joined to the rows kept, so the planner walks the period's
 * requests rather than every customer's).
 */
function breachQuery(ctx: ReportContext, target: 'response' | 'resolution') {
  // A breach the check marked without a due time kept (none today) reads as its mark.
  const due = target === 'response' ? sql<number>`coalesce(t.response_due_at, t.response_breached_at)` : sql<number>`coalesce(t.resolution_due_at, t.resolution_breached_at)`;
  const done = target === 'response' ? sql<number | null>`t.responded_at` : sql<number | null>`t.resolved_at`;
  const breached: RawBuilder<unknown> = target === 'response' ? responseBreached : resolutionBreached;
  return base(ctx)
    .where(sql<boolean>`${breached}`)
    .select([
      't.id',
      't.number',
      't.customer_id',
      't.priority',
      't.agreement_id',
      't.assignee_id',
      sql<string>`${target}`.as('target'),
      due.as('due_at'),
      done.as('done_at'),
      reasonOf(target, due).as('reason'),
    ]);
}

interface Measures {
  requests: number;
  responseMet: number;
  responseBreached: number;
  resolutionMet: number;
  resolutionBreached: number;
}
const ZERO: Measures = { requests: 0, responseMet: 0, responseBreached: 0, resolutionMet: 0, resolutionBreached: 0 };
const add = (a: Measures, b: Measures): Measures => ({
  requests: a.requests + b.requests,
  responseMet: a.responseMet + b.responseMet,
  responseBreached: a.responseBreached + b.responseBreached,
  resolutionMet: a.resolutionMet + b.resolutionMet,
  resolutionBreached: a.resolutionBreached + b.resolutionBreached,
});
const cells = (m: Measures): ReportCell[] => [
  m.requests,
  m.responseMet,
  m.responseBreached,
  ratio(m.responseMet, m.responseMet + m.responseBreached),
  m.resolutionMet,
  m.resolutionBreached,
  ratio(m.resolutionMet, m.resolutionMet + m.resolutionBreached),
];

export const slaReport: ReportDefinition = {
  id: 'sla',
  async query(ctx) {
    // One pass, grouped by agreement × priority × team; each table sums those groups.
    const groups = (
      await base(ctx)
        .leftJoin('agreements as ag', 'ag.id', 't.agreement_id')
        .leftJoin('teams as tm', 'tm.id', 't.team_id')
        .select(['t.agreement_id', 'ag.name as agreement', 't.priority', 't.team_id', 'tm.name as team', ...measures])
        .groupBy(['t.agreement_id', 'ag.name', 't.priority', 't.team_id', 'tm.name'])
        .execute()
    ).map((g) => ({
      ...g,
      m: { requests: num(g.requests), responseMet: num(g.response_met), responseBreached: num(g.response_breached), resolutionMet: num(g.resolution_met), resolutionBreached: num(g.resolution_breached) },
    }));
    const all = groups.reduce((s, g) => add(s, g.m), ZERO);
    const byCount = byCountThenText<{ keys: ReportCell[]; value: Measures }>((r) => r.value.requests);
    const byAgreement = rollup(groups, (g) => [g.agreement], (g) => g.m, add, ZERO, (g) => [g.agreement_id]).sort(byCount);
    const byPriority = rollup(groups, (g) => [g.priority], (g) => g.m, add, ZERO).sort((a, b) => num(b.keys[0]) - num(a.keys[0]));
    const byTeam = rollup(groups, (g) => [g.team], (g) => g.m, add, ZERO, (g) => [g.team_id]).sort(byCount);

    const breachesOf = () => ctx.db.selectFrom(breachQuery(ctx, 'response').unionAll(breachQuery(ctx, 'resolution')).as('b'));
    const reasonRows = await breachesOf().select(['b.reason', sql<number>`count(*)`.as('n')]).groupBy('b.reason').execute();
    const reasonCounts = new Map(reasonRows.map((r) => [r.reason, num(r.n)]));
    const breaches = reasonRows.reduce((n, r) => n + num(r.n), 0);
    const kept = breachesOf()
      .selectAll()
      .orderBy('b.due_at')
      .orderBy('b.id')
      .orderBy('b.target', 'desc')
      .$if(ctx.listLimit !== undefined, (q) => q.limit(ctx.listLimit!));
    const listed = await ctx.db
      .selectFrom(kept.as('k'))
      .innerJoin('customers as c', 'c.id', 'k.customer_id')
      .leftJoin('agreements as ag', 'ag.id', 'k.agreement_id')
      .leftJoin('users as u', 'u.id', 'k.assignee_id')
      .select(['k.number', 'c.name as customer', 'k.priority', 'ag.name as agreement', 'k.target', 'k.due_at', 'k.done_at', 'u.display_name as assignee', 'k.reason'])
      .orderBy('k.due_at')
      .orderBy('k.id')
      .orderBy('k.target', 'desc')
      .execute();

    const c = cells(all);
    return {
      figures: { requests: all.requests, responseRate: c[3]!, resolutionRate: c[6]!, breaches },
      tables: [
        table('byAgreement', byAgreement.map((r) => [...r.keys, ...cells(r.value)]), [null, ...c]),
        table('byPriority', byPriority.map((r) => [TICKET_PRIORITIES[num(r.keys[0])] ?? 'normal', ...cells(r.value)]), [null, ...c]),
        table('byTeam', byTeam.map((r) => [...r.keys, ...cells(r.value)]), [null, ...c]),
        table(
          'breachReasons',
          REPORT_CODE_SETS.breachReason
            .filter((r) => reasonCounts.has(r))
            .map((r) => [r, reasonCounts.get(r)!, ratio(reasonCounts.get(r), breaches)] as ReportCell[])
            .sort((a, b) => num(b[1]) - num(a[1])),
          [null, breaches, ratio(breaches, breaches)],
        ),
        table(
          'breaches',
          listed.map((b) => [
            b.number,
            b.customer,
            TICKET_PRIORITIES[b.priority] ?? 'normal',
            b.agreement,
            b.target,
            b.due_at,
            b.done_at,
            round(((b.done_at ?? ctx.now) - b.due_at) / 3_600_000, 1),
            b.assignee,
            b.reason,
          ]),
          null,
          breaches,
        ),
      ],
    };
  },
};
