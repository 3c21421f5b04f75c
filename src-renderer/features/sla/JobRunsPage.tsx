import { Badge, Button, Group, Loader, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { JobRun } from '../../../src-shared/contract';
import { formatDuration } from '../../../src-shared/domain/sla';
import { ApiError } from '../../api';
import { errorMessage } from '../../i18n/errors';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useSession } from '../auth/hooks';
import { formatElapsed } from './format';
import { useJobRuns, useRunCheck } from './hooks';

/** Catalog keys cannot hold dots: 'sla.check' and 'sla-check' both read jobs.jobName.sla_check. */
function jobLabel(t: TFunction, job: string): string {
  return t(`jobs.jobName.${job.replace(/\W/g, '_')}`, { defaultValue: job });
}

/** warnings: 2 · breaches: 1 — known counters translated, others as main named them. */
function summaryText(t: TFunction, summary: Record<string, number>): string {
  return Object.entries(summary)
    .map(([key, value]) => `${t(`jobs.summaryKey.${key.replace(/\W/g, '_')}`, { defaultValue: key })}: ${value}`)
    .join(' · ');
}

function OutcomeBadge({ outcome }: { outcome: JobRun['outcome'] }) {
  const { t } = useTranslation();
  if (outcome === null) return <Badge color="blue" variant="light">{t('jobs.outcome.running')}</Badge>;
  return (
    <Badge color={outcome === 'ok' ? 'teal' : 'red'} variant={outcome === 'ok' ? 'light' : 'filled'}>
      {t(`jobs.outcome.${outcome}`)}
    </Badge>
  );
}

function JobRunRow({ run }: { run: JobRun }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const elapsedUnits = { ms: t('jobs.units.ms'), s: t('jobs.units.s'), min: t('jobs.units.min') };
  const gapUnits = { d: t('jobs.units.d'), h: t('jobs.units.h'), m: t('jobs.units.m') };
  return (
    <Table.Tr data-testid="job-run-row" data-outcome={run.outcome ?? 'running'}>
      <Table.Td>{jobLabel(t, run.job)}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(run.startedAt, locale)}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{run.finishedAt === null ? '—' : formatElapsed(run.finishedAt - run.startedAt, elapsedUnits)}</Table.Td>
      <Table.Td>
        <OutcomeBadge outcome={run.outcome} />
        {run.gapMs !== null ? (
          <Text size="xs" c="dimmed" mt={2} data-testid="job-run-gap">
            {t('jobs.caughtUp', { gap: formatDuration(run.gapMs, gapUnits) })}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td data-testid="job-run-summary">
        <Text size="sm">{run.summary && Object.keys(run.summary).length > 0 ? summaryText(t, run.summary) : '—'}</Text>
      </Table.Td>
      <Table.Td>
        {run.error ? (
          // Main's raw message is for whoever reads the log (IT), not a sentence for the page: it
          // stays in the tooltip, reachable by keyboard too.
          <Tooltip label={run.error} multiline maw={480} events={{ hover: true, focus: true, touch: true }}>
            <Text size="sm" c="red" tabIndex={0} style={{ cursor: 'help' }} data-testid="job-run-error">
              {t('jobs.checkFailed')}
            </Text>
          </Tooltip>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}

/** Runs the SLA check now instead of waiting for the next minute; the list refreshes with the run. */
function RunCheckButton() {
  const { t } = useTranslation();
  const run = useRunCheck();
  function runNow() {
    run.mutate(undefined, {
      onSuccess: (result) =>
        notifications.show(
          result.outcome === 'failed'
            ? { color: 'red', message: t('jobs.checkFailed') }
            : { color: 'teal', message: t('jobs.checkDone') },
        ),
      onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
    });
  }
  return (
    <Button onClick={runNow} loading={run.isPending} data-testid="run-sla-check">
      {t('jobs.runNow')}
    </Button>
  );
}

/** 任务记录: every scheduled job run (the SLA check every minute), for service managers and administrators. */
export function JobRunsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const permissions = session.data?.permissions ?? [];
  const canRead = permissions.includes('jobs.read');
  const runs = useJobRuns(100, canRead);

  if (!canRead) return <ErrorAlert error={new ApiError({ code: 'FORBIDDEN', message: 'jobs.read needed' })} />;

  const items = runs.data ?? [];
  return (
    <Stack gap="md" maw={1200} data-testid="job-runs-page">
      <Group justify="space-between">
        <Title order={2}>{t('jobs.title')}</Title>
        <Group gap="xs">
          <Button variant="default" onClick={() => void runs.refetch()} loading={runs.isFetching && !runs.isPending} data-testid="job-runs-refresh">
            {t('jobs.refresh')}
          </Button>
          {permissions.includes('sla.manage') ? <RunCheckButton /> : null}
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t('jobs.explanation')}
      </Text>
      <ErrorAlert error={runs.error} />
      <Table.ScrollContainer minWidth={900}>
        <Table withTableBorder striped data-testid="job-runs-table">
          <Table.Thead style={{ whiteSpace: 'nowrap' }}>
            <Table.Tr>
              <Table.Th>{t('jobs.job')}</Table.Th>
              <Table.Th>{t('jobs.started')}</Table.Th>
              <Table.Th>{t('jobs.duration')}</Table.Th>
              <Table.Th>{t('jobs.outcomeLabel')}</Table.Th>
              <Table.Th>{t('jobs.summary')}</Table.Th>
              <Table.Th>{t('jobs.error')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((r) => (
              <JobRunRow key={r.id} run={r} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {runs.isPending ? <Loader size="sm" aria-label={t('app.loading')} /> : null}
      {runs.isSuccess && items.length === 0 ? (
        <Text c="dimmed" ta="center" p="lg" data-testid="job-runs-empty">
          {t('jobs.empty')}
        </Text>
      ) : null}
    </Stack>
  );
}
