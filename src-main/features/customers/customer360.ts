import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import { ticketScopeCondition, type TicketScope } from '../users/scope';
import {
  TIMELINE_KINDS,
  type Customer360,
  type CustomerAsset,
  type TimelineItem,
  type TimelineKind,
  type TimelinePage,
} from '../../../src-shared/contract';
import { OPEN_STATUSES } from '../../../src-shared/domain/lifecycle';
import type { ProvinceCode } from '../../../src-shared/domain/regions';
import type { TicketStatus, TicketType } from '../../../src-shared/domain/tickets';
import { AppError } from '../../../src-shared/errors';
import type { DB } from '../../db/schema';
import { warrantyState } from '../../../src-shared/domain/warranty';
import { lifecycleOf, type CustomerTier } from '../../../src-shared/domain/customers';
import { lifecycleThresholds } from '../settings/queries';
import { decodeCursor, encodeCursor } from '../tickets/cursor';
import { loadOrders, orderDayInstant } from './orders';
import { contactView, tagsOf } from './profiles';
import { findCustomer } from './queries';

type Q = Kysely<DB> | Transaction<DB>;

const DAY = 86_400_000;
const YEAR = 365 * DAY;
const HOUR = 3_600_000;


/** A customer's installed products (or one of them), with warranty states on `today`. */
export async function loadAssets(db: Q, which: { customerId: number } | { id: number }, today: string): Promise<CustomerAsset[]> {
  const rows = await db
    .selectFrom('assets as a')
    .leftJoin('products as p', 'p.id', 'a.product_id')
    .leftJoin('agreements as ag', 'ag.id', 'a.agreement_id')
    .select(['a.id', 'a.serial_no', 'a.install_date', 'a.location', 'a.warranty_start', 'a.warranty_end', 'p.id as product_id', 'p.name as product_name', 'p.model', 'p.product_line', 'ag.id as agreement_id', 'ag.name as agreement_name'])
    .where('customerId' in which ? 'a.customer_id' : 'a.id', '=', 'customerId' in which ? which.customerId : which.id)
    .orderBy('a.id')
    .execute();
  return rows.map((a) => ({
    id: a.id,
    product: a.product_id !== null ? { id: a.product_id, name: a.product_name ?? '', model: a.model ?? '', productLine: a.product_line ?? '' } : null,
    serialNo: a.serial_no,
    installDate: a.install_date,
    location: a.location,
    warrantyStart: a.warranty_start,
    warrantyEnd: a.warranty_end,
    warranty: warrantyState(a.warranty_start, a.warranty_end, today),
    agreement: a.agreement_id !== null ? { id: a.agreement_id, name: a.agreement_name ?? '' } : null,
  }));
}

/** The history kinds each timeline kind gathers; anything else is 'other'. */
const TIMELINE_EVENTS: Record<Exclude<TimelineKind, 'other' | 'purchase'>, readonly string[]> = {
  request: ['created', 'close', 'reopen', 'merge', 'mergedIn'],
  reply: ['reply'],
  note: ['note'],
  visit: ['logWork'],
  followUp: ['recordFollowUp'],
  complaint: ['acknowledge', 'complaintAnalysis'],
};
const NAMED_EVENTS = Object.values(TIMELINE_EVENTS).flat();
/** History entries that are contact with the customer (the 360 page's last contact). */
const CONTACT_EVENTS = ['created', 'reply', 'logWork', 'recordFollowUp'];

/** A history entry's timeline kind; the entry that opened a complaint counts as a complaint. */
function timelineKind(eventKind: string, ticketType: string): TimelineKind {
  if (eventKind === 'created' && ticketType === 'complaint') return 'complaint';
  for (const kind of TIMELINE_KINDS) {
    if (kind !== 'other' && kind !== 'purchase' && TIMELINE_EVENTS[kind].includes(eventKind)) return kind;
  }
  return 'other';
}

function parseDetails(json: string | null): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * A customer's request figures, off the customer index on tickets: open now, entered in the
 * last 12 months, complaints ever, and the mean hours to resolve those resolved in the
 * last 12 months (reopened work keeps its old resolved_at, so only requests resolved now count).
 */
export async function requestFigures(db: Q, customerId: number, now: number) {
  const yearAgo = now - YEAR;
  const row = await db
    .selectFrom('tickets')
    .select([
      (eb) => eb.fn.sum<number>(eb.case().when('status', 'in', OPEN_STATUSES).then(1).else(0).end()).as('open'),
      (eb) => eb.fn.sum<number>(eb.case().when('created_at', '>=', yearAgo).then(1).else(0).end()).as('year'),
      (eb) => eb.fn.sum<number>(eb.case().when('type', '=', 'complaint').then(1).else(0).end()).as('complaints'),
      sql<number | null>`avg(CASE WHEN resolved_at >= ${yearAgo} AND status IN ('resolved', 'follow_up', 'closed') THEN resolved_at - created_at END)`.as('resolve_ms'),
    ])
    .where('customer_id', '=', customerId)
    .executeTakeFirstOrThrow();
  return {
    openRequests: Number(row.open ?? 0),
    requestsLast12Months: Number(row.year ?? 0),
    complaints: Number(row.complaints ?? 0),
    meanResolutionHours: row.resolve_ms === null ? null : Math.round((Number(row.resolve_ms) / HOUR) * 10) / 10,
  };
}

/**
 * The 360 page's head: profile, agreement, contacts, installed base with warranty states on
 * `today`, and the KPIs. Every figure is read off the customer's index on tickets (and the
 * request ids for follow-ups and history), so a customer with thousands of requests opens fast.
 */
export async function customer360(db: Q, customerId: number, now: number, today: string): Promise<Customer360> {
  const customer = await findCustomer(db, customerId);
  if (!customer) throw new AppError('NOT_FOUND', `Customer ${customerId} not found`);
  const agreement = customer.agreement_id !== null ? await db.selectFrom('agreements').select(['id', 'name']).where('id', '=', customer.agreement_id).executeTakeFirst() : undefined;
  const contacts = await db.selectFrom('contacts').select(['id', 'name', 'phone', 'email', 'role', 'preferred_channel']).where('customer_id', '=', customerId).orderBy('id').execute();
  const owner = customer.owner_id !== null ? await db.selectFrom('users').select(['id', 'display_name as name']).where('id', '=', customer.owner_id).executeTakeFirst() : undefined;
  const mergedInto =
    customer.merged_into_id !== null
      ? await db.selectFrom('customers').select(['id', 'customer_no as customerNo', 'name']).where('id', '=', customer.merged_into_id).executeTakeFirst()
      : undefined;
  const lastActivityAt = customer.last_activity_at ?? customer.created_at;

  const yearAgo = now - YEAR;
  const counts = await requestFigures(db, customerId, now);
  const satisfaction = await db
    .selectFrom('follow_ups as f')
    .innerJoin('tickets as t', 't.id', 'f.ticket_id')
    .select([(eb) => eb.fn.avg<number | null>('f.satisfaction').as('avg'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('t.customer_id', '=', customerId)
    .where('f.at', '>=', yearAgo)
    .executeTakeFirstOrThrow();
  // Contact with the customer: a request entered, a reply, a visit or a follow-up call (not
  // the desk's own bookkeeping such as assignments or SLA computations).
  const last = await db
    .selectFrom('ticket_events as e')
    .innerJoin('tickets as t', 't.id', 'e.ticket_id')
    .select((eb) => eb.fn.max('e.at').as('at'))
    .where('t.customer_id', '=', customerId)
    .where('e.kind', 'in', CONTACT_EVENTS)
    .executeTakeFirst();

  return {
    id: customer.id,
    customerNo: customer.customer_no,
    name: customer.name,
    kind: customer.kind === 'individual' ? 'individual' : 'company',
    phone: customer.phone,
    province: (customer.province as ProvinceCode | null) ?? null,
    createdAt: customer.created_at,
    tier: customer.tier as CustomerTier,
    lifecycle: lifecycleOf(lastActivityAt, now, await lifecycleThresholds(db)),
    lastActivityAt,
    email: customer.email,
    city: customer.city,
    district: customer.district,
    street: customer.street,
    note: customer.note,
    tags: (await tagsOf(db, [customerId])).get(customerId) ?? [],
    owner: owner ?? null,
    mergedInto: mergedInto ?? null,
    erasedAt: customer.erased_at,
    agreement: agreement ?? null,
    contacts: contacts.map(contactView),
    assets: await loadAssets(db, { customerId }, today),
    orders: await loadOrders(db, { customerId }),
    kpis: {
      ...counts,
      lastContactAt: last?.at === null || last?.at === undefined ? null : Number(last.at),
      csatAverage: satisfaction.avg === null ? null : Math.round(Number(satisfaction.avg) * 10) / 10,
      followUps: Number(satisfaction.n),
    },
  };
}

/** The SQL condition for one timeline kind, exactly as timelineKind() sorts entries. */
function kindCondition(eb: ExpressionBuilder<TimelineFrom, 'e' | 't'>, kind: Exclude<TimelineKind, 'purchase'>) {
  const openedComplaint = eb.and([eb('e.kind', '=', 'created'), eb('t.type', '=', 'complaint')]);
  switch (kind) {
    case 'request':
      return eb.and([eb('e.kind', 'in', TIMELINE_EVENTS.request), eb.not(openedComplaint)]);
    case 'complaint':
      return eb.or([eb('e.kind', 'in', TIMELINE_EVENTS.complaint), openedComplaint]);
    case 'other':
      return eb('e.kind', 'not in', NAMED_EVENTS);
    default:
      return eb('e.kind', 'in', TIMELINE_EVENTS[kind]);
  }
}

type TimelineFrom = DB & { e: DB['ticket_events']; t: DB['tickets'] };

/**
 * Everything that happened with the customer, newest first: the history entries of every
 * request, each with its timeline kind, and their purchase orders (on their order day),
 * optionally narrowed to some kinds. Paged by (time, key) so an older page never repeats or
 * skips an entry; key = 2 × id for a history entry, 2 × id + 1 for an order.
 */
export async function customerTimeline(
  db: Q,
  input: { customerId: number; kinds?: TimelineKind[]; cursor?: string; limit: number },
  timeZone: string,
  scope?: TicketScope,
): Promise<TimelinePage> {
  if (!(await findCustomer(db, input.customerId))) throw new AppError('NOT_FOUND', `Customer ${input.customerId} not found`);
  const kinds = input.kinds ? [...new Set(input.kinds)] : [...TIMELINE_KINDS];
  const eventKinds = kinds.filter((k): k is Exclude<TimelineKind, 'purchase'> => k !== 'purchase');
  const cursor = input.cursor ? decodeCursor(input.cursor) : null;
  const [cursorAt, cursorKey] = cursor ? [Number(cursor[0]), cursor[1]] : [Infinity, Infinity];

  type Entry = { at: number; key: number; item: TimelineItem };
  const entries: Entry[] = [];
  if (eventKinds.length > 0) {
    let q = db
      .selectFrom('ticket_events as e')
      .innerJoin('tickets as t', 't.id', 'e.ticket_id')
      .leftJoin('users as u', 'u.id', 'e.actor_id')
      .select(['e.id', 'e.at', 'e.kind', 'e.from_status', 'e.to_status', 'e.note', 'e.details', 't.id as ticket_id', 't.number', 't.subject', 't.type', 'u.display_name'])
      .where('t.customer_id', '=', input.customerId);
    if (scope) q = q.where(ticketScopeCondition(scope));
    if (eventKinds.length < TIMELINE_KINDS.length - 1) q = q.where((eb) => eb.or(eventKinds.map((k) => kindCondition(eb, k))));
    if (cursor) q = q.where((eb) => eb.or([eb('e.at', '<', cursorAt), eb.and([eb('e.at', '=', cursorAt), eb('e.id', '<', Math.ceil(cursorKey / 2))])]));
    for (const r of await q.orderBy('e.at', 'desc').orderBy('e.id', 'desc').limit(input.limit + 1).execute()) {
      entries.push({
        at: r.at,
        key: r.id * 2,
        item: {
          id: r.id,
          at: r.at,
          kind: timelineKind(r.kind, r.type),
          eventKind: r.kind,
          ticket: { id: r.ticket_id, number: r.number, subject: r.subject, type: r.type as TicketType },
          order: null,
          actorName: r.display_name,
          fromStatus: r.from_status as TicketStatus | null,
          toStatus: r.to_status as TicketStatus | null,
          note: r.note,
          details: parseDetails(r.details),
        },
      });
    }
  }
  if (kinds.includes('purchase')) {
    const orderIds = await db.selectFrom('purchase_orders').select(['id', 'ordered_on']).where('customer_id', '=', input.customerId).execute();
    const older = orderIds.filter((o) => {
      const at = orderDayInstant(o.ordered_on, timeZone);
      return at < cursorAt || (at === cursorAt && o.id * 2 + 1 < cursorKey);
    });
    for (const o of await loadOrders(db, { ids: older.map((o) => o.id) })) {
      const at = orderDayInstant(o.orderedOn, timeZone);
      entries.push({
        at,
        key: o.id * 2 + 1,
        item: {
          id: o.id,
          at,
          kind: 'purchase',
          eventKind: 'purchase',
          ticket: null,
          order: { id: o.id, orderNo: o.orderNo, total: o.total, currency: o.currency },
          actorName: null,
          fromStatus: null,
          toStatus: null,
          note: o.note,
          details: { lines: o.lines.length },
        },
      });
    }
  }
  entries.sort((a, b) => b.at - a.at || b.key - a.key);
  const page = entries.slice(0, input.limit);
  const last = page.at(-1);
  return { items: page.map((e) => e.item), nextCursor: entries.length > input.limit && last ? encodeCursor([last.at, last.key]) : null };
}
