import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';

type Q = Kysely<DB> | Transaction<DB>;

export function findActiveParts(db: Q, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('parts').selectAll().where('id', 'in', ids).where('active', '=', 1).execute();
}

export function listParts(db: Q, includeInactive: boolean) {
  let q = db.selectFrom('parts').selectAll();
  if (!includeInactive) q = q.where('active', '=', 1);
  return q.orderBy('part_no').execute();
}

export function findPartByNo(db: Q, partNo: string) {
  return db.selectFrom('parts').selectAll().where('part_no', '=', partNo).executeTakeFirst();
}
