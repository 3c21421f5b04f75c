import { Alert, Button, FileButton, Group, Progress, ScrollArea, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_IMPORT_BYTES, type UploadedTable } from '../../../src-shared/contract';
import { api } from '../../api';
import { importErrorText } from './importErrors';
import { entityLabel } from './labels';
import { percent, uploadFile } from './transfer';

/** E2E tests set files on the hidden input; input props' type has no data-* keys, so they come spread in. */
const FILE_INPUT_TEST_ID = { 'data-testid': 'import-file' };
const ACCEPT = '.csv,.xlsx,.zip,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/zip';

/** The encoding main read a CSV in; one it may add later by its own name. */
function encodingName(t: TFunction, encoding: string): string {
  if (encoding === 'gb18030') return t('imports.encoding.gb18030');
  if (encoding === 'utf-8') return t('imports.encoding.utf8');
  return encoding;
}

/** What the wizard learned from the file: format, encoding, rows, headers and the first rows. */
export function TableSummary({ table }: { table: UploadedTable }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" data-testid="upload-summary" data-format={table.format} data-encoding={table.encoding ?? ''}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <Text size="sm" data-testid="upload-file-name">
          {t('imports.upload.fileName', { name: table.fileName })}
        </Text>
        <Text size="sm" data-testid="upload-format">
          {t('imports.upload.format', { format: t(`imports.format.${table.format}`) })}
          {table.encoding ? t('imports.upload.encoding', { encoding: encodingName(t, table.encoding) }) : null}
        </Text>
        {table.format !== 'package' ? (
          <Text size="sm" data-testid="upload-rows" data-rows={table.rows}>
            {t('imports.upload.rows', { rows: table.rows })}
          </Text>
        ) : null}
      </SimpleGrid>
      {table.encoding === 'gb18030' ? (
        <Alert color="blue" variant="light" data-testid="upload-converted">
          {t('imports.upload.converted')}
        </Alert>
      ) : null}
      {table.format === 'package' ? (
        <Table withTableBorder data-testid="package-entities" maw={480}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('imports.upload.entity')}</Table.Th>
              <Table.Th ta="right">{t('imports.upload.entityRows')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.entities.map((e) => (
              <Table.Tr key={e.entity} data-testid="package-entity" data-entity={e.entity} data-rows={e.rows}>
                <Table.Td>{entityLabel(t, e.entity)}</Table.Td>
                <Table.Td ta="right">{e.rows}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <>
          <Text size="sm" fw={500}>
            {t('imports.upload.sample', { rows: table.sample.length })}
          </Text>
          <ScrollArea type="auto">
            <Table withTableBorder withColumnBorders striped data-testid="upload-sample" style={{ whiteSpace: 'nowrap' }}>
              <Table.Thead>
                <Table.Tr>
                  {table.headers.map((h, i) => (
                    <Table.Th key={`${h}-${i}`} data-testid="upload-header">
                      {h}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {table.sample.map((row, r) => (
                  <Table.Tr key={r}>
                    {table.headers.map((_h, c) => (
                      <Table.Td key={c}>{row[c] ?? ''}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </>
      )}
    </Stack>
  );
}

interface Props {
  table: UploadedTable | null;
  onUploaded(table: UploadedTable | null): void;
}

/**
 * Step 1: the file goes to main in pieces (a bar shows how far), then main reads its
 * headers and first rows. Choosing another file starts over.
 */
export function UploadStep({ table, onUploaded }: Props) {
  const { t } = useTranslation();
  const reset = useRef<() => void>(null);
  const abort = useRef<AbortController | null>(null);
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const [phase, setPhase] = useState<'idle' | 'uploading' | 'inspecting'>('idle');
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => () => abort.current?.abort(), []);

  async function pick(file: File | null) {
    reset.current?.();
    abort.current?.abort();
    setProblem(null);
    setProgress(null);
    if (!file) return;
    if (file.size === 0) return setProblem(t('imports.upload.empty', { name: file.name }));
    if (file.size > MAX_IMPORT_BYTES) return setProblem(t('imports.upload.tooLarge', { name: file.name, mb: MAX_IMPORT_BYTES / 1024 / 1024 }));
    onUploaded(null);
    const controller = new AbortController();
    abort.current = controller;
    setPhase('uploading');
    try {
      const uploadId = await uploadFile(file, api.imports, (sent, total) => setProgress({ sent, total }), controller.signal);
      setPhase('inspecting');
      const inspected = await api.imports.inspect({ uploadId });
      if (controller.signal.aborted) return;
      onUploaded(inspected);
    } catch (error) {
      if (controller.signal.aborted) return;
      setProblem(importErrorText(t, error, null));
    } finally {
      if (abort.current === controller) {
        abort.current = null;
        setPhase('idle');
      }
    }
  }

  const busy = phase !== 'idle';
  return (
    <Stack gap="md" data-testid="upload-step">
      <Text size="sm" c="dimmed">
        {t('imports.upload.hint')}
      </Text>
      <Group gap="sm">
        <FileButton onChange={(file) => void pick(file)} resetRef={reset} accept={ACCEPT} inputProps={{ 'aria-label': t('imports.upload.choose'), ...FILE_INPUT_TEST_ID }}>
          {(props) => (
            <Button {...props} variant={table ? 'default' : 'filled'} loading={busy} data-testid="import-choose">
              {table ? t('imports.upload.chooseAnother') : t('imports.upload.choose')}
            </Button>
          )}
        </FileButton>
      </Group>
      {busy ? (
        <Stack gap={4} data-testid="upload-progress">
          <Text size="sm">{phase === 'uploading' ? t('imports.upload.uploading', { percent: progress ? percent(progress.sent, progress.total) : 0 }) : t('imports.upload.inspecting')}</Text>
          <Progress value={phase === 'inspecting' ? 100 : progress ? percent(progress.sent, progress.total) : 0} animated={phase === 'inspecting'} aria-label={t('imports.upload.progress')} />
        </Stack>
      ) : null}
      {problem ? (
        <Alert color="red" variant="light" role="alert" data-testid="upload-error">
          {problem}
        </Alert>
      ) : null}
      {table && !busy ? <TableSummary table={table} /> : null}
    </Stack>
  );
}
