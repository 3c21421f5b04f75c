import { KPI_UNITS, type KpiKey } from '../../../src-shared/domain/dashboard';

type T = (key: string, options?: Record<string, unknown>) => string;

/** A figure in its unit, in the reader's words ("35 分钟", "75.0%"); a dash when nothing was measured. */
export function formatKpi(key: KpiKey, value: number | null, t: T, locale: string): string {
  if (value === null) return t('dashboard.none');
  const number = (v: number, digits: number) => new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
  switch (KPI_UNITS[key].unit) {
    case 'count':
      return number(value, 0);
    case 'minutes':
      return t('dashboard.unit.minutes', { value: number(value, value < 100 ? 1 : 0) });
    case 'hours':
      return t('dashboard.unit.hours', { value: number(value, 1) });
    case 'percent':
      return `${number(value * 100, 1)}%`;
    case 'score':
      return number(value, 2);
  }
}

export type Trend = 'better' | 'worse' | 'neutral';

/** The change against the previous period: points for shares, a relative change otherwise. */
export function formatDelta(key: KpiKey, value: number | null, previous: number | null, t: T, locale: string): { text: string; trend: Trend } | null {
  if (value === null || previous === null) return null;
  const { unit, higherIsBetter } = KPI_UNITS[key];
  const diff = value - previous;
  const trend: Trend = diff === 0 || higherIsBetter === null ? 'neutral' : diff > 0 === higherIsBetter ? 'better' : 'worse';
  const signed = (v: number, digits: number) => new Intl.NumberFormat(locale, { signDisplay: 'exceptZero', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
  if (unit === 'percent') return { text: t('dashboard.delta.points', { value: signed(diff * 100, 1) }), trend };
  if (previous === 0) return { text: signed(diff, unit === 'count' ? 0 : 1), trend };
  return { text: `${signed((diff / previous) * 100, 0)}%`, trend };
}

/** A trend point's label: the day, or the first day of a week or month. */
export function pointLabel(from: string, to: string, bucket: 'day' | 'week' | 'month'): string {
  if (bucket === 'month') return from.slice(0, 7);
  if (bucket === 'week') return `${from.slice(5)}–${to.slice(5)}`;
  return from.slice(5);
}
