import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { SessionUser } from '../../../src-shared/contract';
import { AppError } from '../../../src-shared/errors';
import type { DB } from '../../db/schema';

// Data scopes, enforced in the queries themselves (not only by hiding menus): an account
// with the 'team' scope reads its team's requests, one with 'own' the customers it manages
// and their requests. Both always see what they entered or own themselves. A record out of
// scope is NOT_FOUND, as if it did not exist.

type Q = Kysely<DB> | Transaction<DB>;

export interface TicketScope {
  userId: number;
  /** Requests entered by this team. */
  teamId?: number;
  /** Requests of customers this account manages. */
  ownCustomers?: boolean;
}

/** The scope of a viewer's request queries; undefined: every request. */
export function ticketScope(user: Pick<SessionUser, 'id' | 'dataScope' | 'teamId'>): TicketScope | undefined {
  // A team scope left without a team (its team removed) keeps to the account's own work.
  if (user.dataScope === 'team') return user.teamId !== null ? { userId: user.id, teamId: user.teamId } : { userId: user.id };
  if (user.dataScope === 'own') return { userId: user.id, ownCustomers: true };
  return undefined;
}

/**
 * The scope as a row condition on `t` (tickets). Each term is written `+column` so SQLite
 * keeps reading the index the queue chose and checks the scope row by row.
 */
export function ticketScopeCondition(scope: TicketScope): RawBuilder<boolean> {
  const terms = [sql<boolean>`+t.created_by = ${scope.userId}`, sql<boolean>`+t.assignee_id = ${scope.userId}`];
  if (scope.teamId !== undefined) terms.push(sql<boolean>`+t.team_id = ${scope.teamId}`);
  if (scope.ownCustomers) terms.push(sql<boolean>`+t.customer_id IN (SELECT id FROM customers WHERE owner_id = ${scope.userId})`);
  return sql<boolean>`(${sql.join(terms, sql` OR `)})`;
}

/** Whether the viewer's scope holds this request. */
export async function ticketInScope(db: Q, ticketId: number, user: SessionUser): Promise<boolean> {
  const scope = ticketScope(user);
  if (!scope) return true;
  const { rows } = await sql<{ id: number }>`SELECT t.id FROM tickets t WHERE t.id = ${ticketId} AND ${ticketScopeCondition(scope)}`.execute(db);
  return rows.length > 0;
}

/** NOT_FOUND unless the viewer's scope holds this request. */
export async function assertTicketInScope(db: Q, ticketId: number, user: SessionUser): Promise<void> {
  if (!(await ticketInScope(db, ticketId, user))) throw new AppError('NOT_FOUND', `Service request ${ticketId} not found`);
}

/** The account manager whose customers alone the viewer reads, or undefined for every customer. */
export function customerOwnerScope(user: Pick<SessionUser, 'id' | 'dataScope'>): number | undefined {
  return user.dataScope === 'own' ? user.id : undefined;
}

/** NOT_FOUND unless the viewer's scope holds this customer. */
export async function assertCustomerInScope(db: Q, customerId: number, user: SessionUser): Promise<void> {
  const owner = customerOwnerScope(user);
  if (owner === undefined) return;
  const row = await db.selectFrom('customers').select('id').where('id', '=', customerId).where('owner_id', '=', owner).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `Customer ${customerId} not found`);
}
