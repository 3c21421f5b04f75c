import type { DashboardFilters, DrillInput } from '../../../src-shared/contract/dashboard';
import { CUSTOMER_TIERS, type CustomerTier } from '../../../src-shared/domain/customers';
import { DRILL_MEASURES, PERIOD_PRESETS, presetPeriod, type DrillMeasure, type PeriodPreset } from '../../../src-shared/domain/dashboard';
import { PROVINCE_CODES, type ProvinceCode } from '../../../src-shared/domain/regions';

// The dashboard's period and filters live in the URL (#/dashboard?preset=last30&team=2), so a
// view can be bookmarked; a drill-down is the queue's URL with the same words
// (#/tickets?drill=responseBreached&from=…&to=…&team=2&n=3). Unknown values are dropped.

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[1-9]\d{0,15}$/;

export interface DashboardState {
  preset: PeriodPreset | 'custom';
  from: string;
  to: string;
  filters: DashboardFilters;
}

export function parseFilters(params: URLSearchParams): DashboardFilters {
  const f: DashboardFilters = {};
  const id = (key: string) => {
    const v = params.get(key);
    return v && ID.test(v) ? Number(v) : undefined;
  };
  const team = id('team');
  const engineer = id('engineer');
  const agreement = id('agreement');
  if (team !== undefined) f.teamId = team;
  if (engineer !== undefined) f.engineerId = engineer;
  if (agreement !== undefined) f.agreementId = agreement;
  const line = params.get('line')?.trim().slice(0, 100);
  if (line) f.productLine = line;
  const province = params.get('province');
  if (province && (PROVINCE_CODES as readonly string[]).includes(province)) f.province = province as ProvinceCode;
  const tier = params.get('tier');
  if (tier && (CUSTOMER_TIERS as readonly string[]).includes(tier)) f.tier = tier as CustomerTier;
  return f;
}

export function filterParams(f: DashboardFilters, params = new URLSearchParams()): URLSearchParams {
  if (f.teamId !== undefined) params.set('team', String(f.teamId));
  if (f.engineerId !== undefined) params.set('engineer', String(f.engineerId));
  if (f.agreementId !== undefined) params.set('agreement', String(f.agreementId));
  if (f.productLine) params.set('line', f.productLine);
  if (f.province) params.set('province', f.province);
  if (f.tier) params.set('tier', f.tier);
  return params;
}

export function parseDashboardParams(params: URLSearchParams, today: string): DashboardState {
  const filters = parseFilters(params);
  const preset = params.get('preset');
  const from = params.get('from');
  const to = params.get('to');
  if (preset === 'custom' && from && to && DAY.test(from) && DAY.test(to)) return { preset: 'custom', from, to, filters };
  const p = preset && (PERIOD_PRESETS as readonly string[]).includes(preset) ? (preset as PeriodPreset) : 'last30';
  return { preset: p, ...presetPeriod(p, today), filters };
}

export function toDashboardParams(state: DashboardState): URLSearchParams {
  const params = new URLSearchParams();
  params.set('preset', state.preset);
  if (state.preset === 'custom') {
    params.set('from', state.from);
    params.set('to', state.to);
  }
  return filterParams(state.filters, params);
}

/** The queue's URL listing a figure's requests (`n`: the figure, shown beside the list). */
export function drillPath(drill: DrillInput, count: number, status?: readonly string[]): string {
  const params = new URLSearchParams();
  params.set('drill', drill.measure);
  if (drill.from) params.set('from', drill.from);
  params.set('to', drill.to);
  filterParams(drill, params);
  if (status?.length) params.set('status', status.join(','));
  params.set('n', String(count));
  return `/tickets?${params.toString()}`;
}

/** The drill-down a queue URL asks for, if any. */
export function parseDrillParams(params: URLSearchParams): DrillInput | undefined {
  const measure = params.get('drill');
  const to = params.get('to');
  if (!measure || !(DRILL_MEASURES as readonly string[]).includes(measure) || !to || !DAY.test(to)) return undefined;
  const from = params.get('from');
  return { measure: measure as DrillMeasure, ...(from && DAY.test(from) ? { from } : {}), to, ...parseFilters(params) };
}

/** The drill-down back into queue URL words (beside the queue's own filters). */
export function drillParams(drill: DrillInput, params: URLSearchParams, count: string | null): void {
  params.set('drill', drill.measure);
  if (drill.from) params.set('from', drill.from);
  params.set('to', drill.to);
  filterParams(drill, params);
  if (count) params.set('n', count);
}
