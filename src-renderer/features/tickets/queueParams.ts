import {
  TICKET_PRIORITIES,
  TICKET_SORTS,
  TICKET_STATUSES,
  TICKET_TYPES,
  TICKET_VIEWS,
  type TicketSort,
  type TicketView,
} from '../../../src-shared/domain/tickets';
import type { TicketListFilter } from './hooks';
import { drillParams, parseDrillParams } from '../dashboard/dashboardParams';

// The queue's filters live in the URL query (#/tickets?status=…&text=…) so a view can be
// bookmarked and shared. Unknown values are dropped, never sent.

function list<T extends string>(raw: string | null, allowed: readonly T[]): T[] | undefined {
  if (!raw) return undefined;
  const values = raw.split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));
  return values.length > 0 ? [...new Set(values)] : undefined;
}

export function parseQueueParams(params: URLSearchParams): TicketListFilter {
  const filter: TicketListFilter = { sort: 'created_desc' };
  const view = params.get('view');
  if (view && (TICKET_VIEWS as readonly string[]).includes(view)) filter.view = view as TicketView;
  const status = list(params.get('status'), TICKET_STATUSES);
  const type = list(params.get('type'), TICKET_TYPES);
  const priority = list(params.get('priority'), TICKET_PRIORITIES);
  if (status) filter.status = status;
  if (type) filter.type = type;
  if (priority) filter.priority = priority;
  const assignee = params.get('assignee');
  if (assignee === 'none') filter.assignee = 'none';
  else if (assignee && /^[1-9]\d{0,15}$/.test(assignee)) filter.assignee = Number(assignee);
  const text = params.get('text')?.trim().slice(0, 100);
  if (text) filter.text = text;
  const sort = params.get('sort');
  if (sort && (TICKET_SORTS as readonly string[]).includes(sort)) filter.sort = sort as TicketSort;
  // A dashboard figure's requests (#/tickets?drill=…): see features/dashboard.
  const drill = parseDrillParams(params);
  if (drill) filter.drill = drill;
  return filter;
}

export function toQueueParams(filter: TicketListFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.view) params.set('view', filter.view);
  if (filter.status?.length) params.set('status', filter.status.join(','));
  if (filter.type?.length) params.set('type', filter.type.join(','));
  if (filter.priority?.length) params.set('priority', filter.priority.join(','));
  if (filter.assignee !== undefined) params.set('assignee', String(filter.assignee));
  if (filter.text) params.set('text', filter.text);
  if (filter.sort && filter.sort !== 'created_desc') params.set('sort', filter.sort);
  // The figure's count ('n') is not kept: another filter makes the list differ from it.
  if (filter.drill) drillParams(filter.drill, params, null);
  return params;
}

/** The queue link for a saved view (or every request), without other filters. */
export function viewPath(view: TicketView | undefined): string {
  return view ? `/tickets?view=${view}` : '/tickets';
}

/**
 * Views main orders itself: 'breaching' soonest due first, 'breached' newest first. The sort
 * control means nothing there and only shows that order, in these words.
 */
export const VIEW_ORDER_LABELS = { breaching: 'sla.sortedByDue', breached: 'sla.sortedNewest' } as const satisfies Partial<Record<TicketView, string>>;

export function viewSortsItself(view: TicketView | undefined): view is keyof typeof VIEW_ORDER_LABELS {
  return view !== undefined && view in VIEW_ORDER_LABELS;
}

/** Filters the user narrowed the list with (a saved view is where they are, not a filter). */
export function hasFilters(filter: TicketListFilter): boolean {
  return Boolean(filter.status?.length || filter.type?.length || filter.priority?.length || filter.assignee !== undefined || filter.text || filter.drill);
}
