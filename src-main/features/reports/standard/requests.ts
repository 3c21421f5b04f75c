import { sql } from 'kysely';
import type { ReportCell } from '../../../../src-shared/domain/reports';
import { byCountThenText, categoryName, countIf, hours, num, ratio, rollup, table, ticketFilter, type ReportContext, type ReportDefinition } from './common';

// Requests by problem category and product: how often each problem occurs on each product
// in the period (the lifecycle's occurrence counts, for requests entered in the period),
// with how many were closed and how long resolving took on average (entry to resolution,
// wall-clock hours). Duplicates merged into another request are not counted twice.
//
// One pass over the period's requests, grouped by category × product × type; every table
// is a sum over those groups (counts and sums add up exactly), so the requests table is
// read once, not once per table.

interface Measures {
  requests: number;
  closed: number;
  resolveMs: number;
  resolved: number;
}

const add = (a: Measures, b: Measures): Measures => ({ requests: a.requests + b.requests, closed: a.closed + b.closed, resolveMs: a.resolveMs + b.resolveMs, resolved: a.resolved + b.resolved });
const ZERO: Measures = { requests: 0, closed: 0, resolveMs: 0, resolved: 0 };
const cells = (m: Measures, total: number): ReportCell[] => [m.requests, ratio(m.requests, total), m.closed, hours(m.resolveMs, m.resolved)];

export const requestsReport: ReportDefinition = {
  id: 'requests',
  async query(ctx: ReportContext) {
    const name = categoryName(ctx);
    const groups = (
      await ctx.db
        .selectFrom('tickets as t')
        .leftJoin('problem_categories as pc', 'pc.id', 't.problem_category_id')
        .leftJoin('products as p', 'p.id', 't.product_id')
        .where('t.created_at', '>=', ctx.start)
        .where('t.created_at', '<', ctx.end)
        .where(ticketFilter(ctx))
        .select([
          'pc.id as category_id',
          name.as('category'),
          'p.product_line',
          'p.model',
          't.type',
          sql<number>`count(*)`.as('requests'),
          countIf(sql`t.status = 'closed'`).as('closed'),
          sql<number | null>`sum(t.resolved_at - t.created_at)`.as('resolve_ms'),
          sql<number>`count(t.resolved_at)`.as('resolved'),
        ])
        .groupBy(['pc.id', 'pc.name_zh', 'pc.name_en', 'p.product_line', 'p.model', 't.type'])
        .execute()
    ).map((g) => ({ ...g, m: { requests: num(g.requests), closed: num(g.closed), resolveMs: num(g.resolve_ms), resolved: num(g.resolved) } }));

    const all = groups.reduce((s, g) => add(s, g.m), ZERO);
    const total = all.requests;
    const categorized = groups.filter((g) => g.category_id !== null).reduce((n, g) => n + g.m.requests, 0);

    const byCategory = rollup(groups, (g) => [g.category], (g) => g.m, add, ZERO, (g) => [g.category_id]).sort(byCountThenText((r) => r.value.requests));
    const byProduct = rollup(groups, (g) => [g.product_line, g.model], (g) => g.m, add, ZERO).sort(byCountThenText((r) => r.value.requests));
    const byType = rollup(groups, (g) => [g.type], (g) => g.m, add, ZERO).sort(byCountThenText((r) => r.value.requests));
    const occurrences = rollup(groups, (g) => [g.product_line, g.model, g.category], (g) => g.m, add, ZERO, (g) => [g.product_line, g.model, g.category_id]).sort(byCountThenText((r) => r.value.requests));
    const listed = ctx.listLimit === undefined ? occurrences : occurrences.slice(0, ctx.listLimit);

    const totalsRow = (first: number): ReportCell[] => [...Array<ReportCell>(first).fill(null), ...cells(all, total)];
    return {
      figures: { requests: total, closed: all.closed, categorized: ratio(categorized, total) },
      tables: [
        table('byCategory', byCategory.map((r) => [...r.keys, ...cells(r.value, total)]), totalsRow(1)),
        table('byProduct', byProduct.map((r) => [...r.keys, ...cells(r.value, total)]), totalsRow(2)),
        table('byType', byType.map((r) => [...r.keys, r.value.requests, ratio(r.value.requests, total)]), [null, total, ratio(total, total)]),
        table('occurrences', listed.map((r) => [...r.keys, r.value.requests]), [null, null, null, total], occurrences.length),
      ],
    };
  },
};
