import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../src-shared/contract';
import { errorMessage } from '../../i18n/errors';
import { jobErrorText } from './importErrors';
import { percent } from './transfer';

interface Props {
  job: ImportJob | undefined;
  /** Shown above the bar while the job runs (e.g. 正在试导入…). */
  label: string;
  onCancel(): void;
  cancelling: boolean;
  cancelError?: unknown;
  testId: string;
}

/** A running job's bar (rows done of total) with its cancel button; once it ends, what became of it. */
export function JobProgress({ job, label, onCancel, cancelling, cancelError, testId }: Props) {
  const { t } = useTranslation();
  const state = job?.state ?? 'running';
  const value = job ? percent(job.done, job.total) : 0;
  return (
    <Stack gap="xs" data-testid={testId} data-state={state}>
      {state === 'running' ? (
        <>
          <Group justify="space-between">
            <Text size="sm">{label}</Text>
            <Text size="sm" c="dimmed" data-testid={`${testId}-count`}>
              {job && job.total > 0 ? t('imports.progress.rows', { done: job.done, total: job.total }) : t('imports.progress.starting')}
            </Text>
          </Group>
          <Progress value={value} animated striped aria-label={label} data-testid={`${testId}-bar`} />
          <Group justify="flex-end">
            <Button variant="default" color="red" onClick={onCancel} loading={cancelling} data-testid={`${testId}-cancel`}>
              {t('imports.progress.cancel')}
            </Button>
          </Group>
        </>
      ) : null}
      {state === 'cancelled' ? (
        <Alert color="yellow" variant="light" data-testid={`${testId}-cancelled`}>
          {t('imports.progress.cancelled', { done: job?.done ?? 0, total: job?.total ?? 0 })}
        </Alert>
      ) : null}
      {state === 'failed' ? (
        <Alert color="red" variant="light" role="alert" data-testid={`${testId}-failed`}>
          {jobErrorText(t, job?.error ?? null)}
        </Alert>
      ) : null}
      {cancelError ? (
        <Text c="red" size="sm" role="alert">
          {errorMessage(t, cancelError)}
        </Text>
      ) : null}
    </Stack>
  );
}
