import type Database from 'better-sqlite3';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { CustomerContact, CustomerListItem, CustomerPage } from '../../../src-shared/contract';
import type { saveContactInput, saveCustomerInput } from '../../../src-shared/contract/customers';
import { cleanTags, lifecycleOf, lifecycleRange, type ContactChannel, type CustomerLifecycle, type CustomerTier, type LifecycleThresholds } from '../../../src-shared/domain/customers';
import { normalizePhone } from '../../../src-shared/domain/phone';
import type { ProvinceCode } from '../../../src-shared/domain/regions';
import { AppError, fieldError } from '../../../src-shared/errors';
import type { DB } from '../../db/schema';
import { reindexTickets } from '../search/ticketIndex';
import { decodeCursor, encodeCursor } from '../tickets/cursor';

type Q = Kysely<DB> | Transaction<DB>;

/** Tags of many customers at once, by customer id. */
export async function tagsOf(db: Q, customerIds: number[]): Promise<Map<number, string[]>> {
  const tags = new Map<number, string[]>();
  if (customerIds.length === 0) return tags;
  const rows = await db.selectFrom('customer_tags').selectAll().where('customer_id', 'in', customerIds).orderBy('tag').execute();
  for (const r of rows) tags.set(r.customer_id, [...(tags.get(r.customer_id) ?? []), r.tag]);
  return tags;
}

export async function replaceTags(db: Q, customerId: number, tags: readonly string[]): Promise<void> {
  await db.deleteFrom('customer_tags').where('customer_id', '=', customerId).execute();
  const clean = cleanTags(tags);
  if (clean.length > 0) await db.insertInto('customer_tags').values(clean.map((tag) => ({ customer_id: customerId, tag }))).execute();
}

/** Every tag in use, most used first. */
export async function allTags(db: Q): Promise<string[]> {
  const rows = await db
    .selectFrom('customer_tags')
    .select(['tag', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('tag')
    .orderBy('n', 'desc')
    .orderBy('tag')
    .limit(500)
    .execute();
  return rows.map((r) => r.tag);
}

async function checkOwner(db: Q, ownerId: number | null): Promise<void> {
  if (ownerId === null) return;
  const owner = await db.selectFrom('users').select(['id', 'disabled']).where('id', '=', ownerId).executeTakeFirst();
  if (!owner || owner.disabled !== 0) throw fieldError('ownerId', 'notFound');
}

/** Creates or edits a customer's profile; a new customer gets its number from `customerNo()`. */
export async function saveCustomer(
  db: Q,
  sqlite: Database.Database,
  input: z.output<typeof saveCustomerInput>,
  now: number,
  customerNo: () => Promise<string>,
): Promise<{ id: number; customerNo: string }> {
  const values = {
    kind: input.kind,
    name: input.name,
    phone: input.phone || null,
    email: input.email,
    tier: input.tier,
    province: input.province,
    city: input.city,
    district: input.district,
    street: input.street,
    owner_id: input.ownerId,
    note: input.note,
  };
  let row;
  if (input.id === undefined) {
    await checkOwner(db, input.ownerId);
    row = await db
      .insertInto('customers')
      .values({ ...values, customer_no: await customerNo(), created_at: now, last_activity_at: now })
      .returning(['id', 'customer_no'])
      .executeTakeFirstOrThrow();
  } else {
    const current = await db.selectFrom('customers').select(['id', 'name', 'phone', 'owner_id', 'merged_into_id']).where('id', '=', input.id).executeTakeFirst();
    // A merged record is only a pointer now: its profile lives on in the customer it went into.
    if (!current || current.merged_into_id !== null) throw new AppError('NOT_FOUND', `Customer ${input.id} not found`);
    // An account manager disabled since keeps the customer until someone chooses another.
    if (input.ownerId !== current.owner_id) await checkOwner(db, input.ownerId);
    row = await db.updateTable('customers').set(values).where('id', '=', input.id).returning(['id', 'customer_no']).executeTakeFirstOrThrow();
    // Requests are found by their customer's name and phone: search must know the new ones.
    if (current.name !== values.name || current.phone !== values.phone) {
      const tickets = await db.selectFrom('tickets').select('id').where('customer_id', '=', input.id).execute();
      reindexTickets(
        sqlite,
        tickets.map((t) => t.id),
      );
    }
  }
  await replaceTags(db, row.id, input.tags);
  return { id: row.id, customerNo: row.customer_no };
}

export interface CustomerListFilter {
  text: string;
  tier?: CustomerTier;
  lifecycle?: CustomerLifecycle;
  ownerId?: number;
  tag?: string;
  cursor?: string;
  limit: number;
}

/** The customer list, newest first (id order), off the indexes the filters name. */
export async function listCustomers(db: Q, filter: CustomerListFilter, now: number, thresholds: LifecycleThresholds): Promise<CustomerPage> {
  let q = db
    .selectFrom('customers as c')
    .leftJoin('users as u', 'u.id', 'c.owner_id')
    .select(['c.id', 'c.customer_no', 'c.name', 'c.kind', 'c.tier', 'c.phone', 'c.province', 'c.city', 'c.created_at', 'c.last_activity_at', 'c.owner_id', 'u.display_name as owner_name'])
    .where('c.merged_into_id', 'is', null);
  const text = filter.text;
  if (text) {
    const phone = normalizePhone(text);
    const like = `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    // Only digits and the separators people type between them.
    const digits = /^[\d\s()+-]+$/.test(text) ? text.replace(/\D/g, '') : '';
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`c.name LIKE ${like} ESCAPE '\\'`,
        eb('c.customer_no', '=', text.toUpperCase()),
        eb('c.phone', '=', phone?.ok ? phone.phone : text),
        eb('c.id', 'in', eb.selectFrom('contacts').select('customer_id').where('phone', '=', phone?.ok ? phone.phone : text)),
        // Part of a number, as people remember it (the last digits): digits in the stored form.
        ...(digits.length >= 4
          ? [sql<boolean>`replace(c.phone, '-', '') LIKE ${`%${digits}%`}`, eb('c.id', 'in', eb.selectFrom('contacts').select('customer_id').where(sql<boolean>`replace(phone, '-', '') LIKE ${`%${digits}%`}`))]
          : []),
      ]),
    );
  }
  if (filter.tier) q = q.where('c.tier', '=', filter.tier);
  if (filter.ownerId !== undefined) q = q.where('c.owner_id', '=', filter.ownerId);
  if (filter.tag !== undefined) {
    const tag = filter.tag;
    q = q.where('c.id', 'in', (eb) => eb.selectFrom('customer_tags').select('customer_id').where('tag', '=', tag));
  }
  if (filter.lifecycle) {
    const { from, to } = lifecycleRange(filter.lifecycle, now, thresholds);
    const activity = sql<number>`coalesce(c.last_activity_at, c.created_at)`;
    if (from !== null) q = q.where(activity, '>=', from);
    if (to !== null) q = q.where(activity, '<', to);
  }
  if (filter.cursor) q = q.where('c.id', '<', decodeCursor(filter.cursor)[1]);
  const rows = await q.orderBy('c.id', 'desc').limit(filter.limit + 1).execute();
  const page = rows.slice(0, filter.limit);
  const tags = await tagsOf(
    db,
    page.map((r) => r.id),
  );
  const items = page.map((r): CustomerListItem => {
    const lastActivityAt = r.last_activity_at ?? r.created_at;
    return {
      id: r.id,
      customerNo: r.customer_no,
      name: r.name,
      kind: r.kind === 'individual' ? 'individual' : 'company',
      tier: r.tier as CustomerTier,
      lifecycle: lifecycleOf(lastActivityAt, now, thresholds),
      lastActivityAt,
      phone: r.phone,
      province: (r.province as ProvinceCode | null) ?? null,
      city: r.city,
      owner: r.owner_id !== null ? { id: r.owner_id, name: r.owner_name ?? '' } : null,
      tags: tags.get(r.id) ?? [],
    };
  });
  const last = page.at(-1);
  return { items, nextCursor: rows.length > filter.limit && last ? encodeCursor([null, last.id]) : null };
}

export function contactView(r: { id: number; name: string; phone: string | null; email: string | null; role: string | null; preferred_channel: string | null }): CustomerContact {
  return { id: r.id, name: r.name, phone: r.phone, email: r.email, role: r.role, preferredChannel: r.preferred_channel as ContactChannel | null };
}

export async function saveContact(db: Q, sqlite: Database.Database, input: z.output<typeof saveContactInput>, now: number): Promise<CustomerContact> {
  const customer = await db.selectFrom('customers').select(['id', 'merged_into_id']).where('id', '=', input.customerId).executeTakeFirst();
  if (!customer || customer.merged_into_id !== null) throw fieldError('customerId', 'notFound');
  const values = { name: input.name, phone: input.phone || null, email: input.email, role: input.role, preferred_channel: input.preferredChannel };
  const row =
    input.id === undefined
      ? await db
          .insertInto('contacts')
          .values({ ...values, customer_id: input.customerId, created_at: now })
          .returningAll()
          .executeTakeFirstOrThrow()
      : await db.updateTable('contacts').set(values).where('id', '=', input.id).where('customer_id', '=', input.customerId).returningAll().executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `Contact ${input.id} not found`);
  if (input.id !== undefined) {
    // Requests are found by their contact's name and phone too.
    const tickets = await db.selectFrom('tickets').select('id').where('contact_id', '=', input.id).execute();
    reindexTickets(
      sqlite,
      tickets.map((t) => t.id),
    );
  }
  return contactView(row);
}

/** A contact named on a request stays: the request's history speaks of them. */
/** Removes a contact; returns whose it was. */
export async function removeContact(db: Q, id: number): Promise<number> {
  const inUse = await db.selectFrom('tickets').select('id').where('contact_id', '=', id).limit(1).executeTakeFirst();
  if (inUse) throw new AppError('CONFLICT', `Contact ${id} is named on requests`, { reason: 'contactInUse' });
  const removed = await db.deleteFrom('contacts').where('id', '=', id).returning('customer_id').executeTakeFirst();
  if (!removed) throw new AppError('NOT_FOUND', `Contact ${id} not found`);
  return removed.customer_id;
}
