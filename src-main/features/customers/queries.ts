import { sql, type Kysely, type Transaction } from 'kysely';
import { normalizePhone } from '../../../src-shared/domain/phone';
import type { DB } from '../../db/schema';

type Q = Kysely<DB> | Transaction<DB>;

const CUSTOMER_COLUMNS = ['id', 'customer_no', 'name', 'kind', 'phone', 'province'] as const;

export function findCustomer(db: Q, id: number) {
  return db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findContact(db: Q, id: number) {
  return db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findProduct(db: Q, id: number) {
  return db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertCustomer(
  db: Q,
  values: { customer_no: string; name: string; kind: string; phone: string | null; province: string | null; created_at: number; owner_id?: number | null },
) {
  return db
    .insertInto('customers')
    .values({ ...values, last_activity_at: values.created_at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function insertContact(db: Q, values: { customer_id: number; name: string; phone: string | null; created_at: number }) {
  return db.insertInto('contacts').values({ ...values, email: null }).returningAll().executeTakeFirstOrThrow();
}

/** Name prefix/substring, customer number or phone; most recent customers first; `owner`: only theirs. */
export function lookupCustomers(db: Q, text: string, limit: number, owner?: number) {
  let q = db.selectFrom('customers').select(CUSTOMER_COLUMNS).where('merged_into_id', 'is', null);
  if (owner !== undefined) q = q.where('owner_id', '=', owner);
  if (text) {
    const phone = normalizePhone(text);
    const like = `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`name LIKE ${like} ESCAPE '\\'`,
        eb('customer_no', '=', text.toUpperCase()),
        // A whole number however typed (stored normalized), or the start of one as stored.
        eb('phone', '=', phone?.ok ? phone.phone : text),
        eb('phone', 'like', `${text}%`),
      ]),
    );
  }
  return q.orderBy('id', 'desc').limit(limit).execute();
}

/** Customers whose name holds `probe`, newest first: candidates to compare by name key. */
export function customersNamed(db: Q, probe: string, limit: number) {
  const like = `%${probe.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return db
    .selectFrom('customers')
    .select(CUSTOMER_COLUMNS)
    .where(sql<boolean>`name LIKE ${like} ESCAPE '\\'`)
    .where('merged_into_id', 'is', null)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Customers with this (normalized) phone, on the customer or one of its contacts. */
export function customersWithPhone(db: Q, phone: string, limit: number) {
  return db
    .selectFrom('customers')
    .select(CUSTOMER_COLUMNS)
    .where((eb) => eb.or([eb('phone', '=', phone), eb('id', 'in', eb.selectFrom('contacts').select('customer_id').where('phone', '=', phone))]))
    .where('merged_into_id', 'is', null)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
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

/**
 * The customer's unit of a product under warranty on `day` (YYYY-MM-DD), the one whose
 * warranty runs longest: whose terms a request about the product counts in.
 */
export function unitUnderWarranty(db: Q, customerId: number, productId: number, day: string) {
  return db
    .selectFrom('assets')
    .select(['id', 'serial_no', 'warranty_start', 'warranty_end', 'agreement_id'])
    .where('customer_id', '=', customerId)
    .where('product_id', '=', productId)
    .where('warranty_end', '>=', day)
    .where((eb) => eb.or([eb('warranty_start', 'is', null), eb('warranty_start', '<=', day)]))
    .orderBy('warranty_end', 'desc')
    .executeTakeFirst();
}

/** A request or purchase is activity: it keeps the customer's lifecycle active (never moves it back in time). */
export async function touchActivity(db: Q, customerId: number, at: number): Promise<void> {
  await db
    .updateTable('customers')
    .set({ last_activity_at: at })
    .where('id', '=', customerId)
    .where((eb) => eb.or([eb('last_activity_at', 'is', null), eb('last_activity_at', '<', at)]))
    .execute();
}
