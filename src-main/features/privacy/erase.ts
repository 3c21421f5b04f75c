import type { SessionUser } from '../../../src-shared/contract';
import { AppError } from '../../../src-shared/errors';
import type { CoreDeps } from '../../core/context';
import { recordAudit } from '../audit/record';
import { removeFiles, scrubRequests } from './scrub';

export interface ErasureResult {
  customerId: number;
  requests: number;
  contacts: number;
}

/**
 * A customer's right to erasure (PIPL art. 47): every personal field of the customer, of
 * the records merged into it, of their contacts, installed products' locations, orders'
 * notes and their requests' personal text is cleared in one transaction, and search
 * forgets them. The records stay, numbered, so the counts and figures do not change; the
 * customer's name becomes its number. Audited with the counts (never the data erased).
 */
export async function eraseCustomer(deps: CoreDeps, actor: SessionUser, customerId: number, reason: string): Promise<ErasureResult> {
  const { db, clock, events } = deps;
  const now = clock.now();
  const { result, files } = await db.transaction().execute(async (trx) => {
    const customer = await trx.selectFrom('customers').select(['id', 'merged_into_id', 'erased_at']).where('id', '=', customerId).executeTakeFirst();
    if (!customer) throw new AppError('NOT_FOUND', `Customer ${customerId} not found`);
    // A merged record lives on in its survivor: erase that one (which takes this one along).
    if (customer.merged_into_id !== null) throw new AppError('CONFLICT', 'Erase the customer it was merged into', { reason: 'merged', intoId: customer.merged_into_id });
    const merged = await trx.selectFrom('customers').select('id').where('merged_into_id', '=', customerId).execute();
    const ids = [customerId, ...merged.map((m) => m.id)];
    const requests = (await trx.selectFrom('tickets').select('id').where('customer_id', 'in', ids).execute()).map((t) => t.id);
    // Search terms carry the customer's name and phone: clear them before re-indexing.
    await trx
      .updateTable('customers')
      .set((eb) => ({ name: eb.ref('customer_no'), phone: null, email: null, city: null, district: null, street: null, note: null, erased_at: now }))
      .where('id', 'in', ids)
      .execute();
    await trx.deleteFrom('customer_tags').where('customer_id', 'in', ids).execute();
    const contacts = await trx.updateTable('contacts').set({ name: '', phone: null, email: null, role: null }).where('customer_id', 'in', ids).executeTakeFirst();
    await trx.updateTable('assets').set({ location: null }).where('customer_id', 'in', ids).execute();
    await trx.updateTable('purchase_orders').set({ note: null }).where('customer_id', 'in', ids).execute();
    const freed = await scrubRequests(trx, deps, requests, now);
    const counts = { customerId, requests: requests.length, contacts: Number(contacts.numUpdatedRows) };
    await recordAudit(trx, now, { userId: actor.id, action: 'customer.erase', entity: 'customer', entityId: customerId, details: { reason, merged: merged.length, ...counts } });
    return { result: counts, files: freed };
  });
  removeFiles(deps, files);
  events.emit('customers.changed', { ids: [customerId] });
  events.emit('tickets.changed', { ids: [] });
  return result;
}
