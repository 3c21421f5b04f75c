import { Alert, Button, FileButton, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HolidayImportResult } from '../../../src-shared/contract';
import { errorMessage } from '../../i18n/errors';
import { useImportHolidays } from './hooks';

/** The contract's limit on the text sent (characters). */
const MAX_TEXT = 1_000_000;

/** E2E tests set files on the hidden input; input props' type has no data-* keys, so they come spread in. */
const FILE_INPUT_TEST_ID = { 'data-testid': 'calendar-import-file' };

interface Picked {
  fileName: string;
  format: 'csv' | 'ics';
  text: string;
}

function formatOf(fileName: string): 'csv' | 'ics' {
  return /\.(ics|ical|ifb|icalendar)$/i.test(fileName) ? 'ics' : 'csv';
}

/** What the dry run found: counts, and every rejected row with its line number and reason. */
function PreviewResult({ result }: { result: HolidayImportResult }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="calendar-import-preview">
      <Text size="sm" data-testid="calendar-import-counts">
        {t('slaAdmin.import.counts', { holidays: result.holidays, workdays: result.workdays })}
      </Text>
      {result.errors.length > 0 ? (
        <>
          <Text c="red" size="sm" role="alert">
            {t('slaAdmin.import.rejected', { rows: result.errors.length })}
          </Text>
          <Table withTableBorder data-testid="calendar-import-errors">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={100}>{t('slaAdmin.import.line')}</Table.Th>
                <Table.Th>{t('slaAdmin.import.reasonLabel')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.errors.map((e, i) => (
                <Table.Tr key={`${e.line}-${i}`} data-testid="calendar-import-error" data-line={e.line} data-reason={e.reason}>
                  <Table.Td ff="monospace">{e.line}</Table.Td>
                  <Table.Td>{t(`slaAdmin.import.reason.${e.reason}`, { defaultValue: e.reason })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : null}
    </Stack>
  );
}

/**
 * Imports a year's holidays and make-up working days from the State Council's schedule
 * (CSV `date,kind,name` as shipped, or an ICS feed): a dry run first, then the import.
 * Imported days replace what the calendar had on those dates; nothing is written while
 * any row is rejected. The calendar form reloads after an import, so while it has unsaved
 * edits the import waits: the check may run, the import only after saving.
 */
export function HolidayImport({ calendarId, unsavedEdits, onApplied }: { calendarId: number; unsavedEdits: boolean; onApplied(): void }) {
  const { t } = useTranslation();
  const preview = useImportHolidays();
  const apply = useImportHolidays();
  const reset = useRef<() => void>(null);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [local, setLocal] = useState<string | null>(null);

  async function pick(file: File | null) {
    reset.current?.();
    preview.reset();
    apply.reset();
    setPicked(null);
    setLocal(null);
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch {
      return setLocal(t('slaAdmin.import.readFailed', { name: file.name }));
    }
    if (!text.trim()) return setLocal(t('slaAdmin.import.emptyFile', { name: file.name }));
    if (text.length > MAX_TEXT) return setLocal(t('validation.tooLarge'));
    const next = { fileName: file.name, format: formatOf(file.name), text };
    setPicked(next);
    preview.mutate({ calendarId, format: next.format, text: next.text, dryRun: true });
  }

  function importNow() {
    if (!picked || unsavedEdits) return;
    apply.mutate(
      { calendarId, format: picked.format, text: picked.text, dryRun: false },
      {
        onSuccess: (result) => {
          if (!result.applied) return;
          notifications.show({ color: 'teal', message: t('slaAdmin.import.applied', { holidays: result.holidays, workdays: result.workdays }) });
          setPicked(null);
          preview.reset();
          apply.reset();
          onApplied();
        },
      },
    );
  }

  const result = apply.data ?? preview.data;
  const canImport = picked !== null && result !== undefined && !result.applied && result.errors.length === 0 && result.holidays + result.workdays > 0;
  const failure = preview.error ?? apply.error;

  return (
    <Paper withBorder p="md" data-testid="calendar-import">
      <Title order={4}>{t('slaAdmin.import.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('slaAdmin.import.hint')}
      </Text>
      <Stack gap="sm">
        <Group gap="sm">
          <FileButton
            onChange={(file) => void pick(file)}
            resetRef={reset}
            accept=".csv,.ics,text/csv,text/calendar"
            inputProps={{ 'aria-label': t('slaAdmin.import.choose'), ...FILE_INPUT_TEST_ID }}
          >
            {(props) => (
              <Button {...props} variant="default" loading={preview.isPending} data-testid="calendar-import-choose">
                {t('slaAdmin.import.choose')}
              </Button>
            )}
          </FileButton>
          {picked ? (
            <Text size="sm" data-testid="calendar-import-file-name">
              {picked.fileName}
            </Text>
          ) : null}
        </Group>
        {local ? (
          <Text c="red" size="sm" role="alert">
            {local}
          </Text>
        ) : null}
        {failure ? (
          <Text c="red" size="sm" role="alert" data-testid="calendar-import-failure">
            {errorMessage(t, failure)}
          </Text>
        ) : null}
        {result ? <PreviewResult result={result} /> : null}
        {result && result.errors.length === 0 && result.holidays + result.workdays === 0 ? (
          <Alert color="yellow" variant="light">
            {t('slaAdmin.import.nothing')}
          </Alert>
        ) : null}
        {picked ? (
          <Group justify="flex-end">
            {unsavedEdits ? (
              <Text size="sm" c="orange" data-testid="calendar-import-save-first">
                {t('slaAdmin.import.saveFirst')}
              </Text>
            ) : null}
            <Button onClick={importNow} disabled={!canImport || unsavedEdits} loading={apply.isPending} data-testid="calendar-import-apply">
              {t('slaAdmin.import.apply')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
