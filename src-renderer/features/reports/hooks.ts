import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReportFilters } from '../../../src-shared/contract/reports';
import type { Locale } from '../../../src-shared/domain/locale';
import type { ReportId } from '../../../src-shared/domain/reports';
import { api } from '../../api';

/** The standard reports' queries (only this page reads them). */
export const reportKeys = {
  run: (report: ReportId, filters: ReportFilters, locale: Locale) => ['reports', 'run', report, filters, locale] as const,
  options: ['reports', 'options'] as const,
};

/** A report for the screen; null filters: not run yet (the form holds an invalid period). */
export function useReport(report: ReportId, filters: ReportFilters | null, locale: Locale) {
  return useQuery({
    queryKey: reportKeys.run(report, filters ?? { from: '', to: '' }, locale),
    queryFn: () => api.reports.run({ report, filters: filters!, locale }),
    enabled: filters !== null,
    placeholderData: keepPreviousData,
    // Figures move with every change of every request: read again on each visit, never refetched behind the reader's back.
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
}

/** Teams, product lines and agreements for the filters. */
export function useReportOptions() {
  return useQuery({ queryKey: reportKeys.options, queryFn: () => api.reports.options({}), staleTime: 60_000 });
}
