import { Alert, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { api } from '../../api';
import { errorMessage } from '../../i18n/errors';
import { CustomerPicker, type CustomerChoice } from '../customers/CustomerPicker';
import { exportCustomerOf } from '../privacy/personalDataExport';
import { useCancelJob, useJob } from './hooks';
import { JobProgress } from './JobProgress';
import { downloadPieces, percent, saveFile } from './transfer';

/**
 * Export (数据导出): every record, or one customer's, as CSV files per entity in one zip
 * that the wizard imports back. Main writes it in a worker; once done the zip comes over
 * in pieces and the browser saves it under the job's file name.
 */
export function ExportPanel() {
  const { t } = useTranslation();
  // 导出个人信息 on a customer's 360 page comes here with the customer chosen.
  const preset = exportCustomerOf(useLocation().state);
  const [text, setText] = useState(preset?.name ?? '');
  const [choice, setChoice] = useState<CustomerChoice | null>(preset ? { kind: 'existing', customer: preset } : null);
  const panel = useRef<HTMLDivElement>(null);
  const presetId = preset?.id;
  useEffect(() => {
    if (presetId !== undefined) panel.current?.scrollIntoView({ block: 'start' });
  }, [presetId]);
  const [jobId, setJobId] = useState<string | null>(null);
  const [scope, setScope] = useState<{ customer: string | null } | null>(null);
  const [received, setReceived] = useState<number | null>(null);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const job = useJob('exports', jobId);
  const cancel = useCancelJob('exports');
  const start = useMutation({ mutationFn: (customerId: number | undefined) => api.exports.start(customerId === undefined ? {} : { customerId }) });
  const fetched = useRef<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => () => abort.current?.abort(), []);

  const data = job.data;
  const running = start.isPending || (jobId !== null && !job.isError && (data?.state ?? 'running') === 'running') || received !== null;
  const customer = choice?.kind === 'existing' ? choice.customer : null;

  const download = useCallback(async (id: string, fileName: string) => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setDownloadError(null);
    setReceived(0);
    try {
      const pieces = await downloadPieces(id, (input) => api.exports.chunk(input), setReceived, controller.signal);
      saveFile(pieces, fileName, 'application/zip');
      setSaved(fileName);
      notifications.show({ color: 'teal', message: t('exports.saved', { file: fileName }) });
    } catch (error) {
      if (!controller.signal.aborted) setDownloadError(error);
    } finally {
      if (abort.current === controller) abort.current = null;
      setReceived(null);
    }
  }, [t]);

  // A finished export downloads by itself, once.
  useEffect(() => {
    if (!jobId || data?.state !== 'done' || !data.file || fetched.current === jobId) return;
    fetched.current = jobId;
    void download(jobId, data.file.name);
  }, [jobId, data?.state, data?.file, download]);

  function begin(customerId: number | undefined, name: string | null) {
    if (running) return;
    setSaved(null);
    setDownloadError(null);
    start.mutate(customerId, {
      onSuccess: ({ jobId: id }) => {
        setScope({ customer: name });
        setJobId(id);
      },
    });
  }

  const total = data?.file?.bytes ?? 0;
  return (
    <Paper withBorder p="md" ref={panel} data-testid="export-panel">
      <Stack gap="sm">
        <Title order={4}>{t('exports.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('exports.hint')}
        </Text>
        <Group align="flex-end" gap="md" wrap="wrap">
          <Button onClick={() => begin(undefined, null)} disabled={running} data-testid="export-all">
            {t('exports.all')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('exports.or')}
          </Text>
          <div style={{ minWidth: 320 }}>
            <CustomerPicker text={text} onTextChange={setText} value={choice} onChange={setChoice} autoFocus={false} />
          </div>
          <Button variant="default" onClick={() => customer && begin(customer.id, customer.name)} disabled={running || !customer} data-testid="export-customer">
            {t('exports.customer')}
          </Button>
        </Group>
        {choice?.kind === 'new' ? (
          <Text size="sm" c="orange">
            {t('exports.pickExisting')}
          </Text>
        ) : null}
        {start.error ? (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(t, start.error)}
          </Alert>
        ) : null}
        {jobId ? (
          <Stack gap="xs" data-testid="export-job" data-state={data?.state ?? 'running'}>
            <Text size="sm" fw={500}>
              {scope?.customer ? t('exports.ofCustomer', { customer: scope.customer }) : t('exports.ofAll')}
            </Text>
            {job.isError ? null : (
              <JobProgress job={data} label={t('exports.running')} onCancel={() => cancel.mutate(jobId)} cancelling={cancel.isPending} cancelError={cancel.error} testId="export-progress" />
            )}
            {job.error ? (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(t, job.error)}
              </Alert>
            ) : null}
            {received !== null ? (
              <Stack gap={4} data-testid="export-downloading">
                <Text size="sm">{t('exports.downloading', { percent: percent(received, total) })}</Text>
                <Progress value={percent(received, total)} aria-label={t('exports.downloadProgress')} />
              </Stack>
            ) : null}
            {downloadError ? (
              <Alert color="red" variant="light" role="alert" data-testid="export-download-error">
                {errorMessage(t, downloadError)}
              </Alert>
            ) : null}
            {data?.state === 'done' && data.file && received === null ? (
              <Group gap="sm">
                {saved ? (
                  <Text size="sm" c="teal" data-testid="export-saved">
                    {t('exports.savedAs', { file: saved })}
                  </Text>
                ) : null}
                <Button variant="subtle" size="compact-sm" onClick={() => data.file && void download(jobId, data.file.name)} data-testid="export-download-again">
                  {t('exports.again')}
                </Button>
              </Group>
            ) : null}
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
