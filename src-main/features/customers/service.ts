import { sql, type Kysely, type Transaction } from 'kysely';
import type { CustomerServiceSummary, CustomerSummary, PossibleDuplicate, ProductOption } from '../../../src-shared/contract';
import { customerNameKey, nameProbe } from '../../../src-shared/domain/customerName';
import type { ProvinceCode } from '../../../src-shared/domain/regions';
import type { TicketStatus, TicketType } from '../../../src-shared/domain/tickets';
import { AppError, fieldError } from '../../../src-shared/errors';
import { dayKey } from '../../../src-shared/domain/time';
import type { DB } from '../../db/schema';
import { nextSequence } from '../tickets/queries';
import { requestFigures } from './customer360';
import { contactsOf, customersNamed, customersWithPhone, findCustomer, listProducts, lookupCustomers } from './queries';

type Q = Kysely<DB> | Transaction<DB>;

/** C + YYYYMMDD + 4-digit daily sequence, e.g. C202611240001. */
export async function nextCustomerNo(db: Q, now: number, timeZone: string): Promise<string> {
  const day = dayKey(now, timeZone);
  const seq = await nextSequence(db, `C-${day}`);
  return `C${day}${String(seq).padStart(4, '0')}`;
}

type CustomerRow = Awaited<ReturnType<typeof lookupCustomers>>[number];

export async function lookup(db: Q, text: string, limit: number, owner?: number): Promise<CustomerSummary[]> {
  return summaries(db, await lookupCustomers(db, text, limit, owner));
}

/** How many possible duplicates an agent is shown: enough to recognize the one meant. */
const DUPLICATES_SHOWN = 5;
/** Name candidates compared by key; a name core shared by more customers than this is no hint. */
const NAME_CANDIDATES = 200;

/**
 * Existing customers that may be the one an agent is about to create: the same name once
 * width, case, spaces, punctuation and the legal form are set aside (华东精密机械 and
 * 华东精密机械有限公司), or the same phone on the customer or one of its contacts.
 */
export async function possibleDuplicates(db: Q, input: { name: string; phone?: string }, owner?: number): Promise<PossibleDuplicate[]> {
  const key = customerNameKey(input.name);
  const byName = (await customersNamed(db, nameProbe(input.name), NAME_CANDIDATES)).filter((c) => customerNameKey(c.name) === key);
  const byPhone = input.phone ? await customersWithPhone(db, input.phone, DUPLICATES_SHOWN) : [];
  const candidates = [...byPhone, ...byName];
  // An account manager is warned only about customers they may see.
  const theirs =
    owner === undefined || candidates.length === 0
      ? null
      : new Set((await db.selectFrom('customers').select('id').where('owner_id', '=', owner).where('id', 'in', candidates.map((c) => c.id)).execute()).map((r) => r.id));
  const rows = new Map<number, CustomerRow>();
  for (const c of candidates) if (owner === undefined || theirs?.has(c.id)) rows.set(c.id, c);
  const shown = [...rows.values()].slice(0, DUPLICATES_SHOWN);
  const phoneIds = new Set(byPhone.map((c) => c.id));
  const nameIds = new Set(byName.map((c) => c.id));
  return (await summaries(db, shown)).map((c) => ({
    ...c,
    reasons: [...(nameIds.has(c.id) ? (['name'] as const) : []), ...(phoneIds.has(c.id) ? (['phone'] as const) : [])],
  }));
}

async function summaries(db: Q, rows: CustomerRow[]): Promise<CustomerSummary[]> {
  const contacts = await contactsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    customerNo: r.customer_no,
    name: r.name,
    kind: r.kind === 'individual' ? 'individual' : 'company',
    phone: r.phone,
    province: (r.province as ProvinceCode | null) ?? null,
    contacts: contacts.filter((c) => c.customer_id === r.id).map((c) => ({ id: c.id, name: c.name, phone: c.phone })),
  }));
}

/** Open requests, the last twelve months' count and the latest ten, off the (customer) index. */
export async function serviceSummary(db: Q, customerId: number, now: number): Promise<CustomerServiceSummary> {
  const customer = await findCustomer(db, customerId);
  if (!customer) throw new AppError('NOT_FOUND', `Customer ${customerId} not found`);
  const agreement = customer.agreement_id !== null ? await db.selectFrom('agreements').select(['id', 'name']).where('id', '=', customer.agreement_id).executeTakeFirst() : undefined;
  const { openRequests, requestsLast12Months } = await requestFigures(db, customerId, now);
  const recent = await db
    .selectFrom('tickets')
    .select(['id', 'number', 'subject', 'status', 'type', 'created_at'])
    .where('customer_id', '=', customerId)
    .orderBy('id', 'desc')
    .limit(10)
    .execute();
  return {
    customerId,
    openRequests,
    requestsLast12Months,
    agreement: agreement ?? null,
    recent: recent.map((r) => ({ id: r.id, number: r.number, subject: r.subject, status: r.status as TicketStatus, type: r.type as TicketType, createdAt: r.created_at })),
  };
}

export async function products(db: Q): Promise<ProductOption[]> {
  const rows = await listProducts(db);
  return rows.map((p) => ({ id: p.id, name: p.name, model: p.model, productLine: p.product_line }));
}

/** Adds or edits a catalog product; a model already in the catalog, in any case, is refused. */
export async function saveProduct(db: Kysely<DB>, input: { id?: number; productLine: string; model: string; name: string }): Promise<ProductOption> {
  return db.transaction().execute(async (trx) => {
    // KFR-72LW and kfr-72lw are one model typed two ways.
    const clash = await trx.selectFrom('products').select('id').where(sql<boolean>`lower(model) = lower(${input.model})`).executeTakeFirst();
    if (clash && clash.id !== input.id) throw fieldError('model', 'taken');
    const values = { product_line: input.productLine, model: input.model, name: input.name };
    const row =
      input.id === undefined
        ? await trx.insertInto('products').values(values).returningAll().executeTakeFirstOrThrow()
        : await trx.updateTable('products').set(values).where('id', '=', input.id).returningAll().executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', `Product ${input.id} not found`);
    return { id: row.id, name: row.name, model: row.model, productLine: row.product_line };
  });
}
