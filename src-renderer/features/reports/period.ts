import { isReportDay, MAX_PERIOD_DAYS, periodDays, resolvePeriod } from '../../../src-shared/domain/reports';

/** The period a report opens with: this month so far, in the browser's zone (the desk's, on a desk PC). */
export function defaultPeriod(now = Date.now()): { from: string; to: string } {
  return resolvePeriod('monthToDate', now, Intl.DateTimeFormat().resolvedOptions().timeZone);
}

/** What is wrong with a period as typed: a catalog key under reports.errors, or null. */
export function periodProblem(from: string, to: string): 'invalidDay' | 'periodOrder' | 'periodTooLong' | null {
  if (!isReportDay(from) || !isReportDay(to)) return 'invalidDay';
  if (to < from) return 'periodOrder';
  if (periodDays(from, to) > MAX_PERIOD_DAYS) return 'periodTooLong';
  return null;
}
