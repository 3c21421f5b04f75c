import type { Kysely, Transaction } from 'kysely';
import type { CustomerSummary, ProductOption } from '../../../src-shared/contract';
import { dayKey } from '../../../src-shared/domain/time';
import type { DB } from '../../db/schema';
import { nextSequence } from '../tickets/queries';
import { contactsOf, listProducts, lookupCustomers } from './queries';

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
    contacts: contacts.filter((c) => c.customer_id === r.id).map((c) => ({ id: c.id, name: c.name, phone: c.phone })),
  }));
}

export async function products(db: Q): Promise<ProductOption[]> {
  const rows = await listProducts(db);
  return rows.map((p) => ({ id: p.id, name: p.name, model: p.model, productLine: p.product_line }));
}
