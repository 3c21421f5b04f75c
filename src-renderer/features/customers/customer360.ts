import { TIMELINE_KINDS, type Customer360, type CustomerSummary, type TimelineKind, type WarrantyState } from '../../../src-shared/contract';
import { oneOf } from '../tickets/vocabulary';

/** A warranty's badge colour: covered green, running out orange, over gray; none is dimmed. */
export const WARRANTY_COLORS: Record<WarrantyState, string> = { in_warranty: 'green', expiring: 'orange', expired: 'gray', not_started: 'blue', none: 'gray' };

/** Timeline badges: replies and notes in the request history's own colours (blue, yellow). */
export const TIMELINE_KIND_COLORS: Record<TimelineKind, string> = {
  request: 'indigo',
  reply: 'blue',
  note: 'yellow',
  visit: 'teal',
  followUp: 'grape',
  complaint: 'red',
  purchase: 'cyan',
  other: 'gray',
};

/** A KPI with one decimal in the UI locale (4.25 → "4.3"); null (nothing to average) → null. */
export function formatOneDecimal(value: number | null, locale: string): string | null {
  if (value === null || !Number.isFinite(value)) return null;
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

/**
 * The timeline filter's chips as the query's `kinds`: in TIMELINE_KINDS order (one cache
 * entry per choice, however it was clicked), and undefined when every kind is on, which is
 * no narrowing at all.
 */
export function timelineKindsFilter(selected: readonly string[]): TimelineKind[] | undefined {
  const kinds = TIMELINE_KINDS.filter((k) => selected.includes(k));
  return kinds.length === TIMELINE_KINDS.length ? undefined : kinds;
}

/** The chips after a click: known kinds only, and never none (an empty timeline filter shows nothing worth seeing). */
export function nextTimelineSelection(current: readonly TimelineKind[], clicked: readonly string[]): TimelineKind[] {
  const next = clicked.filter((k): k is TimelineKind => oneOf(TIMELINE_KINDS, k));
  return next.length > 0 ? next : [...current];
}

/** What the new request form needs to take this customer as already chosen. */
export function customerSummaryOf(customer: Customer360): CustomerSummary {
  return {
    id: customer.id,
    customerNo: customer.customerNo,
    name: customer.name,
    kind: customer.kind,
    phone: customer.phone,
    province: customer.province,
    contacts: customer.contacts.map(({ id, name, phone }) => ({ id, name, phone })),
  };
}
