import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import {
  PRIORITY_RANK,
  TICKET_STATUSES,
  TICKET_TYPES,
  ticketFacet,
  type TicketPriority,
  type TicketSort,
  type TicketStatus,
  type TicketType,
} from '../../../src-shared/domain/tickets';
import { SLA_RUNNING_STATUSES } from '../../../src-shared/domain/sla';
import { indexedBy } from '../../db/hints';
import type { DB } from '../../db/schema';
import type { Cursor } from './cursor';
import { ticketScopeCondition, type TicketScope } from '../users/scope';
import type { DrillInput } from '../../../src-shared/contract/dashboard';
import { drillCondition } from '../dashboard/drill';

type Q = Kysely<DB> | Transaction<DB>;

export interface TicketFilter {
  status?: TicketStatus[];
  type?: TicketType[];
  priority?: TicketPriority[];
  assignee?: number | 'none';
  /** Requested-by day on or before this one (YYYY-MM-DD): the "due" view. */
  requestedTo?: string;
  /** An FTS5 MATCH expression from search/terms.ts. */
  match?: string;
  /** SLA views: a running clock already warned about (paged by due time), or a breached target (newest first). */
  sla?: 'breaching' | 'breached';
  /** The viewer's data scope (users/scope.ts); absent: every request. */
  scope?: TicketScope;
  /** The requests behind a dashboard figure (features/dashboard/drill.ts), checked row by row. */
  drill?: DrillInput;
}

/** Row-by-row conditions every query form adds: the data scope and a dashboard drill-down. */
const scopeOf = (filter: TicketFilter) => [...(filter.scope ? [ticketScopeCondition(filter.scope)] : []), ...(filter.drill ? [drillCondition(filter.drill)] : [])];

/** Each matches its partial index in migration 0007 term for term (SQLite uses it only then). */
const SLA_CONDITION = {
  // The clock runs and a running target has been warned about (or is past due).
  breaching: sql<boolean>`t.sla_due_at IS NOT NULL AND ((t.response_level > 0 AND t.responded_at IS NULL) OR t.resolution_level > 0)`,
  breached: sql<boolean>`(t.response_breached_at IS NOT NULL OR t.resolution_breached_at IS NOT NULL) AND t.status <> 'closed'`,
};

/** The statuses an SLA condition can hold in: a status filter covering them all checks nothing. */
const SLA_STATUSES = {
  breaching: SLA_RUNNING_STATUSES,
  breached: TICKET_STATUSES.filter((s) => s !== 'closed'),
};

/** A status filter worth checking row by row beside an SLA condition (null: it excludes nothing). */
function slaStatusFilter(sla: 'breaching' | 'breached', status: TicketStatus[] | undefined): TicketStatus[] | null {
  if (!status?.length) return null;
  return SLA_STATUSES[sla].every((s) => status.includes(s)) ? null : status;
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

/** Beyond this many (facet, priority) ranges, priority is checked row by row instead. */
const MAX_BRANCHES = 48;

function equals(column: string, value: string | number | null): RawBuilder<boolean> {
  return value === null ? sql<boolean>`${sql.raw(column)} IS NULL` : sql<boolean>`${sql.raw(column)} = ${value}`;
}

function anyOf(column: string, values: (string | number)[]): RawBuilder<boolean> {
  return sql<boolean>`${sql.raw(column)} IN (${sql.join(values)})`;
}

/**
 * Phase one of a queue page: the ids (and sort values) of the next `limit` requests.
 *
 * Every page is a keyset read straight off an index, so it costs the same on page 1 and
 * page 20,000, and the planner is not left to guess which index:
 * - a status, type or assignee filter becomes one exact index range per (status, type)
 *   facet — and per priority when that stays small — each read in page order and merged
 *   with UNION ALL, so "4 open statuses, urgent, mine" never sorts or scans closed work;
 * - otherwise a priority filter leads, one range per priority;
 * - other filters are written `+column` so SQLite checks them row by row rather than
 *   choosing their index;
 * - a text search reads the full-text index in id order (CROSS JOIN fixes the join
 *   order), so search pages come newest (or oldest) first whatever the sort.
 */
export function ticketPageQuery(filter: TicketFilter, sort: TicketSort, cursor: Cursor | null, limit: number) {
  const priorities = filter.priority?.length ? filter.priority.map((p) => PRIORITY_RANK[p]) : null;
  const assignee = filter.assignee === undefined ? undefined : filter.assignee === 'none' ? null : filter.assignee;

  if (filter.match !== undefined) {
    const desc = sort !== 'created_asc';
    const where = [
      sql<boolean>`s.terms MATCH ${filter.match}`,
      ...(filter.status?.length ? [anyOf('+t.status', filter.status)] : []),
      ...(filter.type?.length ? [anyOf('+t.type', filter.type)] : []),
      ...(priorities ? [anyOf('+t.priority', priorities)] : []),
      ...(assignee !== undefined ? [equals('+t.assignee_id', assignee)] : []),
      ...(filter.requestedTo !== undefined ? [sql<boolean>`+${REQUESTED_KEY} <= ${filter.requestedTo}`] : []),
      ...(filter.sla ? [SLA_CONDITION[filter.sla]] : []),
      ...scopeOf(filter),
      ...(cursor ? [desc ? sql<boolean>`s.rowid < ${cursor[1]}` : sql<boolean>`s.rowid > ${cursor[1]}`] : []),
    ];
    return sql<PageKey>`SELECT s.rowid AS id, NULL AS k FROM ticket_search s CROSS JOIN tickets t ON t.id = s.rowid
      WHERE ${sql.join(where, sql` AND `)} ORDER BY s.rowid ${sql.raw(desc ? 'DESC' : 'ASC')} LIMIT ${limit}`;
  }

  if (filter.sla) return slaPageQuery({ ...filter, sla: filter.sla }, priorities, assignee, cursor, limit);

  const { key, desc } = orderOf(sort);
  const dir = sql.raw(desc ? 'DESC' : 'ASC');
  const cmp = sql.raw(desc ? '<' : '>');
  const cursorCond = cursor ? [key ? sql<boolean>`(${key}, t.id) ${cmp} (${cursor[0]}, ${cursor[1]})` : sql<boolean>`t.id ${cmp} ${cursor[1]}`] : [];
  const { ranges, residual, lead, split } = indexRanges(filter, priorities, assignee, sort !== 'requested_asc');
  const index = pageIndex(lead, split, sort);
  const branch = (conds: RawBuilder<boolean>[]) => {
    const where = [...conds, ...cursorCond];
    return sql<PageKey>`SELECT t.id AS id, ${key ?? sql`NULL`} AS k FROM tickets t${indexedBy(index)}
      ${where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``} ORDER BY ${key ? sql`${key} ${dir}, ` : sql``}t.id ${dir} LIMIT ${limit}`;
  };

  if (ranges.length === 1) return branch([...ranges[0]!, ...residual]);
  const branches = ranges.map((conds) => sql`SELECT id, k FROM (${branch([...conds, ...residual])})`);
  return sql<PageKey>`${sql.join(branches, sql` UNION ALL `)} ORDER BY ${key ? sql`k ${dir}, ` : sql``}id ${dir} LIMIT ${limit}`;
}

/**
 * An SLA view's page off its partial index (migration 0007): "breaching soon" in due-time
 * order, "breached" newest first. Both sets are small beside the whole table, so the
 * other filters are checked row by row.
 */
function slaPageQuery(
  filter: TicketFilter & { sla: 'breaching' | 'breached' },
  priorities: number[] | null,
  assignee: number | null | undefined,
  cursor: Cursor | null,
  limit: number,
) {
  const breaching = filter.sla === 'breaching';
  const status = slaStatusFilter(filter.sla, filter.status);
  const where = [
    SLA_CONDITION[filter.sla],
    ...(status ? [anyOf('+t.status', status)] : []),
    ...(filter.type?.length ? [anyOf('+t.type', filter.type)] : []),
    ...(priorities ? [anyOf('+t.priority', priorities)] : []),
    ...(assignee !== undefined ? [equals('+t.assignee_id', assignee)] : []),
    ...(filter.requestedTo !== undefined ? [sql<boolean>`+${REQUESTED_KEY} <= ${filter.requestedTo}`] : []),
    ...scopeOf(filter),
    ...(cursor ? [breaching ? sql<boolean>`(t.sla_due_at, t.id) > (${cursor[0]}, ${cursor[1]})` : sql<boolean>`t.id < ${cursor[1]}`] : []),
  ];
  return breaching
    ? sql<PageKey>`SELECT t.id AS id, t.sla_due_at AS k FROM tickets t${indexedBy('tickets_sla_breaching')} WHERE ${sql.join(where, sql` AND `)} ORDER BY t.sla_due_at, t.id LIMIT ${limit}`
    : sql<PageKey>`SELECT t.id AS id, NULL AS k FROM tickets t${indexedBy('tickets_sla_breached')} WHERE ${sql.join(where, sql` AND `)} ORDER BY t.id DESC LIMIT ${limit}`;
}

/**
 * The index ranges a filter reads (each entry the `=` conditions of one range) and what is
 * checked row by row. Status, type and owner fix a (facet) range per status × type; the
 * priority joins the range while that stays small and the order allows it.
 */
type Lead = 'facet' | 'assignee_facet' | 'priority' | 'none';

/** The index (migration 0001) that yields a range of `lead` in the order of `sort`. */
function pageIndex(lead: Lead, split: boolean, sort: TicketSort): string | null {
  const order = sort === 'priority_desc' ? 'priority' : sort === 'requested_asc' ? 'requested' : split ? 'priority' : null;
  switch (lead) {
    case 'facet':
      return order ? `tickets_facet_${order}` : 'tickets_facet';
    case 'assignee_facet':
      return order ? `tickets_assignee_facet_${order}` : 'tickets_assignee_facet';
    case 'priority':
      return sort === 'requested_asc' ? 'tickets_priority_requested' : 'tickets_priority';
    case 'none':
      return sort === 'priority_desc' ? 'tickets_priority' : sort === 'requested_asc' ? 'tickets_requested' : null;
  }
}

function indexRanges(filter: TicketFilter, priorities: number[] | null, assignee: number | null | undefined, prioritySplit: boolean) {
  let ranges: RawBuilder<boolean>[][];
  let lead: Lead = 'none';
  let split = false;
  const residual: RawBuilder<boolean>[] = [...(filter.requestedTo !== undefined ? [sql<boolean>`${REQUESTED_KEY} <= ${filter.requestedTo}`] : []), ...scopeOf(filter)];
  if (filter.status?.length || filter.type?.length || assignee !== undefined) {
    const facets = facetsOf(filter);
    const owner = assignee !== undefined ? [equals('t.assignee_id', assignee)] : [];
    split = priorities !== null && prioritySplit && facets.length * priorities.length <= MAX_BRANCHES;
    lead = assignee !== undefined ? 'assignee_facet' : 'facet';
    const perPriority = split ? (priorities ?? []) : [];
    ranges = facets.flatMap((f) =>
      perPriority.length ? perPriority.map((p) => [...owner, equals('t.facet', f), equals('t.priority', p)]) : [[...owner, equals('t.facet', f)]],
    );
    if (priorities && !split) residual.push(anyOf('+t.priority', priorities));
  } else if (priorities) {
    ranges = priorities.map((p) => [equals('t.priority', p)]);
    lead = 'priority';
  } else {
    ranges = [[]];
  }
  return { ranges, residual, lead, split };
}

function facetsOf(filter: TicketFilter): number[] {
  const facets: number[] = [];
  for (const st of filter.status?.length ? filter.status : TICKET_STATUSES) {
    for (const ty of filter.type?.length ? filter.type : TICKET_TYPES) facets.push(ticketFacet(st, ty));
  }
  return facets;
}

/** How many requests match a filter (no text): index-only counts over the facet ranges. */
export async function countTickets(db: Q, filter: TicketFilter): Promise<number> {
  if (filter.sla) return countSlaView(db, { ...filter, sla: filter.sla });
  const where: RawBuilder<boolean>[] = [];
  if (filter.assignee !== undefined) where.push(equals('t.assignee_id', filter.assignee === 'none' ? null : filter.assignee));
  if (filter.status?.length || filter.type?.length) where.push(anyOf('t.facet', facetsOf(filter)));
  if (filter.priority?.length) where.push(anyOf('t.priority', filter.priority.map((p) => PRIORITY_RANK[p])));
  if (filter.requestedTo !== undefined) where.push(sql<boolean>`${REQUESTED_KEY} <= ${filter.requestedTo}`);
  where.push(...scopeOf(filter));
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM tickets t ${where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``}`.execute(db);
  return rows[0]?.n ?? 0;
}

/** An SLA view's count: index-only off its partial index unless other filters narrow it. */
async function countSlaView(db: Q, filter: TicketFilter & { sla: 'breaching' | 'breached' }): Promise<number> {
  const status = slaStatusFilter(filter.sla, filter.status);
  const where = [
    SLA_CONDITION[filter.sla],
    ...(status ? [anyOf('t.status', status)] : []),
    ...(filter.type?.length ? [anyOf('t.type', filter.type)] : []),
    ...(filter.priority?.length ? [anyOf('t.priority', filter.priority.map((p) => PRIORITY_RANK[p]))] : []),
    ...(filter.assignee !== undefined ? [equals('t.assignee_id', filter.assignee === 'none' ? null : filter.assignee)] : []),
    ...(filter.requestedTo !== undefined ? [sql<boolean>`${REQUESTED_KEY} <= ${filter.requestedTo}`] : []),
    ...scopeOf(filter),
  ];
  const index = filter.sla === 'breaching' ? 'tickets_sla_breaching' : 'tickets_sla_breached';
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM tickets t${indexedBy(index)} WHERE ${sql.join(where, sql` AND `)}`.execute(db);
  return rows[0]?.n ?? 0;
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
      't.version',
      'c.name as customer_name',
      'a.display_name as assignee_name',
      't.sla_due_at',
      't.sla_calendar_id',
      't.responded_at',
      't.response_due_at',
      't.response_target_min',
      't.resolution_target_min',
      't.response_breached_at',
      't.resolution_breached_at',
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
  // Each row with the sort value it was paged by (the next page's cursor).
  return keys.flatMap((k) => {
    const row = byId.get(k.id);
    return row ? [{ ...row, pageKey: k.k }] : [];
  });
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
    .leftJoin('agreements as ag', 'ag.id', 't.agreement_id')
    .selectAll('t')
    .select([
      'c.name as customer_name',
      'c.customer_no',
      'c.phone as customer_phone',
      'c.province as customer_province',
      'cb.display_name as created_by_name',
      'a.display_name as assignee_name',
      'ct.name as contact_name',
      'ct.phone as contact_phone',
      'p.name as product_name',
      'p.model as product_model',
      'pc.code as category_code',
      'pc.name_zh as category_zh',
      'pc.name_en as category_en',
      'ag.name as agreement_name',
    ])
    .where('t.id', '=', id)
    .executeTakeFirst();
}

export function listTicketEvents(db: Q, ticketId: number) {
  return db
    .selectFrom('ticket_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.at', 'e.kind', 'e.from_status', 'e.to_status', 'e.note', 'e.details', 'u.display_name as actor_name'])
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

/** The columns a change reads, inside its transaction (SQLite runs one writer at a time, so this read and the write that follows see the same row). */
export function rowForChange(db: Q, id: number) {
  return db
    .selectFrom('tickets')
    .select(['id', 'status', 'version', 'assignee_id', 'attempts', 'lock_reason', 'closed_at', 'requested_by', 'priority', 'type', 'number'])
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
    merged_into?: number;
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
    // (facet, requested-by) index: a few ranges over open requests, never the closed ones.
    .where('t.facet', 'in', (['pending_assignment', 'reopened', 'assigned'] as const).flatMap((st) => TICKET_TYPES.map((ty) => ticketFacet(st, ty))))
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

export function getComplaint(db: Q, ticketId: number) {
  return db
    .selectFrom('complaints as c')
    .leftJoin('users as pu', 'pu.id', 'c.party_user_id')
    .leftJoin('users as ab', 'ab.id', 'c.acknowledged_by')
    .selectAll('c')
    .select(['pu.display_name as party_user_name', 'ab.display_name as acknowledged_by_name'])
    .where('c.ticket_id', '=', ticketId)
    .executeTakeFirst();
}

export function listDuplicates(db: Q, ticketId: number) {
  return db.selectFrom('tickets').select(['id', 'number']).where('merged_into', '=', ticketId).orderBy('id').execute();
}
