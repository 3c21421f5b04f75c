import { sql } from 'kysely';
import { fieldError } from '../../../src-shared/errors';
import type { CoreDeps } from '../../core/context';
import { recordAudit } from '../audit/record';
import { reindexTickets } from '../search/ticketIndex';

export interface MergeResult {
  intoId: number;
  moved: { requests: number; contacts: number; assets: number; orders: number };
}

/**
 * Merges customer `fromId` into `intoId` in one transaction: every request, contact,
 * installed product, order and tag moves; the surviving profile takes what it lacked (phone,
 * email, address, owner, agreement, note); `fromId` stays as a pointer (merged_into_id) so old
 * links and imports that knew it still land on the right customer; the audit log keeps the
 * merged record as it was and what moved.
 */
export async function mergeCustomers(deps: CoreDeps, fromId: number, intoId: number, userId: number): Promise<MergeResult> {
  const { db, sqlite, clock } = deps;
  const now = clock.now();
  const result = await db.transaction().execute(async (trx) => {
    const from = await trx.selectFrom('customers').selectAll().where('id', '=', fromId).executeTakeFirst();
    const into = await trx.selectFrom('customers').selectAll().where('id', '=', intoId).executeTakeFirst();
    if (!from || from.merged_into_id !== null) throw fieldError('fromId', 'notFound');
    if (!into || into.merged_into_id !== null) throw fieldError('intoId', 'notFound');
    // The survivor would take the merged record's phone, email and address: an erased customer takes none.
    if (into.erased_at !== null) throw fieldError('intoId', 'erased');

    const ticketIds = (await trx.selectFrom('tickets').select('id').where('customer_id', '=', fromId).execute()).map((t) => t.id);
    await trx.updateTable('tickets').set({ customer_id: intoId, updated_at: now }).where('customer_id', '=', fromId).execute();
    const count = async (table: 'contacts' | 'assets' | 'purchase_orders') =>
      Number((await trx.updateTable(table).set({ customer_id: intoId }).where('customer_id', '=', fromId).executeTakeFirst()).numUpdatedRows);
    const moved = { requests: ticketIds.length, contacts: await count('contacts'), assets: await count('assets'), orders: await count('purchase_orders') };
    await sql`INSERT OR IGNORE INTO customer_tags (customer_id, tag) SELECT ${intoId}, tag FROM customer_tags WHERE customer_id = ${fromId}`.execute(trx);
    await trx.deleteFrom('customer_tags').where('customer_id', '=', fromId).execute();
    // A re-import of the merged record's source row finds the survivor, not a new customer.
    await trx.updateTable('import_keys').set({ target_id: intoId }).where('entity', '=', 'customers').where('target_id', '=', fromId).execute();
    await trx.updateTable('customers').set({ merged_into_id: intoId }).where('merged_into_id', '=', fromId).execute();

    const note = [into.note, from.note].filter(Boolean).join('\n') || null;
    await trx
      .updateTable('customers')
      .set({
        phone: into.phone ?? from.phone,
        email: into.email ?? from.email,
        province: into.province ?? from.province,
        city: into.city ?? from.city,
        district: into.district ?? from.district,
        street: into.street ?? from.street,
        owner_id: into.owner_id ?? from.owner_id,
        agreement_id: into.agreement_id ?? from.agreement_id,
        note: note && note.length > 2000 ? note.slice(0, 2000) : note,
        last_activity_at: Math.max(into.last_activity_at ?? into.created_at, from.last_activity_at ?? from.created_at),
      })
      .where('id', '=', intoId)
      .execute();
    await trx.updateTable('customers').set({ merged_into_id: intoId }).where('id', '=', fromId).execute();
    // Search finds the moved requests by the survivor's name and phone, and the survivor's
    // own requests by the phone it may have taken from the merged record.
    const all = await trx.selectFrom('tickets').select('id').where('customer_id', '=', intoId).execute();
    reindexTickets(
      sqlite,
      all.map((t) => t.id),
    );
    await recordAudit(trx, now, {
      userId,
      action: 'customer.merge',
      entity: 'customer',
      entityId: intoId,
      details: { merged: from, moved, requestIds: ticketIds },
    });
    return { intoId, moved, ticketIds };
  });
  if (result.ticketIds.length > 0) deps.events.emit('tickets.changed', { ids: result.ticketIds });
  deps.events.emit('customers.changed', { ids: [fromId, intoId] });
  return { intoId: result.intoId, moved: result.moved };
}
