import { isReportDay, MAX_PERIOD_DAYS, periodDays, resolvePeriod } from '../../../src-shared/domain/reports';

/** The period a report opens with: this month so far, on the desk's calendar (as main reads periods). */
export function defaultPeriod(timeZone: string, now = Date.now()): { from: string; to: string } {
  return resolvePeriod('monthToDate', now, timeZone);
}

/** What is wrong with a period as typed: a catalog key under reports.errors, or null. */
export function periodProblem(from: string, to: string): 'invalidDay' | 'periodOrder' | 'periodTooLong' | null {
  if (!isReportDay(from) || !isReportDay(to)) return 'invalidDay';
  if (to < from) return 'periodOrder';
  if (periodDays(from, to) > MAX_PERIOD_DAYS) return 'periodTooLong';
  return null;
}
