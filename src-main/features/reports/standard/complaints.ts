import { sql } from 'kysely';
import { REPORT_CODE_SETS, type ReportCell } from '../../../../src-shared/domain/reports';
import { byCountThenText, categoryName, countIf, hours, num, ratio, rollup, table, ticketFilter, type ReportContext, type ReportDefinition } from './common';

// Complaints entered in the period: by severity, by the party complained about, by problem
// category and by root cause (as the service manager recorded it, trimmed; none yet: the
// "none" group), with how many were closed and the mean time from entry to closing
// (wall-clock hours), and how long closing took in bands. One pass over the period's
// complaints; every table sums its groups.

const DAY = 86_400_000;

function base(ctx: ReportContext) {
  return ctx.db
    .selectFrom('tickets as t')
    .innerJoin('complaints as c', 'c.ticket_id', 't.id')
    .where('t.created_at', '>=', ctx.start)
    .where('t.created_at', '<', ctx.end)
    .where(ticketFilter(ctx, { agreement: false }));
}

const closed = sql`t.status = 'closed' AND t.closed_at IS NOT NULL`;
const measures = [
  sql<number>`count(*)`.as('complaints'),
  countIf(closed).as('closed'),
  sql<number | null>`sum(case when ${closed} then t.closed_at - t.created_at else 0 end)`.as('close_ms'),
] as const;

const band = sql<string>`case
  when NOT (${closed}) then 'open'
  when t.closed_at - t.created_at <= ${DAY} then 'within1Day'
  when t.closed_at - t.created_at <= ${3 * DAY} then 'within3Days'
  when t.closed_at - t.created_at <= ${7 * DAY} then 'within7Days'
  else 'over7Days' end`;

const rootCause = sql<string>`trim(c.root_cause)`;

interface Measures {
  complaints: number;
  closed: number;
  closeMs: number;
}
const ZERO: Measures = { complaints: 0, closed: 0, closeMs: 0 };
const add = (a: Measures, b: Measures): Measures => ({ complaints: a.complaints + b.complaints, closed: a.closed + b.closed, closeMs: a.closeMs + b.closeMs });
const row = (m: Measures, total: number): ReportCell[] => [m.complaints, ratio(m.complaints, total), m.closed, hours(m.closeMs, m.closed)];

export const complaintsReport: ReportDefinition = {
  id: 'complaints',
  async query(ctx) {
    const name = categoryName(ctx);
    // One pass, grouped by severity × party × category × root cause × time band; each table sums those groups.
    const groups = (
      await base(ctx)
        .leftJoin('problem_categories as pc', 'pc.id', 't.problem_category_id')
        .select(['c.severity', 'c.party', 'pc.id as category_id', name.as('category'), rootCause.as('root_cause'), band.as('band'), ...measures])
        .groupBy(['c.severity', 'c.party', 'pc.id', 'pc.name_zh', 'pc.name_en', rootCause, band])
        .execute()
    ).map((g) => ({ ...g, m: { complaints: num(g.complaints), closed: num(g.closed), closeMs: num(g.close_ms) } }));
    const all = groups.reduce((s, g) => add(s, g.m), ZERO);
    const total = all.complaints;
    const byCount = byCountThenText<{ keys: ReportCell[]; value: Measures }>((r) => r.value.complaints);
    // Coded groups in their own order (most severe first); categories and causes by size.
    const inOrder = (order: readonly string[]) => (a: { keys: ReportCell[] }, b: { keys: ReportCell[] }) => order.indexOf(String(a.keys[0])) - order.indexOf(String(b.keys[0]));
    const bySeverity = rollup(groups, (g) => [g.severity], (g) => g.m, add, ZERO).sort(inOrder([...REPORT_CODE_SETS.severity].reverse()));
    const byParty = rollup(groups, (g) => [g.party], (g) => g.m, add, ZERO).sort(inOrder(REPORT_CODE_SETS.party));
    const byCategory = rollup(groups, (g) => [g.category], (g) => g.m, add, ZERO, (g) => [g.category_id]).sort(byCount);
    const causes = rollup(groups, (g) => [g.root_cause === '' ? null : g.root_cause], (g) => g.m, add, ZERO).sort(byCount);
    const listedCauses = ctx.listLimit === undefined ? causes : causes.slice(0, ctx.listLimit);
    const bands = rollup(groups, (g) => [g.band], (g) => g.m, add, ZERO);
    const bandCount = new Map(bands.map((b) => [b.keys[0], b.value.complaints]));

    const totals = (first: number): ReportCell[] => [...Array<ReportCell>(first).fill(null), ...row(all, total)];
    return {
      figures: { complaints: total, closed: all.closed, meanCloseHours: hours(all.closeMs, all.closed) },
      tables: [
        table('bySeverity', bySeverity.map((r) => [...r.keys, ...row(r.value, total)]), totals(1)),
        table('byParty', byParty.map((r) => [...r.keys, ...row(r.value, total)]), totals(1)),
        table('byCategory', byCategory.map((r) => [...r.keys, ...row(r.value, total)]), totals(1)),
        table('byRootCause', listedCauses.map((r) => [...r.keys, r.value.complaints, ratio(r.value.complaints, total)]), [null, total, ratio(total, total)], causes.length),
        table('closeTime', REPORT_CODE_SETS.closeTime.map((b) => [b, bandCount.get(b) ?? 0, ratio(bandCount.get(b) ?? 0, total)]), [null, total, ratio(total, total)]),
      ],
    };
  },
};
