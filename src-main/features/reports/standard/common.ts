import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { ReportFilters, ReportTableData } from '../../../../src-shared/contract/reports';
import type { Locale } from '../../../../src-shared/domain/locale';
import type { ReportCell, ReportId } from '../../../../src-shared/domain/reports';
import { PRIORITY_RANK } from '../../../../src-shared/domain/tickets';
import type { DB } from '../../../db/schema';
import { ticketScopeCondition, type TicketScope } from '../../users/scope';

// What every standard report's query shares: the period as instants, the filters as
// conditions on the request (alias `t`), the viewer's data scope, and small arithmetic
// that keeps the figures the same on screen and in every file.

export interface ReportContext {
  db: Kysely<DB>;
  filters: ReportFilters;
  /** The period as [start, end) epoch ms in the desk's time zone. */
  start: number;
  end: number;
  now: number;
  /** Names held in the data in two languages (problem categories) come in this one. */
  locale: Locale;
  /** The viewer's data scope (team / own); undefined: every request (also a scheduled run). */
  scope?: TicketScope;
  /** Rows of a long list to return (the screen); undefined: all of them (a file). */
  listLimit?: number;
}

export interface ReportResult {
  figures: Record<string, ReportCell>;
  tables: ReportTableData[];
}

export type ReportQuery = (ctx: ReportContext) => Promise<ReportResult>;

export interface ReportDefinition {
  id: ReportId;
  query: ReportQuery;
}

/**
 * The request filters as one condition on `t`: team, product line, agreement, priority (as
 * `which` allows) and the viewer's scope. Portable SQL; values are parameters.
 */
export function ticketFilter(ctx: ReportContext, which: { team?: boolean; productLine?: boolean; agreement?: boolean; priority?: boolean } = {}): RawBuilder<boolean> {
  const f = ctx.filters;
  const terms: RawBuilder<unknown>[] = [sql`t.merged_into IS NULL`];
  if (which.team !== false && f.teamId !== undefined) terms.push(sql`t.team_id = ${f.teamId}`);
  if (which.productLine !== false && f.productLine !== undefined) terms.push(sql`t.product_id IN (SELECT id FROM products WHERE product_line = ${f.productLine})`);
  if (which.agreement !== false && f.agreementId !== undefined) terms.push(sql`t.agreement_id = ${f.agreementId}`);
  if (which.priority !== false && f.priority !== undefined) terms.push(sql`t.priority = ${PRIORITY_RANK[f.priority]}`);
  if (ctx.scope) terms.push(ticketScopeCondition(ctx.scope));
  return sql<boolean>`(${sql.join(terms, sql` AND `)})`;
}

/** A problem category's name in the report's language. */
export function categoryName(ctx: ReportContext, alias = 'pc'): RawBuilder<string | null> {
  return ctx.locale === 'zh-CN' ? sql<string | null>`${sql.ref(`${alias}.name_zh`)}` : sql<string | null>`${sql.ref(`${alias}.name_en`)}`;
}

/** `count of rows where cond` as portable SQL. */
export const countIf = (cond: RawBuilder<unknown>) => sql<number>`sum(case when ${cond} then 1 else 0 end)`;

export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** part / whole as a share (four decimals, exact enough for 0.1 % and stable across outputs); null when nothing to divide. */
export function ratio(part: number | null | undefined, whole: number | null | undefined): number | null {
  if (!whole) return null;
  return round((part ?? 0) / whole, 4);
}

/** Milliseconds as hours with one decimal; null for none. */
export function hours(ms: number | null | undefined, count: number | null | undefined = 1): number | null {
  if (ms === null || ms === undefined || !count) return null;
  return round(ms / count / 3_600_000, 1);
}

export const num = (v: unknown): number => (typeof v === 'number' ? v : v === null || v === undefined ? 0 : Number(v));

/** Rows of a table with their shares of `whole` in the column after `countAt`. */
export function table(key: string, rows: ReportCell[][], totals: ReportCell[] | null, totalRows = rows.length): ReportTableData {
  return { key, rows, totals, totalRows };
}

/** A long list's limit for this run (the screen's) and its full size when cut. */
export async function longList<T>(ctx: ReportContext, rows: (limit: number | undefined) => Promise<T[]>, count: () => Promise<number>): Promise<{ rows: T[]; totalRows: number }> {
  const got = await rows(ctx.listLimit === undefined ? undefined : ctx.listLimit + 1);
  if (ctx.listLimit === undefined || got.length <= ctx.listLimit) return { rows: got, totalRows: got.length };
  return { rows: got.slice(0, ctx.listLimit), totalRows: await count() };
}

/**
 * Sums grouped rows into coarser groups: `keys` are the group as shown, `id` what tells two
 * groups apart (two categories may share a name), `measure` a row's figures, `add` sums them.
 */
export function rollup<G, M>(rows: readonly G[], keys: (g: G) => ReportCell[], measure: (g: G) => M, add: (a: M, b: M) => M, zero: M, id: (g: G) => unknown[] = keys): { keys: ReportCell[]; value: M }[] {
  const out = new Map<string, { keys: ReportCell[]; value: M }>();
  for (const g of rows) {
    const k = JSON.stringify(id(g));
    const found = out.get(k);
    if (found) found.value = add(found.value, measure(g));
    else out.set(k, { keys: keys(g), value: add(zero, measure(g)) });
  }
  return [...out.values()];
}

/** SQL's ORDER BY count DESC, then each key ascending with empty (NULL) first, by code point. */
export function byCountThenText<R extends { keys: ReportCell[] }>(count: (r: R) => number): (a: R, b: R) => number {
  return (a, b) => {
    const d = count(b) - count(a);
    if (d !== 0) return d;
    for (let i = 0; i < a.keys.length; i++) {
      const x = a.keys[i] ?? null;
      const y = b.keys[i] ?? null;
      if (x === y) continue;
      if (x === null) return -1;
      if (y === null) return 1;
      return String(x) < String(y) ? -1 : 1;
    }
    return 0;
  };
}
