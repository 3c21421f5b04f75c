import type { z } from 'zod';
import type { CustomerAsset } from '../../../src-shared/contract';
import type { saveAssetInput } from '../../../src-shared/contract/customers';
import { AppError, fieldError } from '../../../src-shared/errors';
import type { CoreDeps } from '../../core/context';
import { deskToday } from '../settings/queries';
import { loadAssets } from './customer360';

/**
 * The installed base: products a customer owns, with serial number, place and warranty. A
 * product under warranty brings its warranty's service agreement to the customer's requests
 * about it (sla/agreements.ts resolveAgreement).
 */
export function createAssetService(deps: CoreDeps) {
  const { db, clock } = deps;

  /**
   * `mayChooseAgreement`: whether the caller may set SLA terms (sla.manage). A warranty's
   * agreement decides the terms of every request about the unit, so choosing one is the
   * agreement admins' call; anyone else keeps what the unit has (none on a new one).
   */
  async function save(input: z.output<typeof saveAssetInput>, mayChooseAgreement: boolean): Promise<CustomerAsset> {
    const now = clock.now();
    const id = await db.transaction().execute(async (trx) => {
      const current = input.id === undefined ? undefined : await trx.selectFrom('assets').select('agreement_id').where('id', '=', input.id).executeTakeFirst();
      if (!mayChooseAgreement && input.agreementId !== (current?.agreement_id ?? null)) {
        throw new AppError('FORBIDDEN', "Only those who manage service agreements set a warranty's agreement", { reason: 'agreement' });
      }
      if (!(await trx.selectFrom('customers').select('id').where('id', '=', input.customerId).executeTakeFirst())) throw fieldError('customerId', 'notFound');
      if (input.productId !== null && !(await trx.selectFrom('products').select('id').where('id', '=', input.productId).executeTakeFirst())) {
        throw fieldError('productId', 'notFound');
      }
      if (input.agreementId !== null) {
        const agreement = await trx.selectFrom('agreements').select('active').where('id', '=', input.agreementId).executeTakeFirst();
        if (!agreement) throw fieldError('agreementId', 'notFound');
        // An agreement switched off is kept by the products that have it, but given to no new one.
        if (agreement.active !== 1 && current?.agreement_id !== input.agreementId) throw fieldError('agreementId', 'notInForce');
      }
      // One serial number names one unit of a model: the same unit twice is a typing mistake
      // (a unique index, migration 0008, stands behind this check).
      if (input.serialNo !== '' && input.productId !== null) {
        const same = await trx
          .selectFrom('assets')
          .select('id')
          .where('product_id', '=', input.productId)
          .where('serial_no', '=', input.serialNo)
          .executeTakeFirst();
        if (same && same.id !== input.id) throw fieldError('serialNo', 'taken');
      }
      const values = {
        customer_id: input.customerId,
        product_id: input.productId,
        serial_no: input.serialNo || null,
        install_date: input.installDate,
        location: input.location || null,
        warranty_start: input.warrantyStart,
        warranty_end: input.warrantyEnd,
        agreement_id: input.agreementId,
      };
      if (input.id === undefined) return (await trx.insertInto('assets').values({ ...values, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
      const updated = await trx.updateTable('assets').set(values).where('id', '=', input.id).where('customer_id', '=', input.customerId).returning('id').executeTakeFirst();
      if (!updated) throw new AppError('NOT_FOUND', `Asset ${input.id} not found`);
      return updated.id;
    });
    const [asset] = await loadAssets(db, { id }, await deskToday(db, now));
    return asset!;
  }

  async function remove(id: number): Promise<null> {
    const removed = await db.deleteFrom('assets').where('id', '=', id).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw new AppError('NOT_FOUND', `Asset ${id} not found`);
    return null;
  }

  return { save, remove };
}
