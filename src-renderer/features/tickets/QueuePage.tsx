import { Box, Button, Group, Kbd, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { formatDateTime, formatDay } from '../../i18n/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PriorityBadge, StatusBadge } from './badges';
import { useTicketList, type TicketListFilter } from './hooks';
import { useNewTicket } from './NewTicketContext';
import { QueueFilters } from './QueueFilters';
import { hasFilters, parseQueueParams, toQueueParams } from './queueParams';

const ROW_HEIGHT = 44;
const HEADER_HEIGHT = 40;
const INTERACTIVE = 'button, a, input, textarea, select, [role="combobox"], [role="option"], [role="menuitem"], [role="dialog"]';

/** The service request queue: URL-held filters, a virtualized keyset-paged table, keys J/K/Enter/N. */
export function QueuePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => parseQueueParams(params), [params]);
  const { data, error, isPending, hasNextPage, isFetchingNextPage, fetchNextPage } = useTicketList(filter);
  const items = useMemo(() => data?.pages.flatMap((p) => p.items) ?? [], [data]);
  const newTicket = useNewTicket();

  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [seenCreatedId, setSeenCreatedId] = useState(newTicket.createdId);
  if (newTicket.createdId !== seenCreatedId) {
    setSeenCreatedId(newTicket.createdId);
    setSelectedId(newTicket.createdId);
  }
  const selectedIndex = selectedId === null ? -1 : items.findIndex((i) => i.id === selectedId);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastVisible = virtualItems.at(-1)?.index ?? -1;

  // Infinite scroll: fetch the next keyset page when the end comes into view.
  useEffect(() => {
    if (items.length > 0 && lastVisible >= items.length - 5 && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [lastVisible, items.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  // Bring a just-created request into view.
  const createdIndex = newTicket.createdId === null ? -1 : items.findIndex((i) => i.id === newTicket.createdId);
  useEffect(() => {
    if (createdIndex >= 0) virtualizer.scrollToIndex(createdIndex, { align: 'auto' });
  }, [createdIndex, virtualizer]);

  function update(next: TicketListFilter) {
    setParams(toQueueParams(next), { replace: true });
  }

  function move(delta: number) {
    if (newTicket.opened || items.length === 0) return;
    const next = selectedIndex === -1 ? 0 : Math.min(items.length - 1, Math.max(0, selectedIndex + delta));
    const item = items[next];
    if (!item) return;
    setSelectedId(item.id);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  }

  function open(id: number) {
    void navigate(`/tickets/${id}`);
  }

  useHotkeys([
    ['j', () => move(1)],
    ['k', () => move(-1)],
    [
      'Enter',
      (event) => {
        if (newTicket.opened || selectedId === null || selectedIndex === -1) return;
        const target = event.target instanceof HTMLElement ? event.target : null;
        if (target?.closest(INTERACTIVE)) return;
        event.preventDefault();
        open(selectedId);
      },
      { preventDefault: false },
    ],
  ]);

  const paddingTop = virtualItems[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (virtualItems.at(-1)?.end ?? 0);
  const locale = i18n.language;

  return (
    <Stack h="calc(100dvh - var(--app-shell-header-height, 56px) - 2 * var(--mantine-spacing-md))" gap="sm">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="md">
          <Title order={3}>{t('queue.title')}</Title>
          <Text size="xs" c="dimmed" visibleFrom="md">
            {t('queue.keyboardHint')}
          </Text>
        </Group>
        {newTicket.canCreate ? (
          <Button onClick={newTicket.open} data-testid="new-ticket-button" rightSection={<Kbd size="xs">N</Kbd>}>
            {t('queue.newRequest')}
          </Button>
        ) : null}
      </Group>
      <QueueFilters filter={filter} onChange={update} />
      <ErrorAlert error={error} />
      <Box ref={scrollRef} flex={1} mih={0} style={{ overflow: 'auto', border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }} data-testid="queue-scroll">
        <Table layout="fixed" miw={1180} stickyHeader highlightOnHover verticalSpacing={6} data-testid="queue-table">
          <Table.Thead h={HEADER_HEIGHT}>
            <Table.Tr>
              <Table.Th w={170}>{t('ticket.field.number')}</Table.Th>
              <Table.Th>{t('ticket.field.subject')}</Table.Th>
              <Table.Th w={170}>{t('ticket.field.customer')}</Table.Th>
              <Table.Th w={80}>{t('ticket.field.type')}</Table.Th>
              <Table.Th w={90}>{t('ticket.field.priority')}</Table.Th>
              <Table.Th w={110}>{t('ticket.field.status')}</Table.Th>
              <Table.Th w={110}>{t('ticket.field.assignee')}</Table.Th>
              <Table.Th w={120}>{t('ticket.field.requestedBy')}</Table.Th>
              <Table.Th w={150}>{t('ticket.field.createdAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {paddingTop > 0 ? (
              <tr aria-hidden="true">
                <td colSpan={9} style={{ height: paddingTop, padding: 0, border: 0 }} />
              </tr>
            ) : null}
            {virtualItems.map((row) => {
              const item = items[row.index];
              if (!item) return null;
              const selected = item.id === selectedId;
              return (
                <Table.Tr
                  key={item.id}
                  h={ROW_HEIGHT}
                  data-testid="ticket-row"
                  data-ticket-id={item.id}
                  aria-selected={selected}
                  bg={selected ? 'var(--mantine-primary-color-light)' : undefined}
                  style={{ cursor: 'pointer' }}
                  onClick={() => open(item.id)}
                >
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
            {paddingBottom > 0 ? (
              <tr aria-hidden="true">
                <td colSpan={9} style={{ height: paddingBottom, padding: 0, border: 0 }} />
              </tr>
            ) : null}
          </Table.Tbody>
        </Table>
        {isPending ? (
          <Group justify="center" p="lg">
            <Loader size="sm" aria-label={t('app.loading')} />
          </Group>
        ) : null}
        {!isPending && !error && items.length === 0 ? (
          <Text c="dimmed" ta="center" p="xl" data-testid="queue-empty">
            {hasFilters(filter) ? t('queue.emptyFiltered') : t('queue.empty')}
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
    </Stack>
  );
}
