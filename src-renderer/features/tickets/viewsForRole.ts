import type { Role } from '../../../src-shared/domain/roles';
import { TICKET_VIEWS, type TicketView } from '../../../src-shared/domain/tickets';

/** Saved views a role sees in the navigation: agents never own requests, so no "mine". */
export function visibleViews(role: Role | undefined): TicketView[] {
  return TICKET_VIEWS.filter((v) => v !== 'mine' || role !== 'agent');
}
