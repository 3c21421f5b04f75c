import { sql, type RawBuilder } from 'kysely';
import type { DashboardFilters, DrillInput } from '../../../src-shared/contract/dashboard';
import { dayNumber, type DrillMeasure } from '../../../src-shared/domain/dashboard';

// A dashboard figure's requests as a row condition on `t` (tickets), for the queue's list,
// count and export. Each measure is the exact predicate its rollup column counts (migration
// 0013), and days are cut at the same instants (dashboard_days), so the list's count equals
// the figure. Terms are written `+column` so SQLite keeps the index the queue chose.

const DONE = sql.raw(`('resolved', 'follow_up', 'closed')`);

/** 00:00 of a desk day (days since 1970-01-01), as the triggers cut days. */
const startOf = (day: number) => sql<number>`ifnull((SELECT d.starts_at FROM dashboard_days d WHERE d.day = ${day}), ${day * 86_400_000})`;

/** The anchor instant each measure counts on. */
const ANCHOR: Record<DrillMeasure, string> = {
  created: 't.created_at',
  closed: 't.closed_at',
  responded: 't.responded_at',
  resolved: 't.resolved_at',
  fcr: 't.resolved_at',
  responseMet: 't.created_at',
  responseBreached: 't.created_at',
  resolutionMet: 't.created_at',
  resolutionBreached: 't.created_at',
  everResolved: 't.created_at',
  reopened: 't.created_at',
  csat: 't.csat_at',
  complaints: 't.created_at',
};

function measureCondition(measure: DrillMeasure): RawBuilder<boolean> | null {
  switch (measure) {
    case 'created':
    case 'responded':
    case 'csat':
      return null;
    case 'closed':
      return sql<boolean>`+t.status = 'closed'`;
    case 'resolved':
      return sql<boolean>`+t.status IN ${DONE}`;
    case 'fcr':
      return sql<boolean>`+t.status IN ${DONE} AND +t.attempts = 0 AND +t.reopen_count = 0`;
    case 'responseMet':
      return sql<boolean>`+t.response_due_at IS NOT NULL AND +t.responded_at IS NOT NULL AND +t.response_breached_at IS NULL`;
    case 'responseBreached':
      return sql<boolean>`+t.response_breached_at IS NOT NULL`;
    case 'resolutionMet':
      return sql<boolean>`+t.resolution_due_at IS NOT NULL AND +t.status IN ${DONE} AND +t.resolved_at IS NOT NULL AND +t.resolution_breached_at IS NULL`;
    case 'resolutionBreached':
      return sql<boolean>`+t.resolution_breached_at IS NOT NULL`;
    case 'everResolved':
      return sql<boolean>`+t.resolved_at IS NOT NULL`;
    case 'reopened':
      return sql<boolean>`+t.reopen_count > 0`;
    case 'complaints':
      return sql<boolean>`+t.type = 'complaint'`;
  }
}

/** The filter dimensions as row conditions on `t` (the columns the rollups are keyed by). */
export function dimensionConditions(f: DashboardFilters): RawBuilder<boolean>[] {
  const out: RawBuilder<boolean>[] = [];
  if (f.teamId !== undefined) out.push(sql<boolean>`+t.team_id = ${f.teamId}`);
  if (f.engineerId !== undefined) out.push(sql<boolean>`+t.assignee_id = ${f.engineerId}`);
  if (f.agreementId !== undefined) out.push(sql<boolean>`+t.agreement_id = ${f.agreementId}`);
  if (f.tier !== undefined) out.push(sql<boolean>`+t.dim_tier = ${f.tier}`);
  if (f.province !== undefined) out.push(sql<boolean>`+t.dim_province = ${f.province}`);
  if (f.productLine !== undefined) out.push(sql<boolean>`+t.dim_product_line = ${f.productLine}`);
  return out;
}

/** The rows behind a figure: the measure's predicate, its anchor within [from, to], the dimensions. */
export function drillCondition(drill: DrillInput): RawBuilder<boolean> {
  const anchor = sql.raw(`+${ANCHOR[drill.measure]}`);
  const terms: RawBuilder<boolean>[] = [];
  const measure = measureCondition(drill.measure);
  if (measure) terms.push(measure);
  if (drill.from !== undefined) terms.push(sql<boolean>`${anchor} >= ${startOf(dayNumber(drill.from))}`);
  terms.push(sql<boolean>`${anchor} < ${startOf(dayNumber(drill.to) + 1)}`);
  terms.push(...dimensionConditions(drill));
  return sql<boolean>`(${sql.join(terms, sql` AND `)})`;
}
