import { Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../../src-shared/contract';
import { OPEN_STATUSES } from '../../../src-shared/domain/lifecycle';
import { TICKET_PRIORITIES, type TicketPriority } from '../../../src-shared/domain/tickets';
import { errorMessage } from '../../i18n/errors';
import { useSession } from '../auth/hooks';
import { PriorityBadge } from './badges';
import { useSetPriority } from './hooks';

/** Whoever may assign changes an open request's priority here; everyone else sees the badge. */
export function PriorityControl({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const session = useSession();
  const setPriority = useSetPriority(ticket.id);
  const editable = (session.data?.permissions.includes('tickets.assign') ?? false) && OPEN_STATUSES.includes(ticket.status);
  if (!editable) return <PriorityBadge priority={ticket.priority} />;

  return (
    <Select
      size="xs"
      w={140}
      aria-label={t('ticket.field.priority')}
      data={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`ticket.priority.${p}`) }))}
      value={ticket.priority}
      allowDeselect={false}
      disabled={setPriority.isPending}
      onChange={(v) => {
        if (!v || v === ticket.priority) return;
        setPriority.mutate(
          { id: ticket.id, version: ticket.version, priority: v as TicketPriority },
          {
            onSuccess: () => notifications.show({ color: 'teal', message: t('detail.priorityChanged', { priority: t(`ticket.priority.${v}`) }) }),
            // CONFLICT / INVALID_TRANSITION reload the request (the hook); say why nothing changed.
            onError: (error) => notifications.show({ color: 'orange', message: errorMessage(t, error) }),
          },
        );
      }}
      data-testid="priority-select"
    />
  );
}
