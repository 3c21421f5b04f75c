import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';

type Q = Kysely<DB> | Transaction<DB>;

export function findUserByUsername(db: Q, username: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
    .executeTakeFirst();
}

export function countUsers(db: Q) {
  return db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

export function recordFailure(db: Q, id: number, failures: number, lockedUntil: number | null) {
  return db.updateTable('users').set({ failed_attempts: failures, locked_until: lockedUntil }).where('id', '=', id).execute();
}

export function recordSuccess(db: Q, id: number, at: number) {
  return db
    .updateTable('users')
    .set({ failed_attempts: 0, locked_until: null, last_sign_in_at: at })
    .where('id', '=', id)
    .execute();
}

/** Active accounts, by name; `roles` narrows them (assignees: engineers and supervisors). */
export function listActiveUsers(db: Q, roles?: readonly string[]) {
  let q = db.selectFrom('users').select(['id', 'display_name', 'role', 'available']).where('disabled', '=', 0);
  if (roles) q = q.where('role', 'in', roles);
  return q.orderBy('display_name').execute();
}

export function setAvailable(db: Q, id: number, available: boolean) {
  return db
    .updateTable('users')
    .set({ available: available ? 1 : 0 })
    .where('id', '=', id)
    .where('disabled', '=', 0)
    .where('role', 'in', ['engineer', 'supervisor'])
    .returning(['id', 'display_name', 'role', 'available'])
    .executeTakeFirst();
}
