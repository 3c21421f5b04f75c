import { createContext, useContext } from 'react';
import type { CustomerSummary } from '../../../src-shared/contract';

export interface NewTicketControls {
  /** Opens the new service request form. */
  open(): void;
  /** Opens it with this customer already chosen (from the customer's 360 page). */
  openFor(customer: CustomerSummary): void;
  opened: boolean;
  /** Whether the signed-in role may create requests (hiding is a convenience; main checks). */
  canCreate: boolean;
  /** The request created last in this window, for the queue to highlight. */
  createdId: number | null;
}

export const NewTicketContext = createContext<NewTicketControls>({ open() {}, openFor() {}, opened: false, canCreate: false, createdId: null });

export function useNewTicket(): NewTicketControls {
  return useContext(NewTicketContext);
}
