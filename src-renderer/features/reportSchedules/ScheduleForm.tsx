import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportSchedule } from '../../../src-shared/contract';
import { buildReportWords } from '../../../src-shared/contract/reports';
import { SCHEDULE_FORMATS, type ScheduleFilters, type ScheduleFormat } from '../../../src-shared/contract/reportSchedules';
import { RELATIVE_PERIODS, REPORT_IDS, REPORTS, type RelativePeriod, type ReportFilterKey, type ReportId } from '../../../src-shared/domain/reports';
import { TICKET_PRIORITIES, type TicketPriority } from '../../../src-shared/domain/tickets';
import { api } from '../../api';
import { fieldErrors } from '../../i18n/errors';
import { useLocale } from '../../i18n/useLocale';
import { FormActions } from '../../ui/FormActions';
import { FormError } from '../../ui/FormError';
import { saveErrors } from '../../ui/formErrors';
import { CronPicker, cronProblemKey } from './CronPicker';
import { useSaveSchedule } from './hooks';

type Field = 'name' | 'folder' | 'cron';
const FIELDS: readonly Field[] = ['name', 'folder', 'cron'];

function fieldOf(path: string): Field | null {
  return (FIELDS as readonly string[]).includes(path) ? (path as Field) : null;
}

/** A new schedule's starting point: the report and filters the caller came with (the report page's 定时发送). */
export interface ScheduleDraft {
  report?: ReportId;
  filters?: ScheduleFilters;
}

/** The filters a report offers, as pickers (team, product line, agreement, priority); empty: all. */
function FilterPickers({ report, filters, onChange }: { report: ReportId; filters: ScheduleFilters; onChange(next: ScheduleFilters): void }) {
  const { t } = useTranslation();
  const options = useQuery({ queryKey: ['reports', 'options'], queryFn: () => api.reports.options({}), staleTime: 60_000 });
  const offered = REPORTS[report].filters;
  const set = (key: ReportFilterKey, value: string | number | null) => {
    const next: Record<string, unknown> = { ...filters };
    if (value === null || value === '') delete next[key];
    else next[key] = value;
    onChange(next as ScheduleFilters);
  };
  const all = t('reports.all');
  return (
    <SimpleGrid cols={2} spacing="sm">
      {offered.includes('teamId') ? (
        <Select
          label={t('reports.filters.teamId')}
          placeholder={all}
          clearable
          data={(options.data?.teams ?? []).map((x) => ({ value: String(x.id), label: x.name }))}
          value={filters.teamId !== undefined ? String(filters.teamId) : null}
          onChange={(v) => set('teamId', v === null ? null : Number(v))}
          data-testid="schedule-filter-team"
        />
      ) : null}
      {offered.includes('productLine') ? (
        <Select
          label={t('reports.filters.productLine')}
          placeholder={all}
          clearable
          data={options.data?.productLines ?? []}
          value={filters.productLine ?? null}
          onChange={(v) => set('productLine', v)}
          data-testid="schedule-filter-product-line"
        />
      ) : null}
      {offered.includes('agreementId') ? (
        <Select
          label={t('reports.filters.agreementId')}
          placeholder={all}
          clearable
          data={(options.data?.agreements ?? []).map((x) => ({ value: String(x.id), label: x.name }))}
          value={filters.agreementId !== undefined ? String(filters.agreementId) : null}
          onChange={(v) => set('agreementId', v === null ? null : Number(v))}
          data-testid="schedule-filter-agreement"
        />
      ) : null}
      {offered.includes('priority') ? (
        <Select
          label={t('reports.filters.priority')}
          placeholder={all}
          clearable
          data={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`ticket.priority.${p}`) }))}
          value={filters.priority ?? null}
          onChange={(v) => set('priority', v as TicketPriority | null)}
          data-testid="schedule-filter-priority"
        />
      ) : null}
    </SimpleGrid>
  );
}

/** Only the filters the report offers are kept when the report changes. */
function keepOffered(report: ReportId, filters: ScheduleFilters): ScheduleFilters {
  const offered = REPORTS[report].filters as readonly string[];
  return Object.fromEntries(Object.entries(filters).filter(([k]) => offered.includes(k))) as ScheduleFilters;
}

/** Creates or edits a schedule: which report with which filters and period, the file, the folder, and when. */
export function ScheduleForm({
  schedule,
  draft,
  timeZone,
  now,
  onSaved,
  onCancel,
}: {
  schedule: ReportSchedule | null;
  draft?: ScheduleDraft;
  timeZone: string;
  now: number;
  onSaved(saved: ReportSchedule): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const save = useSaveSchedule();
  const [name, setName] = useState(schedule?.name ?? '');
  const [report, setReport] = useState<ReportId>(schedule?.report ?? draft?.report ?? 'requests');
  const [filters, setFilters] = useState<ScheduleFilters>(schedule?.filters ?? keepOffered(draft?.report ?? 'requests', draft?.filters ?? {}));
  const [period, setPeriod] = useState<RelativePeriod>(schedule?.period ?? 'lastWeek');
  const [format, setFormat] = useState<ScheduleFormat>(schedule?.format ?? 'xlsx');
  const [folder, setFolder] = useState(schedule?.folder ?? '');
  const [cron, setCron] = useState(schedule?.cron ?? '0 8 * * 1');
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({});

  const { server, general } = saveErrors(t, save.error, (tr, error) => fieldErrors(tr, error, fieldOf));
  const errors = { ...server, ...local };

  function submit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const problems: Partial<Record<Field, string>> = {};
    if (!name.trim()) problems.name = t('validation.required');
    if (!folder.trim()) problems.folder = t('validation.required');
    const problem = cron ? cronProblemKey(cron) : 'reportSchedules.picker.incomplete';
    if (problem) problems.cron = t(problem);
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    save.mutate(
      { ...(schedule ? { id: schedule.id } : {}), name: name.trim(), report, filters, period, format, folder: folder.trim(), cron, words: buildReportWords(report, locale, (key) => t(key)) },
      { onSuccess: onSaved },
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="schedule-form">
      <Stack gap="sm">
        <FormError message={general} testId="schedule-form-error" />
        <TextInput label={t('reportSchedules.field.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} maxLength={100} required data-testid="schedule-name" />
        <SimpleGrid cols={2} spacing="sm">
          <Select
            label={t('reportSchedules.field.report')}
            data={REPORT_IDS.map((id) => ({ value: id, label: t(`reports.names.${id}`) }))}
            value={report}
            onChange={(v) => {
              if (!v) return;
              setReport(v as ReportId);
              setFilters((f) => keepOffered(v as ReportId, f));
            }}
            allowDeselect={false}
            data-testid="schedule-report"
          />
          <Select
            label={t('reportSchedules.field.period')}
            data={RELATIVE_PERIODS.map((p) => ({ value: p, label: t(`reportSchedules.period.${p}`) }))}
            value={period}
            onChange={(v) => v && setPeriod(v as RelativePeriod)}
            allowDeselect={false}
            data-testid="schedule-period"
          />
        </SimpleGrid>
        <FilterPickers report={report} filters={filters} onChange={setFilters} />
        <Select
          label={t('reportSchedules.field.format')}
          data={SCHEDULE_FORMATS.map((f) => ({ value: f, label: t(`reportSchedules.format.${f}`) }))}
          value={format}
          onChange={(v) => v && setFormat(v as ScheduleFormat)}
          allowDeselect={false}
          data-testid="schedule-format"
        />
        <TextInput
          label={t('reportSchedules.field.folder')}
          description={t('reportSchedules.field.folderHint')}
          value={folder}
          onChange={(e) => setFolder(e.currentTarget.value)}
          error={errors.folder}
          required
          data-testid="schedule-folder"
        />
        <CronPicker value={cron} onChange={setCron} error={errors.cron} timeZone={timeZone} now={now} />
        <FormActions saveLabel={t('reportSchedules.save')} pending={save.isPending} onCancel={onCancel} testId="schedule-save" />
      </Stack>
    </form>
  );
}
