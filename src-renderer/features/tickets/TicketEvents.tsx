import { Anchor, Badge, Paper, Text, Timeline } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TicketEvent } from '../../../src-shared/contract';
import { formatDateTime } from '../../i18n/format';
import {
  agreementChangeSummary,
  assignmentSummary,
  detailNumber,
  detailText,
  eventTitle,
  lockSummary,
  priorityChangeSummary,
  slaEventSummary,
  statusChangeText,
} from './eventText';

/** Replies to the customer and internal notes stand out from status changes, each in its own colour. */
const WRITTEN: Record<string, { color: string; label: string }> = {
  reply: { color: 'blue', label: 'detail.event.reply' },
  note: { color: 'yellow', label: 'detail.event.note' },
};

/** SLA warnings, breaches and escalations catch the eye on the timeline. */
const EVENT_COLORS: Record<string, string> = { slaWarning: 'orange', slaBreach: 'red', escalated: 'red' };

function RequestLink({ id, number }: { id: number | null; number: string }) {
  return id ? (
    <Anchor component={Link} to={`/tickets/${id}`} ff="monospace" data-testid="event-request-link">
      {number}
    </Anchor>
  ) : (
    <Text span ff="monospace">
      {number}
    </Text>
  );
}

/** What the event's details say, in a sentence (who it was assigned to and why, where it was merged…). */
export function EventSummary({ event }: { event: TicketEvent }) {
  const { t, i18n } = useTranslation();
  const d = event.details;
  let summary: ReactNode = null;
  if (event.kind === 'assign') {
    summary = assignmentSummary(t, d);
  } else if (event.kind === 'priority') {
    summary = priorityChangeSummary(t, d);
  } else if (event.kind === 'agreement') {
    summary = agreementChangeSummary(t, d);
  } else if (event.kind === 'lock') {
    summary = lockSummary(t, d);
  } else if (event.kind === 'merge') {
    const number = detailText(d, 'intoNumber');
    if (number) {
      summary = (
        <>
          {t('detail.mergedIntoEvent')} <RequestLink id={detailNumber(d, 'intoId')} number={number} />
        </>
      );
    }
  } else if (event.kind === 'mergedIn') {
    const number = detailText(d, 'duplicateNumber');
    if (number) {
      summary = (
        <>
          {t('detail.mergedInEvent')} <RequestLink id={detailNumber(d, 'duplicateId')} number={number} />
        </>
      );
    }
  } else if (event.kind === 'complaintAnalysis') {
    const rootCause = detailText(d, 'rootCause');
    const correctiveAction = detailText(d, 'correctiveAction');
    summary =
      rootCause || correctiveAction ? (
        <>
          {rootCause ? <div>{t('complaint.rootCauseLine', { text: rootCause })}</div> : null}
          {correctiveAction ? <div>{t('complaint.correctiveActionLine', { text: correctiveAction })}</div> : null}
        </>
      ) : null;
  } else {
    summary = slaEventSummary(t, i18n.language, event);
  }
  if (summary === null) return null;
  return (
    <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap' }} data-testid="event-summary">
      {summary}
    </Text>
  );
}

/** One entry of the request's history; steps the system took itself are signed "System". */
export function EventEntry({ event }: { event: TicketEvent }) {
  const { t, i18n } = useTranslation();
  const written = WRITTEN[event.kind];
  const signature = `${formatDateTime(event.at, i18n.language)} · ${t('detail.by', { name: event.actorName ?? t('detail.system') })}`;
  if (written) {
    return (
      <Timeline.Item
        color={written.color}
        title={
          <Badge color={written.color} variant="light" data-testid="event-label">
            {t(written.label)}
          </Badge>
        }
        data-testid="ticket-event"
        data-kind={event.kind}
      >
        <Paper
          p="xs"
          mt={4}
          radius="sm"
          bg={`var(--mantine-color-${written.color}-light)`}
          style={{ borderLeft: `3px solid var(--mantine-color-${written.color}-filled)` }}
        >
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="event-note">
            {event.note}
          </Text>
        </Paper>
        <Text size="xs" c="dimmed" mt={4}>
          {signature}
        </Text>
      </Timeline.Item>
    );
  }
  const title = eventTitle(t, event.kind);
  const status = statusChangeText(t, event);
  return (
    <Timeline.Item title={title} color={EVENT_COLORS[event.kind]} data-testid="ticket-event" data-kind={event.kind}>
      {status ? (
        <Text size="sm" c="dimmed">
          {status}
        </Text>
      ) : null}
      <EventSummary event={event} />
      {event.note ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="event-note">
          {event.note}
        </Text>
      ) : null}
      <Text size="xs" c="dimmed" mt={4} data-testid="event-signature">
        {signature}
      </Text>
    </Timeline.Item>
  );
}
