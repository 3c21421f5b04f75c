import type { DashboardKpi, DashboardTrendPoint } from '../../../src-shared/contract/dashboard';
import { dayNumber, KPI_KEYS, trendRanges, type DrillMeasure, type KpiKey, type TrendBucket } from '../../../src-shared/domain/dashboard';

// From summed rollups to the dashboard's figures. Pure, so each figure's arithmetic is
// tested on its own and the service only reads and sums.

/** The summed rollup columns the figures need. */
export const SUMMED = [
  'created_n', 'complaint_n', 'reopened_n', 'ever_resolved_n', 'resp_met_n', 'resp_breached_n', 'res_met_n', 'res_breached_n',
  'responded_n', 'response_ms', 'resolved_n', 'resolve_ms', 'fcr_n', 'closed_n', 'csat_n', 'csat_sum',
] as const;
export type Sums = Record<(typeof SUMMED)[number], number>;

export const zeroSums = (): Sums => Object.fromEntries(SUMMED.map((k) => [k, 0])) as Sums;

export function addSums(into: Sums, row: Sums): Sums {
  for (const k of SUMMED) into[k] += Number(row[k] ?? 0);
  return into;
}

const ratio = (num: number, den: number) => (den === 0 ? null : num / den);

/** Each figure's value from sums (null when nothing was there to measure). */
export function kpiValue(key: KpiKey, s: Sums): number | null {
  switch (key) {
    case 'new':
      return s.created_n;
    case 'closed':
      return s.closed_n;
    case 'firstResponse':
      return ratio(s.response_ms / 60_000, s.responded_n);
    case 'timeToResolve':
      return ratio(s.resolve_ms / 3_600_000, s.resolved_n);
    case 'fcr':
      return ratio(s.fcr_n, s.resolved_n);
    case 'responseSla':
      return ratio(s.resp_met_n, s.resp_met_n + s.resp_breached_n);
    case 'resolutionSla':
      return ratio(s.res_met_n, s.res_met_n + s.res_breached_n);
    case 'reopenRate':
      return ratio(s.reopened_n, s.ever_resolved_n);
    case 'csat':
      return ratio(s.csat_sum, s.csat_n);
    case 'complaintRate':
      return ratio(s.complaint_n, s.created_n);
  }
}

/** The size of each drill-down set (what the queue lists for it). */
export const MEASURE_COUNT: Record<DrillMeasure, (s: Sums) => number> = {
  created: (s) => s.created_n,
  closed: (s) => s.closed_n,
  responded: (s) => s.responded_n,
  resolved: (s) => s.resolved_n,
  fcr: (s) => s.fcr_n,
  responseMet: (s) => s.resp_met_n,
  responseBreached: (s) => s.resp_breached_n,
  resolutionMet: (s) => s.res_met_n,
  resolutionBreached: (s) => s.res_breached_n,
  everResolved: (s) => s.ever_resolved_n,
  reopened: (s) => s.reopened_n,
  csat: (s) => s.csat_n,
  complaints: (s) => s.complaint_n,
};

/** The sets behind each figure, the one to open first leading. */
export const KPI_DRILLS: Record<KpiKey, DrillMeasure[]> = {
  new: ['created'],
  closed: ['closed'],
  firstResponse: ['responded'],
  timeToResolve: ['resolved'],
  fcr: ['fcr', 'resolved'],
  responseSla: ['responseBreached', 'responseMet'],
  resolutionSla: ['resolutionBreached', 'resolutionMet'],
  reopenRate: ['reopened', 'everResolved'],
  csat: ['csat'],
  complaintRate: ['complaints', 'created'],
};

export function kpis(current: Sums, previous: Sums): DashboardKpi[] {
  return KPI_KEYS.map((key) => ({
    key,
    value: kpiValue(key, current),
    previous: kpiValue(key, previous),
    drills: KPI_DRILLS[key].map((measure) => ({ measure, count: MEASURE_COUNT[measure](current), previousCount: MEASURE_COUNT[measure](previous) })),
  }));
}

/** Per-day sums (keyed by day number) folded into the trend's buckets over [from, to]. */
export function trend(byDay: Map<number, Sums>, from: string, to: string, bucket: TrendBucket): DashboardTrendPoint[] {
  return trendRanges(from, to, bucket).map((r) => {
    const s = zeroSums();
    for (let d = dayNumber(r.from); d <= dayNumber(r.to); d++) {
      const row = byDay.get(d);
      if (row) addSums(s, row);
    }
    return { from: r.from, to: r.to, values: Object.fromEntries(KPI_KEYS.map((k) => [k, kpiValue(k, s)])) as Record<KpiKey, number | null> };
  });
}

export function sumRange(byDay: Map<number, Sums>, from: string, to: string): Sums {
  const s = zeroSums();
  for (const [day, row] of byDay) if (day >= dayNumber(from) && day <= dayNumber(to)) addSums(s, row);
  return s;
}
