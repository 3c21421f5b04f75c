import { Anchor, Button, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportEntity } from '../../../src-shared/domain/importFields';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useRunLog } from './hooks';
import { entityLabel } from './labels';

/** The run whose log is open; a package's run ('package') logs several entities. */
export interface LoggedRun {
  id: number;
  entity: ImportEntity | 'package';
  fileName: string;
}

interface Props {
  run: LoggedRun | null;
  onClose(): void;
}

/** A log item's entity: its own when main names it, else the run's. */
function itemEntity(item: { sourceKey: string; targetId: number; entity?: ImportEntity }, run: LoggedRun | null): ImportEntity | 'package' | null {
  return item.entity ?? run?.entity ?? null;
}

/** An import run's log: each record's key in the source system and the record it became here. */
export function RunLogModal({ run, onClose }: Props) {
  const { t } = useTranslation();
  const log = useRunLog(run?.id ?? null);
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Modal opened={run !== null} onClose={onClose} size="lg" title={run ? t('imports.log.title', { file: run.fileName, entity: entityLabel(t, run.entity) }) : ''}>
      <Stack gap="sm" data-testid="run-log">
        <Text size="sm" c="dimmed">
          {t('imports.log.hint')}
        </Text>
        <ErrorAlert error={log.error} />
        {items.length > 0 ? (
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                {run?.entity === 'package' ? <Table.Th>{t('imports.history.entity')}</Table.Th> : null}
                <Table.Th>{t('imports.log.sourceKey')}</Table.Th>
                <Table.Th>{t('imports.log.targetId')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => {
                const entity = itemEntity(item, run);
                return (
                  <Table.Tr key={`${entity}-${item.sourceKey}-${item.targetId}`} data-testid="run-log-item" data-entity={entity ?? ''} data-source-key={item.sourceKey} data-target-id={item.targetId}>
                    {run?.entity === 'package' ? <Table.Td>{entity && entity !== 'package' ? entityLabel(t, entity) : null}</Table.Td> : null}
                    <Table.Td ff="monospace">{item.sourceKey}</Table.Td>
                    <Table.Td>
                      {entity === 'customers' ? (
                        <Anchor component={Link} to={`/customers/${item.targetId}`} onClick={onClose} data-testid="run-log-customer">
                          {t('imports.log.openCustomer', { id: item.targetId })}
                        </Anchor>
                      ) : (
                        <Text size="sm" ff="monospace">
                          {item.targetId}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        ) : null}
        {log.isPending && run !== null ? <Loader size="sm" aria-label={t('app.loading')} /> : null}
        {log.isSuccess && items.length === 0 ? (
          <Text c="dimmed" ta="center" data-testid="run-log-empty">
            {t('imports.log.empty')}
          </Text>
        ) : null}
        {log.hasNextPage ? (
          <Button variant="default" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage} data-testid="run-log-more">
            {t('imports.log.more')}
          </Button>
        ) : null}
      </Stack>
    </Modal>
  );
}
