// The supervisors' dashboard: its figures, the sets of requests behind them (the drill-down
// measures the queue filters by), periods and trend buckets. Pure: no I/O.

/** What a figure counts, as a set of requests the queue can list (tickets.list `drill`). */
export const DRILL_MEASURES = [
  /** Entered in the period. */
  'created',
  /** Closed in the period (and still closed). */
  'closed',
  /** First response in the period. */
  'responded',
  /** Resolved in the period (and still resolved, in follow-up or closed). */
  'resolved',
  /** Of those, resolved at the first contact: no failed attempt, never reopened. */
  'fcr',
  /** Entered in the period with a response target: met, or breached. */
  'responseMet',
  'responseBreached',
  /** Entered in the period with a resolution target: resolved within it, or breached. */
  'resolutionMet',
  'resolutionBreached',
  /** Entered in the period and resolved at least once / reopened at least once. */
  'everResolved',
  'reopened',
  /** Whose latest follow-up (satisfaction) was recorded in the period. */
  'csat',
  /** Complaints entered in the period. */
  'complaints',
] as const;
export type DrillMeasure = (typeof DRILL_MEASURES)[number];

export const KPI_KEYS = ['new', 'closed', 'firstResponse', 'timeToResolve', 'fcr', 'responseSla', 'resolutionSla', 'reopenRate', 'csat', 'complaintRate'] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

export type KpiUnit = 'count' | 'minutes' | 'hours' | 'percent' | 'score';

/** Whether a rise is good news (green) or bad (red). */
export const KPI_UNITS: Record<KpiKey, { unit: KpiUnit; higherIsBetter: boolean | null }> = {
  new: { unit: 'count', higherIsBetter: null },
  closed: { unit: 'count', higherIsBetter: true },
  firstResponse: { unit: 'minutes', higherIsBetter: false },
  timeToResolve: { unit: 'hours', higherIsBetter: false },
  fcr: { unit: 'percent', higherIsBetter: true },
  responseSla: { unit: 'percent', higherIsBetter: true },
  resolutionSla: { unit: 'percent', higherIsBetter: true },
  reopenRate: { unit: 'percent', higherIsBetter: false },
  csat: { unit: 'score', higherIsBetter: true },
  complaintRate: { unit: 'percent', higherIsBetter: false },
};

/** The statuses that make up the backlog (everything not closed). */
export const BACKLOG_STATUSES = ['pending_assignment', 'reopened', 'assigned', 'on_hold', 'locked', 'resolved', 'follow_up'] as const;
export type BacklogStatus = (typeof BACKLOG_STATUSES)[number];

/** Backlog ages in desk days since entry: [min, max] inclusive, max null = no end. */
export const AGE_BUCKETS = [
  { key: '0-1', min: 0, max: 1 },
  { key: '2-3', min: 2, max: 3 },
  { key: '4-7', min: 4, max: 7 },
  { key: '8-30', min: 8, max: 30 },
  { key: '31+', min: 31, max: null },
] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number]['key'];

export const PERIOD_PRESETS = ['today', 'last7', 'last30', 'thisMonth', 'lastMonth', 'last90', 'thisYear'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** The longest period one dashboard shows (with the one before it). */
export const MAX_PERIOD_DAYS = 1096;

const DAY_MS = 86_400_000;

/** YYYY-MM-DD → days since 1970-01-01 (a calendar day, no time zone). */
export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return isoOfDay(dayNumber(iso) + days);
}

/** The period of equal length just before [from, to]. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const length = dayNumber(to) - dayNumber(from) + 1;
  return { from: addDays(from, -length), to: addDays(from, -1) };
}

export type TrendBucket = 'day' | 'week' | 'month';

/** Days up to six weeks, weeks up to half a year, months beyond. */
export function trendBucket(from: string, to: string): TrendBucket {
  const length = dayNumber(to) - dayNumber(from) + 1;
  return length <= 45 ? 'day' : length <= 190 ? 'week' : 'month';
}

/** The trend's points: consecutive day ranges covering [from, to] (weeks from `from`, calendar months clipped). */
export function trendRanges(from: string, to: string, bucket: TrendBucket = trendBucket(from, to)): { from: string; to: string }[] {
  const out: { from: string; to: string }[] = [];
  const end = dayNumber(to);
  let start = dayNumber(from);
  while (start <= end) {
    let last: number;
    if (bucket === 'day') last = start;
    else if (bucket === 'week') last = start + 6;
    else {
      const d = new Date(start * DAY_MS);
      last = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY_MS - 1;
    }
    last = Math.min(last, end);
    out.push({ from: isoOfDay(start), to: isoOfDay(last) });
    start = last + 1;
  }
  return out;
}

/** A preset's days, given today (desk time). */
export function presetPeriod(preset: PeriodPreset, today: string): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'last7':
      return { from: addDays(today, -6), to: today };
    case 'last30':
      return { from: addDays(today, -29), to: today };
    case 'last90':
      return { from: addDays(today, -89), to: today };
    case 'thisMonth':
      return { from: isoOfDay(Date.UTC(y, m - 1, 1) / DAY_MS), to: today };
    case 'lastMonth':
      return { from: isoOfDay(Date.UTC(y, m - 2, 1) / DAY_MS), to: isoOfDay(Date.UTC(y, m - 1, 1) / DAY_MS - 1) };
    case 'thisYear':
      return { from: `${y}-01-01`, to: today };
  }
}

/** The created-day range of a backlog age bucket, given today. */
export function ageRange(bucket: AgeBucket, today: string): { from: string | null; to: string } {
  const b = AGE_BUCKETS.find((x) => x.key === bucket)!;
  return { from: b.max === null ? null : addDays(today, -b.max), to: addDays(today, -b.min) };
}
