import { Badge, Button, Drawer, Group, Loader, Menu, Modal, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ReportSchedule, ReportScheduleRun } from '../../../src-shared/contract';
import { REPORT_IDS, type ReportId } from '../../../src-shared/domain/reports';
import { ApiError } from '../../api';
import { errorMessage } from '../../i18n/errors';
import { useLocale } from '../../i18n/useLocale';
import { ConfirmRemoveModal } from '../../ui/ConfirmRemoveModal';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useSession } from '../auth/hooks';
import { formatBytes } from '../backup/format';
import { useRemoveSchedule, useRunNow, useScheduleRuns, useSchedules, useSetPaused } from './hooks';
import { ScheduleForm, type ScheduleDraft } from './ScheduleForm';
import { cronText } from './whenText';
import { formatDeskDateTime } from '../../i18n/format';

/** 1.2 s, 45 s, 3 min 5 s. */
function durationText(t: (key: string, options?: Record<string, unknown>) => string, ms: number): string {
  if (ms < 60_000) return t('reportSchedules.duration.seconds', { seconds: Math.round(ms / 100) / 10 });
  return t('reportSchedules.duration.minutes', { minutes: Math.floor(ms / 60_000), seconds: Math.round((ms % 60_000) / 1000) });
}

function RunOutcome({ run }: { run: ReportScheduleRun }) {
  const { t } = useTranslation();
  if (run.outcome === null)
    return (
      <Badge color="blue" variant="light" data-testid="run-outcome" data-outcome="running">
        {t('reportSchedules.outcome.running')}
      </Badge>
    );
  if (run.outcome === 'ok')
    return (
      <Badge color="teal" variant="light" data-testid="run-outcome" data-outcome="ok">
        {t('reportSchedules.outcome.ok')}
      </Badge>
    );
  return (
    <Tooltip label={t(`reportSchedules.error.${run.error ?? 'internal'}`)} multiline w={280}>
      <Badge color="red" variant="light" data-testid="run-outcome" data-outcome="failed">
        {t('reportSchedules.outcome.failed')}
      </Badge>
    </Tooltip>
  );
}

/** Every run of one schedule, newest first: outcome (with the reason), file, rows, size, time taken. */
function RunsDrawer({ schedule, timeZone, onClose }: { schedule: ReportSchedule | null; timeZone: string; onClose(): void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const runs = useScheduleRuns(schedule?.id ?? null);
  const number = new Intl.NumberFormat(locale);
  return (
    <Drawer opened={schedule !== null} onClose={onClose} position="right" size={1080} title={t('reportSchedules.runs.title', { name: schedule?.name ?? '' })}>
      <Stack gap="sm" data-testid="schedule-runs">
        <ErrorAlert error={runs.error} />
        {runs.isPending ? <Loader size="sm" aria-label={t('app.loading')} /> : null}
        {runs.data?.length === 0 ? (
          <Text c="dimmed" data-testid="schedule-runs-empty">
            {t('reportSchedules.runs.empty')}
          </Text>
        ) : null}
        {runs.data && runs.data.length > 0 ? (
          <Table.ScrollContainer minWidth={960}>
            <Table striped withTableBorder>
              <Table.Thead style={{ whiteSpace: 'nowrap' }}>
                <Table.Tr>
                  <Table.Th>{t('reportSchedules.runs.startedAt')}</Table.Th>
                  <Table.Th>{t('reportSchedules.runs.trigger')}</Table.Th>
                  <Table.Th>{t('reportSchedules.runs.period')}</Table.Th>
                  <Table.Th>{t('reportSchedules.runs.outcome')}</Table.Th>
                  <Table.Th>{t('reportSchedules.runs.file')}</Table.Th>
                  <Table.Th ta="right">{t('reportSchedules.runs.rows')}</Table.Th>
                  <Table.Th ta="right">{t('reportSchedules.runs.bytes')}</Table.Th>
                  <Table.Th ta="right">{t('reportSchedules.runs.duration')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {runs.data.map((r) => (
                  <Table.Tr key={r.id} data-testid="run-row" data-outcome={r.outcome ?? 'running'}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDeskDateTime(r.startedAt, locale, timeZone)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.trigger === 'manual' ? t('reportSchedules.runs.manual', { name: r.by ?? '' }) : t('reportSchedules.runs.scheduled')}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.from === r.to ? r.from : `${r.from} ~ ${r.to}`}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <RunOutcome run={r} />
                      {r.outcome === 'failed' ? (
                        <Text size="xs" c="red" data-testid="run-error">
                          {t(`reportSchedules.error.${r.error ?? 'internal'}`)}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td style={{ wordBreak: 'break-all' }} data-testid="run-file">
                      {r.fileName ?? ''}
                    </Table.Td>
                    <Table.Td ta="right">{r.rows === null ? '' : number.format(r.rows)}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {r.bytes === null ? '' : formatBytes(r.bytes, locale)}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {r.durationMs === null ? '' : durationText(t, r.durationMs)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
    </Drawer>
  );
}

function ScheduleRow({ schedule: s, timeZone, onEdit, onRemove, onRuns }: { schedule: ReportSchedule; timeZone: string; onEdit(): void; onRemove(): void; onRuns(): void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const runNow = useRunNow();
  const setPaused = useSetPaused();
  const running = s.lastRun?.outcome === null;

  function run() {
    runNow.mutate(s.id, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('reportSchedules.started', { name: s.name }) }),
      onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
    });
  }

  return (
    <Table.Tr data-testid="schedule-row" data-schedule-id={s.id} data-paused={s.paused}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {s.name}
        </Text>
        <Text size="xs" c="dimmed">
          {t(`reports.names.${s.report}`)} · {t(`reportSchedules.period.${s.period}`)} · {t(`reportSchedules.format.${s.format}`)}
        </Text>
      </Table.Td>
      <Table.Td data-testid="schedule-when">{cronText(t, s.cron)}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="schedule-next">
        {s.paused ? (
          <Badge color="gray" variant="light">
            {t('reportSchedules.paused')}
          </Badge>
        ) : s.nextRunAt !== null ? (
          formatDeskDateTime(s.nextRunAt, locale, timeZone)
        ) : (
          ''
        )}
      </Table.Td>
      <Table.Td style={{ wordBreak: 'break-all' }}>{s.folder}</Table.Td>
      <Table.Td>
        {s.lastRun ? (
          <Group gap={6} wrap="nowrap">
            <RunOutcome run={s.lastRun} />
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {formatDeskDateTime(s.lastRun.startedAt, locale, timeZone)}
            </Text>
          </Group>
        ) : (
          <Text size="xs" c="dimmed">
            {t('reportSchedules.neverRun')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{s.owner.displayName}</Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Button size="compact-sm" variant="light" onClick={run} loading={runNow.isPending} disabled={running} data-testid="schedule-run-now">
            {t('reportSchedules.runNow')}
          </Button>
          <Button size="compact-sm" variant="subtle" onClick={onRuns} data-testid="schedule-show-runs">
            {t('reportSchedules.showRuns')}
          </Button>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button size="compact-sm" variant="subtle" aria-label={t('reportSchedules.more', { name: s.name })} data-testid="schedule-more">
                ⋯
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={onEdit} data-testid="schedule-edit">
                {t('reportSchedules.edit')}
              </Menu.Item>
              <Menu.Item onClick={() => setPaused.mutate({ id: s.id, paused: !s.paused })} data-testid="schedule-pause">
                {t(s.paused ? 'reportSchedules.resume' : 'reportSchedules.pause')}
              </Menu.Item>
              <Menu.Item color="red" onClick={onRemove} data-testid="schedule-remove">
                {t('reportSchedules.remove')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

function RemoveScheduleModal({ schedule, onClose }: { schedule: ReportSchedule | null; onClose(): void }) {
  const { t } = useTranslation();
  const remove = useRemoveSchedule();
  function close() {
    remove.reset();
    onClose();
  }
  return (
    <ConfirmRemoveModal
      opened={schedule !== null}
      title={t('reportSchedules.removeTitle')}
      message={t('reportSchedules.removeConfirm', { name: schedule?.name ?? '' })}
      confirmLabel={t('reportSchedules.remove')}
      pending={remove.isPending}
      error={remove.error}
      onConfirm={() =>
        schedule &&
        remove.mutate(schedule.id, {
          onSuccess: () => {
            notifications.show({ color: 'teal', message: t('reportSchedules.removed', { name: schedule.name }) });
            close();
          },
        })
      }
      onClose={close}
      testId="schedule-remove"
    />
  );
}

/** A draft from the URL: #/report-schedules?new=sla&filters={"priority":"high"} (the report page's 定时发送). */
function draftFrom(params: URLSearchParams): ScheduleDraft | null {
  const report = params.get('new');
  if (!report || !(REPORT_IDS as readonly string[]).includes(report)) return null;
  let filters: ScheduleDraft['filters'] = {};
  try {
    const parsed: unknown = JSON.parse(params.get('filters') ?? '{}');
    if (parsed && typeof parsed === 'object') filters = parsed as ScheduleDraft['filters'];
  } catch {
    // A filter the page cannot read starts empty.
  }
  return { report: report as ReportId, filters };
}

/** 定时报表: reports written into folders on a schedule, with every run's outcome (supervisors). */
export function ReportSchedulesPage() {
  const { t } = useTranslation();
  const session = useSession();
  const allowed = session.data?.permissions.includes('reports.schedule') ?? false;
  const schedules = useSchedules(allowed);
  const [params, setParams] = useSearchParams();
  // undefined: closed; null: a new schedule; a schedule: editing it.
  const [editing, setEditing] = useState<ReportSchedule | null | undefined>(undefined);
  const [draft, setDraft] = useState<ScheduleDraft | null>(null);
  const [removing, setRemoving] = useState<ReportSchedule | null>(null);
  const [showing, setShowing] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const fromUrl = draftFrom(params);
    if (!fromUrl) return;
    setDraft(fromUrl);
    setEditing(null);
    setParams({}, { replace: true });
  }, [params, setParams]);

  if (!allowed) return <ErrorAlert error={new ApiError({ code: 'FORBIDDEN', message: 'reports.schedule needed' })} />;

  const timeZone = schedules.data?.timeZone ?? 'Asia/Shanghai';
  const items = schedules.data?.schedules ?? [];
  const shown = items.find((s) => s.id === showing) ?? null;

  function open(schedule: ReportSchedule | null) {
    setNow(Date.now());
    setEditing(schedule);
  }

  function close() {
    setEditing(undefined);
    setDraft(null);
  }

  return (
    <Stack gap="md" maw={1400} data-testid="report-schedules-page">
      <Group justify="space-between">
        <Title order={2}>{t('reportSchedules.title')}</Title>
        <Button onClick={() => open(null)} data-testid="schedule-add">
          {t('reportSchedules.add')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('reportSchedules.explanation', { timeZone })}
      </Text>
      <ErrorAlert error={schedules.error} />
      {items.length > 0 ? (
        <Table.ScrollContainer minWidth={1000}>
          <Table withTableBorder striped highlightOnHover data-testid="schedules-table">
            <Table.Thead style={{ whiteSpace: 'nowrap' }}>
              <Table.Tr>
                <Table.Th>{t('reportSchedules.column.name')}</Table.Th>
                <Table.Th>{t('reportSchedules.column.when')}</Table.Th>
                <Table.Th>{t('reportSchedules.column.next')}</Table.Th>
                <Table.Th>{t('reportSchedules.column.folder')}</Table.Th>
                <Table.Th>{t('reportSchedules.column.lastRun')}</Table.Th>
                <Table.Th>{t('reportSchedules.column.owner')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((s) => (
                <ScheduleRow key={s.id} schedule={s} timeZone={timeZone} onEdit={() => open(s)} onRemove={() => setRemoving(s)} onRuns={() => setShowing(s.id)} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {schedules.isPending ? <Loader size="sm" aria-label={t('app.loading')} /> : null}
      {schedules.isSuccess && items.length === 0 ? (
        <Text c="dimmed" ta="center" p="lg" data-testid="schedules-empty">
          {t('reportSchedules.empty')}
        </Text>
      ) : null}
      <Modal opened={editing !== undefined} onClose={close} title={editing ? t('reportSchedules.editTitle') : t('reportSchedules.add')} size="lg" trapFocus>
        {editing !== undefined ? (
          <ScheduleForm
            key={editing?.id ?? 'new'}
            schedule={editing}
            draft={draft ?? undefined}
            timeZone={timeZone}
            now={now}
            onSaved={(saved) => {
              close();
              notifications.show({ color: 'teal', message: t('reportSchedules.saved', { name: saved.name }) });
            }}
            onCancel={close}
          />
        ) : null}
      </Modal>
      <RemoveScheduleModal schedule={removing} onClose={() => setRemoving(null)} />
      <RunsDrawer schedule={shown} timeZone={timeZone} onClose={() => setShowing(null)} />
    </Stack>
  );
}
