import type { Kysely, Transaction } from 'kysely';
import type { CustomerServiceSummary, CustomerSummary, ProductOption } from '../../../src-shared/contract';
import { OPEN_STATUSES } from '../../../src-shared/domain/lifecycle';
import type { ProvinceCode } from '../../../src-shared/domain/regions';
import type { TicketStatus, TicketType } from '../../../src-shared/domain/tickets';
import { AppError } from '../../../src-shared/errors';
import { dayKey } from '../../../src-shared/domain/time';
import type { DB } from '../../db/schema';
import { nextSequence } from '../tickets/queries';
import { contactsOf, findCustomer, listProducts, lookupCustomers } from './queries';

type Q = Kysely<DB> | Transaction<DB>;

/** C + YYYYMMDD + 4-digit daily sequence, e.g. C202611240001. */
export async function nextCustomerNo(db: Q, now: number, timeZone: string): Promise<string> {
  const day = dayKey(now, timeZone);
  const seq = await nextSequence(db, `C-${day}`);
  return `C${day}${String(seq).padStart(4, '0')}`;
}

export async function lookup(db: Q, text: string, limit: number): Promise<CustomerSummary[]> {
  const rows = await lookupCustomers(db, text, limit);
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

const YEAR = 365 * 86_400_000;

/** Open requests, the last twelve months' count and the latest ten, off the (customer) index. */
export async function serviceSummary(db: Q, customerId: number, now: number): Promise<CustomerServiceSummary> {
  const customer = await findCustomer(db, customerId);
  if (!customer) throw new AppError('NOT_FOUND', `Customer ${customerId} not found`);
  const agreement = customer.agreement_id !== null ? await db.selectFrom('agreements').select(['id', 'name']).where('id', '=', customer.agreement_id).executeTakeFirst() : undefined;
  const open = OPEN_STATUSES;
  const counts = await db
    .selectFrom('tickets')
    .select([
      (eb) => eb.fn.sum<number>(eb.case().when('status', 'in', open).then(1).else(0).end()).as('open'),
      (eb) => eb.fn.sum<number>(eb.case().when('created_at', '>=', now - YEAR).then(1).else(0).end()).as('year'),
    ])
    .where('customer_id', '=', customerId)
    .executeTakeFirstOrThrow();
  const recent = await db
    .selectFrom('tickets')
    .select(['id', 'number', 'subject', 'status', 'type', 'created_at'])
    .where('customer_id', '=', customerId)
    .orderBy('id', 'desc')
    .limit(10)
    .execute();
  return {
    customerId,
    openRequests: Number(counts.open ?? 0),
    requestsLast12Months: Number(counts.year ?? 0),
    agreement: agreement ?? null,
    recent: recent.map((r) => ({ id: r.id, number: r.number, subject: r.subject, status: r.status as TicketStatus, type: r.type as TicketType, createdAt: r.created_at })),
  };
}

export async function products(db: Q): Promise<ProductOption[]> {
  const rows = await listProducts(db);
  return rows.map((p) => ({ id: p.id, name: p.name, model: p.model, productLine: p.product_line }));
}
