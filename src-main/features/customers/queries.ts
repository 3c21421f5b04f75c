import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';

type Q = Kysely<DB> | Transaction<DB>;

export function findCustomer(db: Q, id: number) {
  return db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findContact(db: Q, id: number) {
  return db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findProduct(db: Q, id: number) {
  return db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertCustomer(db: Q, values: { customer_no: string; name: string; kind: string; phone: string | null; province: string | null; created_at: number }) {
  return db.insertInto('customers').values(values).returningAll().executeTakeFirstOrThrow();
}

export function insertContact(db: Q, values: { customer_id: number; name: string; phone: string | null; created_at: number }) {
  return db.insertInto('contacts').values({ ...values, email: null }).returningAll().executeTakeFirstOrThrow();
}

/** Name prefix/substring, customer number or phone; most recent customers first. */
export function lookupCustomers(db: Q, text: string, limit: number) {
  let q = db.selectFrom('customers').select(['id', 'customer_no', 'name', 'kind', 'phone', 'province']);
  if (text) {
    const like = `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`name LIKE ${like} ESCAPE '\\'`,
        eb('customer_no', '=', text.toUpperCase()),
        eb('phone', 'like', `${text}%`),
      ]),
    );
  }
  return q.orderBy('id', 'desc').limit(limit).execute();
}

export function contactsOf(db: Q, customerIds: number[]) {
  if (customerIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('contacts')
    .select(['id', 'customer_id', 'name', 'phone'])
    .where('customer_id', 'in', customerIds)
    .orderBy('id')
    .execute();
}

export function listProducts(db: Q) {
  return db.selectFrom('products').selectAll().orderBy('product_line').orderBy('name').execute();
}
