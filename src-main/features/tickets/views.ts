import { TICKET_STATUSES, type TicketPriority, type TicketSort, type TicketStatus, type TicketType, type TicketView } from '../../../src-shared/domain/tickets';
import { SLA_RUNNING_STATUSES } from '../../../src-shared/domain/sla';
import { matchExpression } from '../search/terms';
import type { SessionUser } from '../../../src-shared/contract';
import { ticketScope } from '../users/scope';
import type { TicketFilter } from './queries';
import type { DrillInput } from '../../../src-shared/contract/dashboard';

/** Work the desk still owes (resolved and follow-up wait on the customer call, not on work). */
const UNFINISHED: TicketStatus[] = ['pending_assignment', 'reopened', 'assigned', 'on_hold', 'locked'];

const VIEW_STATUSES: Record<TicketView, TicketStatus[]> = {
  mine: ['assigned', 'on_hold', 'locked'],
  unassigned: ['pending_assignment', 'reopened'],
  locked: ['locked'],
  due: UNFINISHED,
  awaiting_follow_up: ['resolved', 'follow_up'],
  complaints: [...UNFINISHED, 'resolved', 'follow_up'],
  on_hold: ['on_hold'],
  // SLA views: the clock runs (sorted by due time), or a target was breached and the work is
  // not closed. Their own condition (queries.ts, SLA_CONDITION) already implies the statuses.
  breaching: [...SLA_RUNNING_STATUSES],
  breached: TICKET_STATUSES.filter((s) => s !== 'closed'),
};

/**
 * A saved view narrowed by the user's own filters, or null when the two exclude each other.
 * `today` is the desk's calendar day (YYYY-MM-DD) for the due view.
 */
export function applyView(view: TicketView, filter: TicketFilter, viewerId: number, today: string): TicketFilter | null {
  const allowed = VIEW_STATUSES[view];
  const status = filter.status?.length ? filter.status.filter((s) => allowed.includes(s)) : allowed;
  if (status.length === 0) return null;
  const out: TicketFilter = { ...filter, status };
  if (view === 'mine') {
    if (filter.assignee !== undefined && filter.assignee !== viewerId) return null;
    out.assignee = viewerId;
  }
  if (view === 'due') out.requestedTo = today;
  if (view === 'breaching') out.sla = 'breaching';
  if (view === 'breached') out.sla = 'breached';
  if (view === 'complaints') {
    if (filter.type?.length && !filter.type.includes('complaint')) return null;
    out.type = ['complaint'];
  }
  return out;
}

/** What the queue asks for: a saved view, the user's filters, a text search and an order. */
export interface QueueInput {
  view?: TicketView;
  status?: TicketStatus[];
  type?: TicketType[];
  priority?: TicketPriority[];
  assignee?: number | 'none';
  text?: string;
  /** A dashboard figure's requests (the drill-down). */
  drill?: DrillInput;
  sort: TicketSort;
}

/**
 * The list query behind a queue (tickets.list pages it, exports.queue reads it whole): the
 * view narrowed by the filters, the text as a full-text match, and the order the pages come
 * in. Null when nothing can match. `today` (YYYY-MM-DD, desk time) matters to the due view only.
 */
/** Who looks: the views' "mine" and the data scope. */
export type Viewer = Pick<SessionUser, 'id' | 'dataScope' | 'teamId'>;

export function queueQuery(input: QueueInput, viewer: Viewer, today: string): { filter: TicketFilter; sort: TicketSort } | null {
  const base: TicketFilter = { status: input.status, type: input.type, priority: input.priority, assignee: input.assignee, scope: ticketScope(viewer), drill: input.drill };
  const filter = input.view ? applyView(input.view, base, viewer.id, today) : base;
  if (!filter) return null;
  let match: string | undefined;
  if (input.text) {
    const expr = matchExpression(input.text);
    // Only punctuation typed: nothing can match it.
    if (expr === null) return null;
    match = expr;
  }
  // A text search reads the full-text index in entry order, so it pages newest (or
  // oldest) first; other orders would sort every match of a common word.
  const sort = match !== undefined && !input.sort.startsWith('created') ? 'created_desc' : input.sort;
  return { filter: { ...filter, match }, sort };
}
