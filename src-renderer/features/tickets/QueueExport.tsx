import { Alert, Button, CloseButton, Group, Menu, Paper, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueExportFormat, QueueExportLabels } from '../../../src-shared/contract/queueExport';
import { TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TYPES } from '../../../src-shared/domain/tickets';
import { api } from '../../api';
import { errorMessage } from '../../i18n/errors';
import { useCancelJob, useJob } from '../imports/hooks';
import { JobProgress } from '../imports/JobProgress';
import { downloadPieces, percent, saveFile } from '../imports/transfer';
import type { TicketListFilter } from './hooks';

const MIME: Record<QueueExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
  'csv-gb18030': 'text/csv;charset=gb18030',
};

const words = <K extends string>(keys: readonly K[], word: (key: K) => string) => Object.fromEntries(keys.map((k) => [k, word(k)])) as Record<K, string>;

/** The words the file is written in: the queue's column headers and values, in the UI language. */
export function queueExportLabels(t: TFunction): QueueExportLabels {
  return {
    columns: {
      number: t('ticket.field.number'),
      subject: t('ticket.field.subject'),
      customer: t('ticket.field.customer'),
      type: t('ticket.field.type'),
      priority: t('ticket.field.priority'),
      status: t('ticket.field.status'),
      assignee: t('ticket.field.assignee'),
      channel: t('ticket.field.channel'),
      requestedBy: t('ticket.field.requestedBy'),
      createdAt: t('ticket.field.createdAt'),
      slaDueAt: t('queueExport.slaDueAt'),
    },
    status: words(TICKET_STATUSES, (s) => t(`ticket.status.${s}`)),
    type: words(TICKET_TYPES, (s) => t(`ticket.type.${s}`)),
    priority: words(TICKET_PRIORITIES, (s) => t(`ticket.priority.${s}`)),
    channel: words(TICKET_CHANNELS, (s) => t(`ticket.channel.${s}`)),
    unassigned: t('queue.unassignedCell'),
  };
}

/**
 * Export (导出) on the queue: the view with its filters, in its order, as XLSX or CSV. Main
 * writes the file in a worker (progress and cancel here); once done it comes over in
 * pieces and the browser saves it as 队列-<view>-<desk time>.xlsx. For those who may
 * export (service managers and admins).
 */
export function QueueExportMenu({ filter }: { filter: TicketListFilter }) {
  const { t } = useTranslation();
  const [jobId, setJobId] = useState<string | null>(null);
  const [received, setReceived] = useState<number | null>(null);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const format = useRef<QueueExportFormat>('xlsx');
  const job = useJob('exports', jobId);
  const cancel = useCancelJob('exports');
  const title = `${t('queueExport.filePrefix')}-${filter.view ? t(`ticket.view.${filter.view}`) : t('queueExport.all')}`;
  const start = useMutation({ mutationFn: (f: QueueExportFormat) => api.exports.queue({ ...filter, format: f, title, labels: queueExportLabels(t) }) });
  const fetched = useRef<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const data = job.data;
  const running = start.isPending || (jobId !== null && !job.isError && (data?.state ?? 'running') === 'running') || received !== null;

  const download = useCallback(
    async (id: string, fileName: string) => {
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      setDownloadError(null);
      setReceived(0);
      try {
        const pieces = await downloadPieces(id, (input) => api.exports.chunk(input), setReceived, controller.signal);
        saveFile(pieces, fileName, MIME[format.current]);
        setSaved(fileName);
        notifications.show({ color: 'teal', message: t('queueExport.saved', { file: fileName }) });
      } catch (error) {
        if (!controller.signal.aborted) setDownloadError(error);
      } finally {
        if (abort.current === controller) abort.current = null;
        setReceived(null);
      }
    },
    [t],
  );

  // A finished export downloads by itself, once.
  useEffect(() => {
    if (!jobId || data?.state !== 'done' || !data.file || fetched.current === jobId) return;
    fetched.current = jobId;
    void download(jobId, data.file.name);
  }, [jobId, data?.state, data?.file, download]);

  function begin(f: QueueExportFormat) {
    if (running) return;
    format.current = f;
    setSaved(null);
    setDownloadError(null);
    setJobId(null);
    start.mutate(f, { onSuccess: ({ jobId: id }) => setJobId(id) });
  }

  const shown = jobId !== null || start.error !== null;
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" loading={start.isPending} disabled={running} data-testid="queue-export">
            {t('queueExport.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => begin('xlsx')} data-testid="queue-export-xlsx">
            {t('queueExport.xlsx')}
          </Menu.Item>
          <Menu.Item onClick={() => begin('csv')} data-testid="queue-export-csv">
            {t('queueExport.csv')}
          </Menu.Item>
          <Menu.Item onClick={() => begin('csv-gb18030')} data-testid="queue-export-csv-gb18030">
            {t('queueExport.csvGb18030')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {shown ? (
        <Paper withBorder p="sm" data-testid="queue-export-job" data-state={data?.state ?? (start.error ? 'failed' : 'running')} style={{ position: 'fixed', right: 24, bottom: 24, width: 380, zIndex: 200 }}>
          <Stack gap="xs">
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm" fw={500}>
                {t('queueExport.heading', { title })}
              </Text>
              {running ? null : <CloseButton aria-label={t('queueExport.close')} onClick={() => (setJobId(null), start.reset())} data-testid="queue-export-close" />}
            </Group>
            {start.error ? (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(t, start.error)}
              </Alert>
            ) : null}
            {jobId && !job.isError ? (
              <JobProgress job={data} label={t('queueExport.running')} onCancel={() => cancel.mutate(jobId)} cancelling={cancel.isPending} cancelError={cancel.error} testId="queue-export-progress" />
            ) : null}
            {job.error ? (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(t, job.error)}
              </Alert>
            ) : null}
            {received !== null ? (
              <Stack gap={4}>
                <Text size="sm">{t('queueExport.downloading', { percent: percent(received, data?.file?.bytes ?? 0) })}</Text>
                <Progress value={percent(received, data?.file?.bytes ?? 0)} aria-label={t('queueExport.downloadProgress')} />
              </Stack>
            ) : null}
            {downloadError ? (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(t, downloadError)}
              </Alert>
            ) : null}
            {data?.state === 'done' && data.file && received === null ? (
              <Group gap="sm">
                {saved ? (
                  <Text size="sm" c="teal" data-testid="queue-export-saved">
                    {t('queueExport.savedAs', { file: saved, count: data.total })}
                  </Text>
                ) : null}
                <Button variant="subtle" size="compact-sm" onClick={() => data.file && void download(jobId!, data.file.name)} data-testid="queue-export-again">
                  {t('queueExport.again')}
                </Button>
              </Group>
            ) : null}
          </Stack>
        </Paper>
      ) : null}
    </>
  );
}
