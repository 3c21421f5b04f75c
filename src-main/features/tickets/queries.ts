import { sql, type Kysely, type Transaction } from 'kysely';
import { PRIORITY_RANK, type TicketPriority, type TicketSort, type TicketStatus, type TicketType } from '../../../src-shared/domain/tickets';
import type { DB } from '../../db/schema';
import type { Cursor } from './cursor';

type Q = Kysely<DB> | Transaction<DB>;

export interface TicketFilter {
  status?: TicketStatus[];
  type?: TicketType[];
  priority?: TicketPriority[];
  assignee?: number | 'none';
  /** An FTS5 MATCH expression from search/terms.ts. */
  match?: string;
}

/** Requests with no requested-by date sort after every dated one. */
const REQUESTED_KEY = sql<string>`ifnull(t.requested_by, '9999-12-31')`;

/**
 * One page of the queue. Every order is a keyset (value, id) served by an index whose
 * trailing rowid gives the id order, so a page costs the same at row 50 and at row 900,000.
 * "Created" orders use the id: ids are handed out in entry order.
 */
export function listTickets(db: Q, filter: TicketFilter, sort: TicketSort, cursor: Cursor | null, limit: number) {
  let q = db
    .selectFrom('tickets as t')
    .innerJoin('customers as c', 'c.id', 't.customer_id')
    .leftJoin('users as a', 'a.id', 't.assignee_id')
    .select([
      't.id',
      't.number',
      't.subject',
      't.status',
      't.type',
      't.priority',
      't.channel',
      't.requested_by',
      't.created_at',
      'c.name as customer_name',
      'a.display_name as assignee_name',
    ]);

  if (filter.match !== undefined) {
    q = q.innerJoin('ticket_search as s', 's.rowid', 't.id').where(sql<boolean>`s.terms MATCH ${filter.match}`);
  }
  if (filter.status?.length) q = q.where('t.status', 'in', filter.status);
  if (filter.type?.length) q = q.where('t.type', 'in', filter.type);
  if (filter.priority?.length) q = q.where('t.priority', 'in', filter.priority.map((p) => PRIORITY_RANK[p]));
  if (filter.assignee === 'none') q = q.where('t.assignee_id', 'is', null);
  else if (filter.assignee !== undefined) q = q.where('t.assignee_id', '=', filter.assignee);

  switch (sort) {
    case 'created_desc':
      if (cursor) q = q.where('t.id', '<', cursor[1]);
      q = q.orderBy('t.id', 'desc');
      break;
    case 'created_asc':
      if (cursor) q = q.where('t.id', '>', cursor[1]);
      q = q.orderBy('t.id', 'asc');
      break;
    case 'priority_desc':
      if (cursor) {
        const [rank, id] = cursor;
        q = q.where((eb) => eb.or([eb('t.priority', '<', Number(rank)), eb.and([eb('t.priority', '=', Number(rank)), eb('t.id', '<', id)])]));
      }
      q = q.orderBy('t.priority', 'desc').orderBy('t.id', 'desc');
      break;
    case 'requested_asc':
      if (cursor) {
        const [day, id] = cursor;
        q = q.where((eb) => eb.or([eb(REQUESTED_KEY, '>', String(day)), eb.and([eb(REQUESTED_KEY, '=', String(day)), eb('t.id', '>', id)])]));
      }
      q = q.orderBy(REQUESTED_KEY, 'asc').orderBy('t.id', 'asc');
      break;
  }
  return q.limit(limit).execute();
}

export function getTicketRow(db: Q, id: number) {
  return db
    .selectFrom('tickets as t')
    .innerJoin('customers as c', 'c.id', 't.customer_id')
    .innerJoin('users as cb', 'cb.id', 't.created_by')
    .leftJoin('users as a', 'a.id', 't.assignee_id')
    .leftJoin('contacts as ct', 'ct.id', 't.contact_id')
    .leftJoin('products as p', 'p.id', 't.product_id')
    .leftJoin('problem_categories as pc', 'pc.id', 't.problem_category_id')
    .selectAll('t')
    .select([
      'c.name as customer_name',
      'c.customer_no',
      'c.phone as customer_phone',
      'cb.display_name as created_by_name',
      'a.display_name as assignee_name',
      'ct.name as contact_name',
      'ct.phone as contact_phone',
      'p.name as product_name',
      'p.model as product_model',
      'pc.code as category_code',
      'pc.name_zh as category_zh',
      'pc.name_en as category_en',
    ])
    .where('t.id', '=', id)
    .executeTakeFirst();
}

export function listTicketEvents(db: Q, ticketId: number) {
  return db
    .selectFrom('ticket_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.at', 'e.kind', 'e.from_status', 'e.to_status', 'e.note', 'u.display_name as actor_name'])
    .where('e.ticket_id', '=', ticketId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}

/** Next value of a per-day sequence ('SR-20261124' → 7); call inside the write's transaction. */
export async function nextSequence(db: Q, key: string): Promise<number> {
  const row = await db
    .insertInto('counters')
    .values({ key, last: 1 })
    .onConflict((oc) => oc.column('key').doUpdateSet({ last: sql`last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return row.last;
}

/** The columns a transition reads, inside its transaction. */
export function lockRow(db: Q, id: number) {
  return db
    .selectFrom('tickets')
    .select(['id', 'status', 'version', 'assignee_id', 'attempts', 'lock_reason', 'closed_at', 'requested_by'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function updateTicketState(
  db: Q,
  id: number,
  values: {
    status: string;
    version: number;
    attempts: number;
    lock_reason: string | null;
    hold_reason: string | null;
    updated_at: number;
    assignee_id?: number | null;
    requested_by?: string | null;
    resolved_at?: number;
    closed_at?: number;
  },
) {
  return db.updateTable('tickets').set(values).where('id', '=', id).execute();
}

export function insertEvent(
  db: Q,
  values: { ticket_id: number; at: number; actor_id: number | null; kind: string; from_status: string | null; to_status: string | null; note: string | null; details: string | null },
) {
  return db.insertInto('ticket_events').values(values).execute();
}

/** Engineers and service managers can own requests; disabled accounts cannot. */
export function findAssignableEngineer(db: Q, id: number) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', '=', id)
    .where('disabled', '=', 0)
    .where('role', 'in', ['engineer', 'supervisor'])
    .executeTakeFirst();
}

export function listWorkLogs(db: Q, ticketId: number) {
  return db
    .selectFrom('work_logs as w')
    .innerJoin('users as u', 'u.id', 'w.engineer_id')
    .selectAll('w')
    .select('u.display_name as engineer_name')
    .where('w.ticket_id', '=', ticketId)
    .orderBy('w.started_at')
    .orderBy('w.id')
    .execute();
}

export function listWorkLogParts(db: Q, workLogIds: number[]) {
  if (workLogIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('work_log_parts as wp')
    .innerJoin('parts as p', 'p.id', 'wp.part_id')
    .select(['wp.work_log_id', 'wp.quantity', 'wp.unit_price', 'p.part_no', 'p.name'])
    .where('wp.work_log_id', 'in', workLogIds)
    .orderBy('wp.id')
    .execute();
}

export function listFollowUps(db: Q, ticketId: number) {
  return db
    .selectFrom('follow_ups as f')
    .innerJoin('users as u', 'u.id', 'f.agent_id')
    .select(['f.at', 'f.satisfaction', 'f.satisfied', 'f.comment', 'u.display_name as agent_name'])
    .where('f.ticket_id', '=', ticketId)
    .orderBy('f.at')
    .execute();
}

export function listProblemCategories(db: Q) {
  return db.selectFrom('problem_categories').selectAll().where('active', '=', 1).orderBy('id').execute();
}

export function findProblemCategory(db: Q, id: number) {
  return db.selectFrom('problem_categories').selectAll().where('id', '=', id).where('active', '=', 1).executeTakeFirst();
}

/** Raises the occurrence count of (product, problem category); product 0 = none named. */
export function countOccurrence(db: Q, productId: number | null, problemCategoryId: number) {
  return db
    .insertInto('problem_occurrences')
    .values({ product_id: productId ?? 0, problem_category_id: problemCategoryId, count: 1 })
    .onConflict((oc) => oc.columns(['product_id', 'problem_category_id']).doUpdateSet({ count: sql`count + 1` }))
    .execute();
}

/** Requests whose requested-by day is before `today` and that nobody owns or worked. */
export function overdueUnworked(db: Q, today: string) {
  return db
    .selectFrom('tickets as t')
    .select(['t.id', 't.status', 't.version', 't.attempts'])
    .where('t.requested_by', '<', today)
    .where((eb) =>
      eb.or([
        eb('t.status', 'in', ['pending_assignment', 'reopened']),
        eb.and([
          eb('t.status', '=', 'assigned'),
          eb.not(eb.exists(eb.selectFrom('work_logs as w').select('w.id').whereRef('w.ticket_id', '=', 't.id'))),
        ]),
      ]),
    )
    .execute();
}
