import { Anchor, Badge, Group, Loader, Paper, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TicketEvent } from '../../../src-shared/contract';
import { formatDateTime, formatDay } from '../../i18n/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PriorityBadge, StatusBadge, TypeBadge } from './badges';
import { useTicket } from './hooks';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

function EventEntry({ event }: { event: TicketEvent }) {
  const { t, i18n } = useTranslation();
  const title =
    event.kind === 'created' ? t('detail.event.created') : event.kind === 'status_changed' ? t('detail.event.statusChanged') : t('detail.event.other');
  let status: string | null = null;
  if (event.fromStatus && event.toStatus) {
    status = t('detail.fromToStatus', { from: t(`ticket.status.${event.fromStatus}`), to: t(`ticket.status.${event.toStatus}`) });
  } else if (event.toStatus) {
    status = t('detail.toStatus', { status: t(`ticket.status.${event.toStatus}`) });
  }
  return (
    <Timeline.Item title={title} data-testid="ticket-event" data-kind={event.kind}>
      {status ? (
        <Text size="sm" c="dimmed">
          {status}
        </Text>
      ) : null}
      {event.note ? <Text size="sm">{event.note}</Text> : null}
      <Text size="xs" c="dimmed" mt={4}>
        {formatDateTime(event.at, i18n.language)}
        {event.actorName ? ` · ${t('detail.by', { name: event.actorName })}` : ''}
      </Text>
    </Timeline.Item>
  );
}

export function TicketDetailPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const ticket = useTicket(Number(id));
  const locale = i18n.language;

  const back = (
    <Anchor component={Link} to="/tickets" size="sm" data-testid="back-to-queue">
      ← {t('detail.back')}
    </Anchor>
  );

  if (ticket.isPending) {
    return (
      <Stack>
        {back}
        <Loader size="sm" aria-label={t('app.loading')} />
      </Stack>
    );
  }
  if (ticket.isError) {
    return (
      <Stack>
        {back}
        <ErrorAlert error={ticket.error} />
      </Stack>
    );
  }

  const d = ticket.data;
  const notSet = t('app.notSet');
  return (
    <Stack gap="md" maw={1100} data-testid="ticket-detail">
      {back}
      <div>
        <Group gap="xs">
          <Text ff="monospace" c="dimmed" data-testid="ticket-number">
            {d.number}
          </Text>
          <StatusBadge status={d.status} />
          <PriorityBadge priority={d.priority} />
          <TypeBadge type={d.type} />
        </Group>
        <Title order={2} mt={4} data-testid="ticket-subject">
          {d.subject}
        </Title>
      </div>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
          <Field label={t('ticket.field.customer')}>
            {d.customer.name}
            <Text span size="xs" c="dimmed">
              {` ${d.customer.customerNo}`}
              {d.customer.phone ? ` · ${d.customer.phone}` : ''}
            </Text>
          </Field>
          <Field label={t('ticket.field.contact')}>{d.contact ? (d.contact.phone ? `${d.contact.name} · ${d.contact.phone}` : d.contact.name) : notSet}</Field>
          <Field label={t('ticket.field.product')}>{d.product ? (d.product.model ? `${d.product.name} (${d.product.model})` : d.product.name) : notSet}</Field>
          <Field label={t('ticket.field.channel')}>
            <Badge variant="default">{t(`ticket.channel.${d.channel}`)}</Badge>
          </Field>
          <Field label={t('ticket.field.requestedBy')}>{d.requestedBy ? formatDay(d.requestedBy, locale) : notSet}</Field>
          <Field label={t('ticket.field.assignee')}>{d.assigneeName ?? t('queue.unassignedCell')}</Field>
          <Field label={t('ticket.field.createdBy')}>{t('detail.createdByAt', { name: d.createdByName, at: formatDateTime(d.createdAt, locale) })}</Field>
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md">
        <Text size="xs" c="dimmed" mb={4}>
          {t('ticket.field.description')}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={d.description ? undefined : 'dimmed'}>
          {d.description || t('detail.noDescription')}
        </Text>
      </Paper>
      <div>
        <Title order={4} mb="sm">
          {t('detail.history')}
        </Title>
        <Timeline active={d.events.length - 1} bulletSize={14} lineWidth={2}>
          {d.events.map((e, i) => (
            <EventEntry key={`${e.at}-${i}`} event={e} />
          ))}
        </Timeline>
      </div>
    </Stack>
  );
}
