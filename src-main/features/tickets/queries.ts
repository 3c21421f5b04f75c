import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
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

/** Requests with no requested-by date sort after every dated one (matches the indexes). */
export const REQUESTED_KEY = sql<string>`ifnull(t.requested_by, '9999-12-31')`;

export interface PageKey {
  id: number;
  /** The sort value (priority rank or requested-by day); null for the created orders. */
  k: number | string | null;
}

interface Order {
  key: RawBuilder<number | string> | null;
  desc: boolean;
}

function orderOf(sort: TicketSort): Order {
  switch (sort) {
    case 'created_desc':
      return { key: null, desc: true };
    case 'created_asc':
      return { key: null, desc: false };
    case 'priority_desc':
      return { key: sql<number>`t.priority`, desc: true };
    case 'requested_asc':
      return { key: REQUESTED_KEY, desc: false };
  }
}

const FILTER_COLUMNS = { assignee: 't.assignee_id', status: 't.status', type: 't.type', priority: 't.priority' } as const;
type FilterColumn = keyof typeof FILTER_COLUMNS;

/** Each filter as the list of values it accepts (null = unassigned). */
function filterValues(filter: TicketFilter): [FilterColumn, (string | number | null)[]][] {
  const out: [FilterColumn, (string | number | null)[]][] = [];
  if (filter.assignee !== undefined) out.push(['assignee', [filter.assignee === 'none' ? null : filter.assignee]]);
  if (filter.status?.length) out.push(['status', filter.status]);
  if (filter.type?.length) out.push(['type', filter.type]);
  if (filter.priority?.length) out.push(['priority', filter.priority.map((p) => PRIORITY_RANK[p])]);
  return out;
}

function equals(column: RawBuilder<unknown>, value: string | number | null): RawBuilder<boolean> {
  return value === null ? sql<boolean>`${column} IS NULL` : sql<boolean>`${column} = ${value}`;
}

function anyOf(column: RawBuilder<unknown>, values: (string | number | null)[]): RawBuilder<boolean> {
  return sql<boolean>`(${sql.join(values.map((v) => equals(column, v)), sql` OR `)})`;
}

/**
 * Phase one of a queue page: the ids (and sort values) of the next `limit` requests.
 *
 * Every page is a keyset read straight off an index, so it costs the same on page 1 and
 * page 20,000. The planner is not left to guess which index that is:
 * - one filter column leads (assignee, else status, else type, else priority); each of its
 *   values becomes its own index range, read in order and merged with UNION ALL, so
 *   "4 open statuses, newest first" is four short index scans rather than a sort of 80k rows;
 * - the other filters are written `+column` so SQLite checks them row by row instead of
 *   picking their index;
 * - with a text search the full-text index leads in id order (CROSS JOIN fixes the join
 *   order), so pages come newest (or oldest) first whatever the sort asked for.
 */
export function ticketPageQuery(filter: TicketFilter, sort: TicketSort, cursor: Cursor | null, limit: number) {
  const filters = filterValues(filter);
  if (filter.match !== undefined) {
    const desc = sort !== 'created_asc';
    const where = [
      sql<boolean>`s.terms MATCH ${filter.match}`,
      ...filters.map(([col, values]) => anyOf(sql.raw(`+${FILTER_COLUMNS[col]}`), values)),
      ...(cursor ? [desc ? sql<boolean>`s.rowid < ${cursor[1]}` : sql<boolean>`s.rowid > ${cursor[1]}`] : []),
    ];
    return sql<PageKey>`SELECT s.rowid AS id, NULL AS k FROM ticket_search s CROSS JOIN tickets t ON t.id = s.rowid
      WHERE ${sql.join(where, sql` AND `)} ORDER BY s.rowid ${sql.raw(desc ? 'DESC' : 'ASC')} LIMIT ${limit}`;
  }

  const { key, desc } = orderOf(sort);
  const dir = sql.raw(desc ? 'DESC' : 'ASC');
  const cmp = sql.raw(desc ? '<' : '>');
  const keyOrNull = key ?? sql`NULL`;
  const orderSql = key ? sql`${key} ${dir}, t.id ${dir}` : sql`t.id ${dir}`;
  const cursorCond = cursor ? [key ? sql<boolean>`(${key}, t.id) ${cmp} (${cursor[0]}, ${cursor[1]})` : sql<boolean>`t.id ${cmp} ${cursor[1]}`] : [];

  const [lead, ...rest] = filters;
  const others = rest.map(([col, values]) => anyOf(sql.raw(`+${FILTER_COLUMNS[col]}`), values));
  const branch = (leadCond: RawBuilder<boolean>[]) => {
    const where = [...leadCond, ...others, ...cursorCond];
    return sql<PageKey>`SELECT t.id AS id, ${keyOrNull} AS k FROM tickets t
      ${where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``} ORDER BY ${orderSql} LIMIT ${limit}`;
  };
  if (!lead) return branch([]);
  const [col, values] = lead;
  if (values.length === 1) return branch([equals(sql.raw(FILTER_COLUMNS[col]), values[0]!)]);
  const branches = values.map((v) => sql`SELECT id, k FROM (${branch([equals(sql.raw(FILTER_COLUMNS[col]), v)])})`);
  const outer = key ? sql`k ${dir}, id ${dir}` : sql`id ${dir}`;
  return sql<PageKey>`${sql.join(branches, sql` UNION ALL `)} ORDER BY ${outer} LIMIT ${limit}`;
}

/** Phase two: what the queue shows for those ids (the caller keeps the page order). */
export function ticketRowsQuery(db: Q, ids: number[]) {
  return db
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
    ])
    .where('t.id', 'in', ids.length > 0 ? ids : [0]);
}

/** One queue page in page order: keys from the index, then the rows for them. */
export async function listTickets(db: Q, filter: TicketFilter, sort: TicketSort, cursor: Cursor | null, limit: number) {
  const { rows: keys } = await ticketPageQuery(filter, sort, cursor, limit).execute(db);
  if (keys.length === 0) return [];
  const rows = await ticketRowsQuery(
    db,
    keys.map((k) => k.id),
  ).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return keys.map((k) => byId.get(k.id)!);
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
    .where(REQUESTED_KEY, '<', today)
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
