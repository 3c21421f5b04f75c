// Service request vocabulary shared by main and the renderer. The lifecycle transitions
// themselves arrive with the service-request lifecycle work; here are the values a
// request can hold and how the first slice creates one.
export const TICKET_STATUSES = [
  'pending_assignment',
  'on_hold',
  'assigned',
  'locked',
  'resolved',
  'follow_up',
  'closed',
  'reopened',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_TYPES = ['consultation', 'repair', 'installation', 'complaint', 'other'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export const TICKET_CHANNELS = ['phone', 'email', 'walk_in', 'web', 'wechat'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

/** Queue sort orders; each is a keyset (value, id) so pages never use OFFSET. */
export const TICKET_SORTS = ['created_desc', 'created_asc', 'requested_asc', 'priority_desc'] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

/** Priority as a number so "most urgent first" is an index-friendly integer order. */
export const PRIORITY_RANK: Record<TicketPriority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };

/** SR-YYYYMMDD-NNNN: the day in the desk's local calendar, then that day's sequence. */
export function formatTicketNumber(day: string, seq: number): string {
  return `SR-${day}-${String(seq).padStart(4, '0')}`;
}

/**
 * Status and type folded into one number, as the database's generated `facet` column
 * computes it (migration 0001 lists the same orders): queue indexes lead with it.
 */
export function ticketFacet(status: TicketStatus, type: TicketType): number {
  return TICKET_STATUSES.indexOf(status) * 8 + TICKET_TYPES.indexOf(type);
}

/** Saved queue views, one per role's daily question; counts show in the navigation. */
export const TICKET_VIEWS = ['mine', 'unassigned', 'locked', 'due', 'awaiting_follow_up', 'complaints', 'on_hold', 'breaching', 'breached'] as const;
export type TicketView = (typeof TICKET_VIEWS)[number];

export const COMPLAINT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number];

/** Who or what the customer complains about. */
export const COMPLAINT_PARTIES = ['product', 'engineer', 'process'] as const;
export type ComplaintParty = (typeof COMPLAINT_PARTIES)[number];
