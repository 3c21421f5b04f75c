import { Anchor, Badge, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportRun } from '../../../src-shared/contract';
import { formatDateTime } from '../../i18n/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useImportRuns } from './hooks';
import { entityLabel } from './labels';
import { RunLogModal, type LoggedRun } from './RunLogModal';

function Outcome({ outcome }: { outcome: ImportRun['outcome'] }) {
  const { t } = useTranslation();
  const color = outcome === 'done' ? 'teal' : outcome === 'failed' ? 'red' : outcome === 'cancelled' ? 'yellow' : 'blue';
  return (
    <Badge color={color} variant="light">
      {t(`imports.history.outcome.${outcome ?? 'running'}`)}
    </Badge>
  );
}

/** Every import run, newest first: who imported which file, what came of it, and its log. */
export function ImportHistory() {
  const { t, i18n } = useTranslation();
  const runs = useImportRuns(true);
  const [logRun, setLogRun] = useState<LoggedRun | null>(null);
  const list = runs.data ?? [];
  return (
    <Paper withBorder p="md" data-testid="import-history">
      <Stack gap="sm">
        <Title order={4}>{t('imports.history.title')}</Title>
        <ErrorAlert error={runs.error} />
        {runs.isPending ? <Loader size="sm" aria-label={t('app.loading')} /> : null}
        {runs.isSuccess && list.length === 0 ? (
          <Text c="dimmed" size="sm" data-testid="import-history-empty">
            {t('imports.history.empty')}
          </Text>
        ) : null}
        {list.length > 0 ? (
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('imports.history.startedAt')}</Table.Th>
                <Table.Th>{t('imports.history.entity')}</Table.Th>
                <Table.Th>{t('imports.history.file')}</Table.Th>
                <Table.Th>{t('imports.history.user')}</Table.Th>
                <Table.Th>{t('imports.history.outcomeLabel')}</Table.Th>
                <Table.Th>{t('imports.history.counts')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((run) => (
                <Table.Tr key={run.id} data-testid="import-run" data-entity={run.entity} data-outcome={run.outcome ?? 'running'}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(run.startedAt, i18n.language)}</Table.Td>
                  <Table.Td>{entityLabel(t, run.entity)}</Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{run.fileName}</Table.Td>
                  <Table.Td>{run.userName ?? t('app.notSet')}</Table.Td>
                  <Table.Td>
                    <Outcome outcome={run.outcome} />
                  </Table.Td>
                  <Table.Td data-testid="import-run-counts">
                    {run.counts ? t('imports.history.countsText', { rows: run.counts.rows, created: run.counts.created, unchanged: run.counts.unchanged, rejected: run.counts.rejected }) : t('app.notSet')}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component="button" type="button" size="sm" onClick={() => setLogRun({ id: run.id, entity: run.entity, fileName: run.fileName })} data-testid="import-run-log">
                      {t('imports.history.log')}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Stack>
      <RunLogModal run={logRun} onClose={() => setLogRun(null)} />
    </Paper>
  );
}
