import { Button, Group, Loader, Menu, Paper, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkResult } from '../../../src-shared/contract';
import { HOLD_REASONS } from '../../../src-shared/domain/lifecycle';
import { TICKET_PRIORITIES } from '../../../src-shared/domain/tickets';
import { bulkFailureReason, errorMessage } from '../../i18n/errors';
import { useAssignees } from '../users/hooks';
import { useBulkTickets, type BulkAction, type BulkItem } from './hooks';

interface Props {
  /** The selected rows, each with the version the bulk change sends for it. */
  items: (BulkItem & { number: string })[];
  onDone(result: BulkResult): void;
  onClear(): void;
}

/** With rows selected in the queue: assign them, put them on hold or change their priority at once. */
export function BulkBar({ items, onDone, onClear }: Props) {
  const { t } = useTranslation();
  const assignees = useAssignees();
  const bulk = useBulkTickets();
  const [search, setSearch] = useState('');

  function run(action: BulkAction) {
    if (bulk.isPending || items.length === 0) return;
    const numbers = new Map(items.map((i) => [i.id, i.number]));
    const title = t(`queue.bulk.title.${action.kind}`);
    bulk.mutate(
      { items: items.map(({ id, version }) => ({ id, version })), action },
      {
        onSuccess: (result) => {
          const failed = result.failed.length;
          notifications.show({
            color: failed === 0 ? 'teal' : result.done.length === 0 ? 'red' : 'orange',
            title,
            autoClose: failed === 0 ? 4_000 : 15_000,
            message: (
              <Stack gap={2} data-testid="bulk-result">
                <Text size="sm">{t('queue.bulk.result', { done: result.done.length, failed })}</Text>
                {result.failed.map((f) => (
                  <Text size="xs" key={f.id} data-testid="bulk-failure" data-code={f.code}>
                    {t('queue.bulk.failureLine', { number: numbers.get(f.id) ?? `#${f.id}`, reason: bulkFailureReason(t, f.code) })}
                  </Text>
                ))}
              </Stack>
            ),
          });
          onDone(result);
        },
        onError: (error) => notifications.show({ color: 'red', title, message: errorMessage(t, error) }),
      },
    );
  }

  return (
    <Paper withBorder p="xs" bg="var(--mantine-primary-color-light)" data-testid="bulk-bar">
      <Group gap="sm" wrap="wrap">
        <Text size="sm" fw={500} data-testid="bulk-count">
          {t('queue.bulk.selected', { count: items.length })}
        </Text>
        <Select
          size="xs"
          w={200}
          aria-label={t('queue.bulk.assignTo')}
          placeholder={t('queue.bulk.assignTo')}
          data={(assignees.data ?? []).map((u) => ({ value: String(u.id), label: u.displayName }))}
          value={null}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          nothingFoundMessage={t('queue.bulk.noEngineer')}
          onChange={(v) => {
            setSearch('');
            if (v) run({ kind: 'assign', engineerId: Number(v) });
          }}
          disabled={bulk.isPending}
          data-testid="bulk-assign"
        />
        <Menu position="bottom-start" withinPortal>
          <Menu.Target>
            <Button size="xs" variant="default" disabled={bulk.isPending} data-testid="bulk-hold">
              {t('queue.bulk.hold')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>{t('actionForm.holdReason')}</Menu.Label>
            {HOLD_REASONS.map((reason) => (
              <Menu.Item key={reason} onClick={() => run({ kind: 'hold', reason })} data-testid={`bulk-hold-${reason}`}>
                {t(`lifecycle.holdReason.${reason}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        <Menu position="bottom-start" withinPortal>
          <Menu.Target>
            <Button size="xs" variant="default" disabled={bulk.isPending} data-testid="bulk-priority">
              {t('queue.bulk.priority')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>{t('ticket.field.priority')}</Menu.Label>
            {TICKET_PRIORITIES.map((priority) => (
              <Menu.Item key={priority} onClick={() => run({ kind: 'priority', priority })} data-testid={`bulk-priority-${priority}`}>
                {t(`ticket.priority.${priority}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        <Button size="xs" variant="subtle" onClick={onClear} disabled={bulk.isPending} data-testid="bulk-clear">
          {t('queue.bulk.clear')}
        </Button>
        {bulk.isPending ? <Loader size="xs" aria-label={t('app.loading')} /> : null}
      </Group>
    </Paper>
  );
}
