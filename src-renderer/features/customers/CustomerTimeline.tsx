import { Anchor, Badge, Button, Chip, Group, Loader, Paper, Text, Timeline, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TIMELINE_KINDS, type TicketEvent, type TimelineItem, type TimelineKind } from '../../../src-shared/contract';
import { formatDateTime } from '../../i18n/format';
import { formatMoney } from '../../i18n/money';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { eventTitle, statusChangeText } from '../tickets/eventText';
import { EventSummary } from '../tickets/TicketEvents';
import { nextTimelineSelection, TIMELINE_KIND_COLORS, timelineKindsFilter } from './customer360';
import { useCustomerTimeline } from './hooks';

/** Brings the purchase orders section's row of this order into view (the timeline names the order; the section shows it whole). */
function showOrder(orderId: number) {
  const row = document.querySelector<HTMLElement>(`[data-testid="customer-order"][data-order-id="${orderId}"]`);
  if (!row) return;
  row.scrollIntoView({ behavior: 'smooth', block: 'center' });
  row.focus({ preventScroll: true });
}

/** The start of an entry's title: when, and what kind of entry. */
function EntryStamp({ at, kind }: { at: number; kind: TimelineKind }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(at, i18n.language)}
      </Text>
      <Badge color={TIMELINE_KIND_COLORS[kind]} variant="light" size="sm" style={{ flexShrink: 0 }}>
        {t(`customer360.timeline.kind.${kind}`)}
      </Badge>
    </>
  );
}

/** A purchase: its order number (leading to the order in the purchase orders section) and total. */
function PurchaseEntry({ item, order }: { item: TimelineItem; order: NonNullable<TimelineItem['order']> }) {
  const { t, i18n } = useTranslation();
  return (
    <Timeline.Item
      color={TIMELINE_KIND_COLORS.purchase}
      data-testid="timeline-item"
      data-kind={item.kind}
      data-event-kind={item.eventKind}
      title={
        <Group gap="xs" wrap="nowrap">
          <EntryStamp at={item.at} kind="purchase" />
          <Anchor component="button" type="button" size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }} onClick={() => showOrder(order.id)} data-testid="timeline-order-link">
            {order.orderNo}
          </Anchor>
        </Group>
      }
    >
      <Text size="sm" data-testid="timeline-text">
        {t('orders.timelineText', { orderNo: order.orderNo, total: formatMoney(order.total, order.currency, i18n.language) })}
      </Text>
      {item.note ? (
        <Text size="sm" c="dimmed" lineClamp={4} style={{ whiteSpace: 'pre-wrap' }} data-testid="timeline-note">
          {item.note}
        </Text>
      ) : null}
      {item.actorName ? (
        <Text size="xs" c="dimmed" mt={2}>
          {t('detail.by', { name: item.actorName })}
        </Text>
      ) : null}
    </Timeline.Item>
  );
}

/** One entry of a request's history, worded as on the request itself, under the request it belongs to. */
function TimelineEntry({ item }: { item: TimelineItem }) {
  const { t } = useTranslation();
  if (item.order) return <PurchaseEntry item={item} order={item.order} />;
  if (!item.ticket) return null;
  const ticket = item.ticket;
  // The request page's wording takes a history entry; the timeline item is one with the request's own kind.
  const event: TicketEvent = {
    at: item.at,
    kind: item.eventKind,
    actorName: item.actorName,
    fromStatus: item.fromStatus,
    toStatus: item.toStatus,
    note: item.note,
    details: item.details,
  };
  const status = statusChangeText(t, event);
  return (
    <Timeline.Item
      color={TIMELINE_KIND_COLORS[item.kind]}
      data-testid="timeline-item"
      data-kind={item.kind}
      data-event-kind={item.eventKind}
      title={
        <Group gap="xs" wrap="nowrap">
          <EntryStamp at={item.at} kind={item.kind} />
          <Anchor component={Link} to={`/tickets/${ticket.id}`} size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }} data-testid="timeline-request-link">
            {ticket.number}
          </Anchor>
          <Text size="sm" truncate>
            {ticket.subject}
          </Text>
        </Group>
      }
    >
      <Text size="sm" data-testid="timeline-text">
        {status ? `${eventTitle(t, item.eventKind)} · ${status}` : eventTitle(t, item.eventKind)}
      </Text>
      <EventSummary event={event} />
      {item.note ? (
        <Text size="sm" c="dimmed" lineClamp={4} style={{ whiteSpace: 'pre-wrap' }} data-testid="timeline-note">
          {item.note}
        </Text>
      ) : null}
      <Text size="xs" c="dimmed" mt={2}>
        {t('detail.by', { name: item.actorName ?? t('detail.system') })}
      </Text>
    </Timeline.Item>
  );
}

/** Everything that happened on the customer's requests, newest first, narrowed by kind, a page at a time. */
export function CustomerTimeline({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  // What the desk and the customer did; 其他 (assignments, holds, SLA computations…) on request.
  const [selected, setSelected] = useState<TimelineKind[]>(TIMELINE_KINDS.filter((k) => k !== 'other'));
  const kinds = timelineKindsFilter(selected);
  const timeline = useCustomerTimeline(customerId, kinds);
  const items = timeline.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Paper withBorder p="md" data-testid="customer-timeline">
      <Group justify="space-between" mb="sm" gap="sm">
        <Title order={4}>{t('customer360.timeline.title')}</Title>
        <Chip.Group multiple value={selected} onChange={(value) => setSelected(nextTimelineSelection(selected, value))}>
          <Group gap={6} role="group" aria-label={t('customer360.timeline.filter')} data-testid="timeline-filter">
            {TIMELINE_KINDS.map((kind) => (
              <Chip key={kind} value={kind} size="xs" color={TIMELINE_KIND_COLORS[kind]}>
                {t(`customer360.timeline.kind.${kind}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Group>
      <ErrorAlert error={timeline.error} />
      {timeline.isPending ? <Loader size="sm" aria-label={t('app.loading')} /> : null}
      {timeline.isSuccess && items.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="timeline-empty">
          {kinds ? t('customer360.timeline.emptyFiltered') : t('customer360.timeline.empty')}
        </Text>
      ) : null}
      {items.length > 0 ? (
        // While another filter loads, the items shown are the previous filter's: dimmed.
        <Timeline bulletSize={14} lineWidth={2} opacity={timeline.isPlaceholderData ? 0.5 : 1} data-testid="timeline-items">
          {items.map((item) => (
            // A purchase's id is its order's, which may equal a history entry's.
            <TimelineEntry key={`${item.kind === 'purchase' ? 'order' : 'event'}-${item.id}`} item={item} />
          ))}
        </Timeline>
      ) : null}
      {timeline.hasNextPage ? (
        <Button variant="default" size="xs" mt="md" onClick={() => void timeline.fetchNextPage()} loading={timeline.isFetchingNextPage} data-testid="timeline-more">
          {t('customer360.timeline.more')}
        </Button>
      ) : null}
    </Paper>
  );
}
