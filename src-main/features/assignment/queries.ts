import type { Kysely, Transaction } from 'kysely';
import { TICKET_TYPES, ticketFacet, type TicketStatus } from '../../../src-shared/domain/tickets';
import type { DB } from '../../db/schema';

type Q = Kysely<DB> | Transaction<DB>;

/** What counts as an engineer's current load: requests they own and still have to work. */
export const LOAD_STATUSES: readonly TicketStatus[] = ['assigned', 'on_hold', 'locked'];

export function listRules(db: Q) {
  return db.selectFrom('assignment_rules').selectAll().orderBy('position').orderBy('id').execute();
}

export function ruleEngineers(db: Q, ruleIds: number[]) {
  if (ruleIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('assignment_rule_engineers as re')
    .innerJoin('users as u', 'u.id', 're.user_id')
    .select(['re.rule_id', 'u.id', 'u.display_name', 'u.available', 'u.disabled', 'u.role'])
    .where('re.rule_id', 'in', ruleIds)
    .orderBy('u.id')
    .execute();
}

/** Open load per engineer, read off the (assignee, facet) index. */
export async function openLoads(db: Q, userIds: number[]): Promise<Map<number, number>> {
  if (userIds.length === 0) return new Map();
  const facets = LOAD_STATUSES.flatMap((st) => TICKET_TYPES.map((ty) => ticketFacet(st, ty)));
  const rows = await db
    .selectFrom('tickets')
    .select(['assignee_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('assignee_id', 'in', userIds)
    .where('facet', 'in', facets)
    .groupBy('assignee_id')
    .execute();
  return new Map(rows.map((r) => [r.assignee_id!, Number(r.n)]));
}
