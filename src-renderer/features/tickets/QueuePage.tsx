import { Box, Button, Checkbox, Group, Kbd, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useHotkeys, type HotkeyItem } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { formatDateTime, formatDay } from '../../i18n/format';
import type { BulkResult, TicketListItem } from '../../../src-shared/contract';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { SpacerRow } from '../../ui/SpacerRow';
import { HEADER_HEIGHT, ROW_HEIGHT, useVirtualRows } from '../../ui/virtualRows';
import { useSession } from '../auth/hooks';
import { SlaCell } from '../sla/SlaCountdown';
import { PriorityBadge, StatusBadge } from './badges';
import { BulkBar } from './BulkBar';
import { DrillBanner } from '../dashboard/DrillBanner';
import { useTicketList, type TicketListFilter } from './hooks';
import { useNewTicket } from './NewTicketContext';
import { QueueAssignModal } from './QueueAssignModal';
import { QueueExportMenu } from './QueueExport';
import { QueueFilters } from './QueueFilters';
import { hasFilters, parseQueueParams, toQueueParams } from './queueParams';

const INTERACTIVE = 'button, a, input, textarea, select, [role="combobox"], [role="option"], [role="menuitem"], [role="dialog"]';
const NOT_TYPING_INPUTS = ['checkbox', 'radio', 'button', 'submit', 'reset'];

/** Single-key shortcuts stay off while typing (a checkbox with focus is not typing) and inside dialogs. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('[role="dialog"]')) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !NOT_TYPING_INPUTS.includes(target.type);
  return target.getAttribute('role') === 'combobox';
}

/** Checked rows → the version each was seen at (null: take the row's current one, e.g. after a failed bulk change). */
type Checked = ReadonlyMap<number, number | null>;
const NONE: Checked = new Map();

/**
 * The service request queue: a saved view and filters held in the URL, a virtualized
 * keyset-paged table, row selection for bulk changes, keys J/K/Enter/X/A/N.
 */
export function QueuePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => parseQueueParams(params), [params]);
  const { data, error, isPending, hasNextPage, isFetchingNextPage, fetchNextPage } = useTicketList(filter);
  const items = useMemo(() => data?.pages.flatMap((p) => p.items) ?? [], [data]);
  const newTicket = useNewTicket();
  const session = useSession();
  const canAssign = session.data?.permissions.includes('tickets.assign') ?? false;
  const canExport = session.data?.permissions.includes('data.export') ?? false;
  const [assigning, setAssigning] = useState<TicketListItem | null>(null);

  // Checked rows belong to one view and filter: changing them starts afresh.
  const filterKey = params.toString();
  const [checkedState, setCheckedState] = useState<{ key: string; rows: Checked }>({ key: filterKey, rows: NONE });
  const checked = checkedState.key === filterKey ? checkedState.rows : NONE;
  const checkedItems = useMemo(
    () => items.filter((i) => checked.has(i.id)).map((i) => ({ id: i.id, number: i.number, version: checked.get(i.id) ?? i.version })),
    [items, checked],
  );
  const allChecked = items.length > 0 && checkedItems.length === items.length;

  function setChecked(update: (rows: Map<number, number | null>) => void) {
    const rows = new Map(checked);
    update(rows);
    setCheckedState({ key: filterKey, rows });
  }

  function toggle(item: TicketListItem) {
    setChecked((rows) => {
      if (rows.has(item.id)) rows.delete(item.id);
      else rows.set(item.id, item.version);
    });
  }

  function toggleAll() {
    setChecked((rows) => {
      if (allChecked) rows.clear();
      else for (const i of items) if (!rows.has(i.id)) rows.set(i.id, i.version);
    });
  }

  /** Done rows leave the selection; failed ones stay, to be sent again over what the refreshed list shows. */
  function onBulkDone(result: BulkResult) {
    setChecked((rows) => {
      for (const id of result.done) rows.delete(id);
      for (const f of result.failed) if (rows.has(f.id)) rows.set(f.id, null);
    });
  }

  const { scrollRef, virtualizer, virtualItems, paddingTop, paddingBottom, selectedId, setSelectedId, selectedIndex, move } = useVirtualRows({
    items,
    hasNextPage,
    isFetchingNextPage,
    fetchNextPage,
  });
  const [seenCreatedId, setSeenCreatedId] = useState(newTicket.createdId);
  if (newTicket.createdId !== seenCreatedId) {
    setSeenCreatedId(newTicket.createdId);
    setSelectedId(newTicket.createdId);
  }

  // Bring a just-created request into view.
  const createdIndex = newTicket.createdId === null ? -1 : items.findIndex((i) => i.id === newTicket.createdId);
  useEffect(() => {
    if (createdIndex >= 0) virtualizer.scrollToIndex(createdIndex, { align: 'auto' });
  }, [createdIndex, virtualizer]);

  /**
   * Rendered at once (flushSync), not as a transition: each control builds its next value on
   * the one shown, so a second pick made before a deferred render landed undid the first (two
   * priorities clicked in a row on a busy machine kept only the second).
   */
  function update(next: TicketListFilter) {
    setParams(toQueueParams(next), { replace: true, flushSync: true });
  }

  const keysOff = newTicket.opened || assigning !== null;

  function open(id: number) {
    void navigate(`/tickets/${id}`);
  }

  const focused = selectedIndex === -1 ? null : (items[selectedIndex] ?? null);

  /**
   * A single-key shortcut of the queue. Mantine would prevent the key's default before the
   * handler runs; here it is prevented only when the shortcut acts, so the letters still
   * reach text boxes (the filters, the new-request form).
   */
  function shortcut(key: string, act: () => boolean): HotkeyItem {
    return [
      key,
      (event) => {
        if (keysOff || isTyping(event.target)) return;
        if (act()) event.preventDefault();
      },
      { preventDefault: false },
    ];
  }

  useHotkeys(
    [
      shortcut('j', () => move(1)),
      shortcut('k', () => move(-1)),
      shortcut('x', () => {
        if (!canAssign || !focused) return false;
        toggle(focused);
        return true;
      }),
      shortcut('a', () => {
        if (!canAssign || !focused) return false;
        setAssigning(focused);
        return true;
      }),
      // R: reply to the focused request's customer (its page opens with the reply box focused).
      shortcut('r', () => {
        if (!focused) return false;
        void navigate(`/tickets/${focused.id}?reply=1`);
        return true;
      }),
      [
        'Enter',
        (event) => {
          if (keysOff || selectedId === null || selectedIndex === -1) return;
          const target = event.target instanceof HTMLElement ? event.target : null;
          if (target?.closest(INTERACTIVE)) return;
          event.preventDefault();
          open(selectedId);
        },
        { preventDefault: false },
      ],
    ],
    // Checkboxes are inputs, but J/K/X must keep working after one was clicked: isTyping decides.
    [],
  );

  const columns = canAssign ? 11 : 10;
  const locale = i18n.language;

  return (
    <Stack h="calc(100dvh - var(--app-shell-header-height, 56px) - 2 * var(--mantine-spacing-md))" gap="sm">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="md">
          <Title order={3} data-testid="queue-title" data-view={filter.view ?? 'all'}>
            {filter.view ? t(`ticket.view.${filter.view}`) : t('queue.title')}
          </Title>
          <Text size="xs" c="dimmed" visibleFrom="md">
            {canAssign ? t('queue.keyboardHintAssign') : t('queue.keyboardHint')}
          </Text>
        </Group>
        <Group gap="sm" wrap="nowrap">
          {canExport ? <QueueExportMenu filter={filter} /> : null}
          {newTicket.canCreate ? (
            <Button onClick={newTicket.open} data-testid="new-ticket-button" rightSection={<Kbd size="xs">N</Kbd>}>
              {t('queue.newRequest')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <QueueFilters filter={filter} onChange={update} />
      {filter.drill ? <DrillBanner drill={filter.drill} figure={params.get('n')} shown={items.length} more={hasNextPage} onClear={() => update({ ...filter, drill: undefined })} /> : null}
      {canAssign && checkedItems.length > 0 ? (
        <BulkBar items={checkedItems} onDone={onBulkDone} onClear={() => setChecked((rows) => rows.clear())} />
      ) : null}
      <ErrorAlert error={error} />
      <Box ref={scrollRef} flex={1} mih={0} style={{ overflow: 'auto', border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }} data-testid="queue-scroll">
        <Table layout="fixed" miw={1310} stickyHeader highlightOnHover verticalSpacing={6} data-testid="queue-table">
          <Table.Thead h={HEADER_HEIGHT}>
            <Table.Tr>
              {canAssign ? (
                <Table.Th w={44}>
                  <Checkbox
                    size="xs"
                    aria-label={t('queue.bulk.selectAll')}
                    checked={allChecked}
                    indeterminate={checkedItems.length > 0 && !allChecked}
                    onChange={toggleAll}
                    disabled={items.length === 0}
                    data-testid="select-all"
                  />
                </Table.Th>
              ) : null}
              <Table.Th w={170}>{t('ticket.field.number')}</Table.Th>
              <Table.Th>{t('ticket.field.subject')}</Table.Th>
              <Table.Th w={160}>{t('ticket.field.customer')}</Table.Th>
              <Table.Th w={80}>{t('ticket.field.type')}</Table.Th>
              <Table.Th w={90}>{t('ticket.field.priority')}</Table.Th>
              <Table.Th w={160}>{t('sla.column')}</Table.Th>
              <Table.Th w={100}>{t('ticket.field.status')}</Table.Th>
              <Table.Th w={100}>{t('ticket.field.assignee')}</Table.Th>
              <Table.Th w={120}>{t('ticket.field.requestedBy')}</Table.Th>
              <Table.Th w={150}>{t('ticket.field.createdAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <SpacerRow height={paddingTop} columns={columns} />
            {virtualItems.map((row) => {
              const item = items[row.index];
              if (!item) return null;
              const selected = item.id === selectedId;
              const isChecked = checked.has(item.id);
              return (
                <Table.Tr
                  key={item.id}
                  h={ROW_HEIGHT}
                  data-testid="ticket-row"
                  data-ticket-id={item.id}
                  aria-selected={selected}
                  data-checked={isChecked || undefined}
                  bg={selected ? 'var(--mantine-primary-color-light)' : isChecked ? 'var(--mantine-color-default-hover)' : undefined}
                  style={{ cursor: 'pointer' }}
                  onClick={() => open(item.id)}
                >
                  {canAssign ? (
                    <Table.Td onClick={(e) => e.stopPropagation()}>
                      <Checkbox
                        size="xs"
                        aria-label={t('queue.bulk.selectRow', { number: item.number })}
                        checked={isChecked}
                        onChange={() => toggle(item)}
                        data-testid="row-check"
                      />
                    </Table.Td>
                  ) : null}
                  <Table.Td>
                    <Text size="sm" ff="monospace" truncate>
                      {item.number}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" truncate title={item.subject}>
                      {item.subject}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" truncate title={item.customerName}>
                      {item.customerName}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`ticket.type.${item.type}`)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <PriorityBadge priority={item.priority} />
                  </Table.Td>
                  <Table.Td>
                    <SlaCell item={item} />
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={item.status} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" truncate c={item.assigneeName ? undefined : 'dimmed'}>
                      {item.assigneeName ?? t('queue.unassignedCell')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{item.requestedBy ? formatDay(item.requestedBy, locale) : t('app.notSet')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(item.createdAt, locale)}</Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
            <SpacerRow height={paddingBottom} columns={columns} />
          </Table.Tbody>
        </Table>
        {isPending ? (
          <Group justify="center" p="lg">
            <Loader size="sm" aria-label={t('app.loading')} />
          </Group>
        ) : null}
        {!isPending && !error && items.length === 0 ? (
          <Text c="dimmed" ta="center" p="xl" data-testid="queue-empty">
            {hasFilters(filter) ? t('queue.emptyFiltered') : filter.view ? t('queue.emptyView') : t('queue.empty')}
          </Text>
        ) : null}
      </Box>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid="queue-count">
          {items.length > 0 ? (hasNextPage ? t('queue.shown', { count: items.length }) : t('queue.allShown', { count: items.length })) : null}
        </Text>
        {hasNextPage ? (
          <Button variant="default" size="xs" onClick={() => void fetchNextPage()} loading={isFetchingNextPage} data-testid="load-more">
            {t('queue.loadMore')}
          </Button>
        ) : null}
      </Group>
      <QueueAssignModal item={assigning} onClose={() => setAssigning(null)} />
    </Stack>
  );
}
