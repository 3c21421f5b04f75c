import { Anchor, Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { CustomerSummary, TicketDetail } from '../../../src-shared/contract';
import { NewTicketContext, type NewTicketControls } from './NewTicketContext';
import { NewTicketForm } from './NewTicketForm';

/** Owns the new service request modal, opened from the queue button, the N key and Spotlight. */
export function NewTicketProvider({ children, canCreate }: { children: ReactNode; canCreate: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [opened, setOpened] = useState(false);
  const [initialCustomer, setInitialCustomer] = useState<CustomerSummary | null>(null);
  const [createdId, setCreatedId] = useState<number | null>(null);

  const controls = useMemo<NewTicketControls>(
    () => ({
      open: () => {
        setInitialCustomer(null);
        setOpened(canCreate);
      },
      openFor: (customer) => {
        setInitialCustomer(customer);
        setOpened(canCreate);
      },
      opened,
      canCreate,
      createdId,
    }),
    [opened, canCreate, createdId],
  );

  function onCreated(ticket: TicketDetail) {
    setOpened(false);
    setCreatedId(ticket.id);
    notifications.show({
      color: 'teal',
      title: t('newTicket.created'),
      message: (
        <Anchor href={`#/tickets/${ticket.id}`} data-testid="created-number">
          {t('newTicket.createdMessage', { number: ticket.number })}
        </Anchor>
      ),
    });
    // On the queue the new request is highlighted; anywhere else it is opened.
    if (location.pathname !== '/tickets') void navigate(`/tickets/${ticket.id}`);
  }

  return (
    <NewTicketContext.Provider value={controls}>
      {children}
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('newTicket.title')} size="lg" trapFocus data-testid="new-ticket-modal">
        {/* Keyed by the customer: opening it for another one starts a fresh form. */}
        <NewTicketForm key={initialCustomer?.id ?? 'none'} initialCustomer={initialCustomer} onCreated={onCreated} onCancel={() => setOpened(false)} />
      </Modal>
    </NewTicketContext.Provider>
  );
}
