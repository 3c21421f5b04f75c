import { z } from 'zod';
import { CUSTOMER_TIERS, type CustomerTier } from '../domain/customers';
import {
  AGE_BUCKETS,
  BACKLOG_STATUSES,
  DRILL_MEASURES,
  KPI_KEYS,
  MAX_PERIOD_DAYS,
  dayNumber,
  type AgeBucket,
  type BacklogStatus,
  type DrillMeasure,
  type KpiKey,
  type TrendBucket,
} from '../domain/dashboard';
import { PROVINCE_CODES, type ProvinceCode } from '../domain/regions';
import { channel } from './channel';

const id = z.number().int().positive();
const day = z.iso.date();

/** The filter dimensions every figure can be narrowed by (absent: all). */
export const dashboardDimensions = {
  teamId: id.optional(),
  /** The engineer who owns the request. */
  engineerId: id.optional(),
  productLine: z.string().trim().min(1).max(100).optional(),
  /** The customer's province (GB/T 2260). */
  province: z.enum(PROVINCE_CODES).optional(),
  tier: z.enum(CUSTOMER_TIERS).optional(),
  agreementId: id.optional(),
};

export interface DashboardFilters {
  teamId?: number;
  engineerId?: number;
  productLine?: string;
  province?: ProvinceCode;
  tier?: CustomerTier;
  agreementId?: number;
}

/**
 * The requests behind a dashboard figure, as the queue lists and exports them
 * (tickets.list `drill`): a measure over desk days [from, to] (from absent: since ever)
 * within the dashboard's filters. Their count equals the figure.
 */
export const drillSchema = z
  .object({ measure: z.enum(DRILL_MEASURES), from: day.optional(), to: day, ...dashboardDimensions })
  .strict()
  .refine((v) => v.from === undefined || v.from <= v.to, { path: ['to'], error: 'beforeStart' });

export type DrillInput = z.output<typeof drillSchema>;

export const dashboardInput = z
  .object({ from: day, to: day, ...dashboardDimensions })
  .strict()
  .refine((v) => v.from <= v.to, { path: ['to'], error: 'beforeStart' })
  .refine((v) => v.from > v.to || dayNumber(v.to) - dayNumber(v.from) < MAX_PERIOD_DAYS, { path: ['from'], error: 'periodTooLong' });

export interface DashboardKpi {
  key: KpiKey;
  /** Null when nothing was there to measure (no request resolved, no follow-up…). */
  value: number | null;
  previous: number | null;
  /** The sets of requests behind the figure, each with its size in this period. */
  drills: { measure: DrillMeasure; count: number; previousCount: number }[];
}

export interface DashboardTrendPoint {
  from: string;
  to: string;
  values: Record<KpiKey, number | null>;
}

export interface DashboardBacklog {
  total: number;
  byStatus: Record<BacklogStatus, number>;
  /** Per age bucket (desk days since entry): the created-day range and counts per status. */
  byAge: { bucket: AgeBucket; from: string | null; to: string; counts: Record<BacklogStatus, number>; total: number }[];
}

export interface DashboardView {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  /** The desk's today (its time zone), which the backlog ages count from. */
  today: string;
  bucket: TrendBucket;
  /** The filters applied, including any the viewer's data scope imposes. */
  filters: DashboardFilters;
  /** Filters the viewer's data scope fixes (a team-scoped manager sees their team). */
  fixed: (keyof DashboardFilters)[];
  kpis: DashboardKpi[];
  trend: DashboardTrendPoint[];
  previousTrend: DashboardTrendPoint[];
  backlog: DashboardBacklog;
}

export interface DashboardOptions {
  teams: { id: number; name: string }[];
  engineers: { id: number; name: string }[];
  productLines: string[];
  agreements: { id: number; name: string }[];
  today: string;
}

export interface DashboardRebuild {
  rows: number;
  tickets: number;
  ms: number;
}

export { AGE_BUCKETS, BACKLOG_STATUSES, KPI_KEYS };

export const dashboard = {
  /** The figures for a period and filters, with the previous period, trends and the backlog now. */
  get: channel<DashboardView>()({ input: dashboardInput, access: 'reports.read' }),
  /** The filter bar's choices. */
  options: channel<DashboardOptions>()({ input: z.object({}).strict(), access: 'reports.read' }),
  /** Recomputes every rollup from the requests (a repair; audited). */
  rebuild: channel<DashboardRebuild>()({ input: z.object({}).strict(), access: 'reports.read' }),
};
