import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketPriority, TicketStatus, TicketType } from '../../../src-shared/domain/tickets';

const PRIORITY_COLORS: Record<TicketPriority, string> = { low: 'gray', normal: 'blue', high: 'orange', urgent: 'red' };

const STATUS_COLORS: Record<TicketStatus, string> = {
  pending_assignment: 'yellow',
  on_hold: 'gray',
  assigned: 'blue',
  locked: 'red',
  resolved: 'teal',
  follow_up: 'grape',
  closed: 'dark',
  reopened: 'orange',
};

export function PriorityBadge({ priority }: { priority: TicketPriority }) {
  const { t } = useTranslation();
  return (
    <Badge color={PRIORITY_COLORS[priority]} variant={priority === 'urgent' ? 'filled' : 'light'} data-priority={priority}>
      {t(`ticket.priority.${priority}`)}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: TicketStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="outline" data-status={status}>
      {t(`ticket.status.${status}`)}
    </Badge>
  );
}

export function TypeBadge({ type }: { type: TicketType }) {
  const { t } = useTranslation();
  return (
    <Badge color={type === 'complaint' ? 'pink' : 'gray'} variant="light">
      {t(`ticket.type.${type}`)}
    </Badge>
  );
}
