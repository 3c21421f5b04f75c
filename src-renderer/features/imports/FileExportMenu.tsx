import { Button, CloseButton, Group, Menu, Paper, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueExportFormat, QueueViewFormat } from '../../../src-shared/contract/queueExport';
import { api } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useCancelJob, useJob } from './hooks';
import { JobProgress } from './JobProgress';
import { downloadPieces, percent, saveFile } from './transfer';

const MIME: Record<QueueViewFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
  'csv-gb18030': 'text/csv;charset=gb18030',
  pdf: 'application/pdf',
};

const FORMATS: readonly { format: QueueExportFormat; key: string }[] = [
  { format: 'xlsx', key: 'xlsx' },
  { format: 'csv', key: 'csv' },
  { format: 'csv-gb18030', key: 'csvGb18030' },
];

interface Props {
  /** Starts the export job (exports.queue, exports.audit…) in a format. */
  start(format: QueueExportFormat): Promise<{ jobId: string }>;
  /** When given, the menu also offers a PDF (print layout), started with this. */
  startPdf?(): Promise<{ jobId: string }>;
  /** Where its words live in the catalogs: `<keys>.button`, `.xlsx`, `.heading`, `.savedAs`… */
  keys: string;
  /** Values for the heading (e.g. the file's title). */
  heading?: Record<string, string>;
  /** Test id prefix: `<testId>`, `<testId>-xlsx`, `<testId>-job`, `<testId>-saved`… */
  testId: string;
  /** Called once the file is written (the audit trail then holds the export's own entry). */
  onWritten?(): void;
}

/**
 * An 导出 menu (XLSX / CSV / CSV GB18030, and PDF where the caller prints) for a file main writes in a worker: progress and
 * cancel while it is written, then it comes over in pieces (exports.chunk) and the browser
 * saves it under the name the job gives.
 */
export function FileExportMenu({ start: startJob, startPdf, keys, heading, testId, onWritten }: Props) {
  const { t } = useTranslation();
  const [jobId, setJobId] = useState<string | null>(null);
  const [received, setReceived] = useState<number | null>(null);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const format = useRef<QueueViewFormat>('xlsx');
  const job = useJob('exports', jobId);
  const cancel = useCancelJob('exports');
  const start = useMutation({ mutationFn: (f: QueueViewFormat) => (f === 'pdf' ? startPdf!() : startJob(f)) });
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
        notifications.show({ color: 'teal', message: t(`${keys}.saved`, { file: fileName }) });
      } catch (error) {
        if (!controller.signal.aborted) setDownloadError(error);
      } finally {
        if (abort.current === controller) abort.current = null;
        setReceived(null);
      }
    },
    [t, keys],
  );

  // A finished export downloads by itself, once.
  useEffect(() => {
    if (!jobId || data?.state !== 'done' || !data.file || fetched.current === jobId) return;
    fetched.current = jobId;
    onWritten?.();
    void download(jobId, data.file.name);
  }, [jobId, data?.state, data?.file, download, onWritten]);

  function begin(f: QueueViewFormat) {
    if (running) return;
    format.current = f;
    setSaved(null);
    setDownloadError(null);
    setJobId(null);
    start.mutate(f, { onSuccess: ({ jobId: id }) => setJobId(id) });
  }

  function close() {
    setJobId(null);
    setSaved(null);
    setDownloadError(null);
    start.reset();
  }

  const bytes = data?.file?.bytes ?? 0;
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" loading={start.isPending} disabled={running} data-testid={testId}>
            {t(`${keys}.button`)}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {FORMATS.map(({ format: f, key }) => (
            <Menu.Item key={f} onClick={() => begin(f)} data-testid={`${testId}-${f}`}>
              {t(`${keys}.${key}`)}
            </Menu.Item>
          ))}
          {startPdf ? (
            <Menu.Item onClick={() => begin('pdf')} data-testid={`${testId}-pdf`}>
              {t(`${keys}.pdf`)}
            </Menu.Item>
          ) : null}
        </Menu.Dropdown>
      </Menu>
      {jobId !== null || start.error !== null ? (
        <Paper
          withBorder
          p="sm"
          data-testid={`${testId}-job`}
          data-state={data?.state ?? (start.error ? 'failed' : 'running')}
          style={{ position: 'fixed', right: 24, bottom: 24, width: 380, zIndex: 200 }}
        >
          <Stack gap="xs">
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm" fw={500}>
                {t(`${keys}.heading`, heading)}
              </Text>
              {running ? null : <CloseButton aria-label={t(`${keys}.close`)} onClick={close} data-testid={`${testId}-close`} />}
            </Group>
            <ErrorAlert error={start.error} />
            {jobId && !job.isError ? (
              <JobProgress job={data} label={t(`${keys}.running`)} onCancel={() => cancel.mutate(jobId)} cancelling={cancel.isPending} cancelError={cancel.error} testId={`${testId}-progress`} />
            ) : null}
            <ErrorAlert error={job.error} />
            {received !== null ? (
              <Stack gap={4}>
                <Text size="sm">{t(`${keys}.downloading`, { percent: percent(received, bytes) })}</Text>
                <Progress value={percent(received, bytes)} aria-label={t(`${keys}.downloadProgress`)} />
              </Stack>
            ) : null}
            <ErrorAlert error={downloadError} />
            {data?.state === 'done' && data.file && received === null ? (
              <Group gap="sm">
                {saved ? (
                  <Text size="sm" c="teal" data-testid={`${testId}-saved`}>
                    {t(`${keys}.savedAs`, { file: saved, count: data.total })}
                  </Text>
                ) : null}
                <Button variant="subtle" size="compact-sm" onClick={() => data.file && void download(jobId!, data.file.name)} data-testid={`${testId}-again`}>
                  {t(`${keys}.again`)}
                </Button>
              </Group>
            ) : null}
          </Stack>
        </Paper>
      ) : null}
    </>
  );
}
