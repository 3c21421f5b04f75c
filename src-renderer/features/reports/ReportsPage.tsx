import { Button, Group, Loader, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { buildReportWords, type ReportFilters } from '../../../src-shared/contract/reports';
import { pickLocale } from '../../../src-shared/domain/locale';
import { formatReportCell, REPORT_IDS, REPORTS, type ReportId } from '../../../src-shared/domain/reports';
import { TICKET_PRIORITIES, type TicketPriority } from '../../../src-shared/domain/tickets';
import { api } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FileExportMenu } from '../imports/FileExportMenu';
import { useReport, useReportOptions } from './hooks';
import { defaultPeriod, periodProblem } from './period';
import { useDeskSettings } from '../settings/hooks';
import { DEFAULT_TIME_ZONE } from '../../../src-shared/domain/time';
import { ReportChart } from './ReportChart';
import { ReportTable } from './ReportTable';

interface FilterForm {
  from: string;
  to: string;
  teamId: string | null;
  productLine: string | null;
  agreementId: string | null;
  priority: string | null;
}

const isReport = (v: string | null): v is ReportId => v !== null && (REPORT_IDS as readonly string[]).includes(v);

/** The form as the report's filters (only those the report offers), or null while the period is wrong. */
function toFilters(form: FilterForm, report: ReportId): ReportFilters | null {
  if (periodProblem(form.from, form.to)) return null;
  const offers = REPORTS[report].filters;
  return {
    from: form.from,
    to: form.to,
    ...(offers.includes('teamId') && form.teamId ? { teamId: Number(form.teamId) } : {}),
    ...(offers.includes('productLine') && form.productLine ? { productLine: form.productLine } : {}),
    ...(offers.includes('agreementId') && form.agreementId ? { agreementId: Number(form.agreementId) } : {}),
    ...(offers.includes('priority') && form.priority ? { priority: form.priority as TicketPriority } : {}),
  };
}

/**
 * 统计报表 (#/reports): a standard report picked from six, for a period and filters, as key
 * figures, charts and tables with totals (computed in main's worker thread), exported as
 * XLSX, CSV or PDF with the same words.
 */
export function ReportsPage() {
  const { t, i18n } = useTranslation();
  const locale = pickLocale([i18n.language]);
  const [params, setParams] = useSearchParams();
  const report: ReportId = isReport(params.get('report')) ? (params.get('report') as ReportId) : 'requests';
  // Days and times as the files show them: on the desk's clocks, whatever this PC's zone.
  const timeZone = useDeskSettings().data?.timeZone ?? DEFAULT_TIME_ZONE;
  const wallClock = useMemo(() => new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short', timeZone }), [timeZone]);
  const [form, setForm] = useState<FilterForm>(() => ({ ...defaultPeriod(timeZone), teamId: null, productLine: null, agreementId: null, priority: null }));
  const [applied, setApplied] = useState<FilterForm>(form);
  const filters = useMemo(() => toFilters(applied, report), [applied, report]);
  const result = useReport(report, filters, locale);
  const options = useReportOptions();
  const shape = REPORTS[report];
  const words = useMemo(() => buildReportWords(report, locale, (key) => t(key)), [report, locale, t]);
  const problem = periodProblem(form.from, form.to);
  const set = <K extends keyof FilterForm>(key: K, value: FilterForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const dateTime = (ms: number) => wallClock.format(ms);
  const data = result.data?.report === report ? result.data : undefined;

  const any = t('reports.any');
  return (
    <Stack gap="md" data-testid="reports-page">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('reports.title')}</Title>
        {filters ? (
          <FileExportMenu
            start={(format) => api.exports.report({ report, filters, format, words })}
            startPdf={() => api.exports.report({ report, filters, format: 'pdf', words })}
            keys="reports.export"
            heading={{ title: words.title }}
            testId="report-export"
          />
        ) : null}
      </Group>
      <Group gap="xs" align="flex-end" wrap="wrap">
        <Select
          label={t('reports.pick')}
          data={REPORT_IDS.map((id) => ({ value: id, label: t(`reports.names.${id}`) }))}
          value={report}
          onChange={(v) => isReport(v) && setParams({ report: v })}
          allowDeselect={false}
          w={300}
          data-testid="report-picker"
        />
        <TextInput type="date" label={t('reports.from')} value={form.from} onChange={(e) => set('from', e.currentTarget.value)} w={150} data-testid="report-from" />
        <TextInput
          type="date"
          label={t('reports.to')}
          value={form.to}
          onChange={(e) => set('to', e.currentTarget.value)}
          error={problem ? t(`reports.errors.${problem}`) : undefined}
          w={150}
          data-testid="report-to"
        />
        {shape.filters.includes('teamId') ? (
          <Select
            label={t('reports.filters.teamId')}
            placeholder={any}
            data={(options.data?.teams ?? []).map((x) => ({ value: String(x.id), label: x.name }))}
            value={form.teamId}
            onChange={(v) => set('teamId', v)}
            clearable
            w={150}
            data-testid="report-team"
          />
        ) : null}
        {shape.filters.includes('productLine') ? (
          <Select
            label={t('reports.filters.productLine')}
            placeholder={any}
            data={options.data?.productLines ?? []}
            value={form.productLine}
            onChange={(v) => set('productLine', v)}
            clearable
            searchable
            w={160}
            data-testid="report-product-line"
          />
        ) : null}
        {shape.filters.includes('agreementId') ? (
          <Select
            label={t('reports.filters.agreementId')}
            placeholder={any}
            data={(options.data?.agreements ?? []).map((x) => ({ value: String(x.id), label: x.name }))}
            value={form.agreementId}
            onChange={(v) => set('agreementId', v)}
            clearable
            w={170}
            data-testid="report-agreement"
          />
        ) : null}
        {shape.filters.includes('priority') ? (
          <Select
            label={t('reports.filters.priority')}
            placeholder={any}
            data={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`reports.codes.priority.${p}`) }))}
            value={form.priority}
            onChange={(v) => set('priority', v)}
            clearable
            w={120}
            data-testid="report-priority"
          />
        ) : null}
        <Button onClick={() => setApplied(form)} disabled={problem !== null} loading={result.isFetching} data-testid="report-run">
          {t('reports.run')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t(`reports.descriptions.${report}`)}
      </Text>
      <ErrorAlert error={result.error ?? options.error} />
      {!data && result.isFetching ? <Loader size="sm" aria-label={t('reports.loading')} /> : null}
      {data ? (
        <Stack gap="lg" data-testid="report-result" data-report={report} data-from={data.from} data-to={data.to}>
          <SimpleGrid cols={{ base: 2, md: shape.figures.length }} aria-label={t('reports.figuresHeading')}>
            {shape.figures.map((f) => (
              <Paper key={f.key} withBorder p="sm" data-testid={`report-figure-${f.key}`}>
                <Text size="xs" c="dimmed">
                  {words.figures[f.key]}
                </Text>
                <Text size="xl" fw={700}>
                  {formatReportCell({ type: f.type, ...(f.decimals ? { decimals: f.decimals } : {}) }, data.figures[f.key] ?? null, words, dateTime) || '—'}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            {shape.charts.map((chart) => {
              const rows = data.tables[shape.tables.findIndex((x) => x.key === chart.table)]?.rows ?? [];
              return rows.length > 0 ? <ReportChart key={chart.key} shape={shape} chart={chart} rows={rows} words={words} /> : null;
            })}
          </SimpleGrid>
          {shape.tables.map((table, i) => (data.tables[i] ? <ReportTable key={table.key} shape={table} data={data.tables[i]} words={words} dateTime={dateTime} /> : null))}
        </Stack>
      ) : null}
    </Stack>
  );
}
