import type { Part } from '../../../src-shared/contract';
import { AppError } from '../../../src-shared/errors';
import type { CoreDeps } from '../../core/context';
import type { PartsTable } from '../../db/schema';
import type { Selectable } from 'kysely';
import { findPartByNo, listParts } from './queries';

function toPart(row: Selectable<PartsTable>): Part {
  return { id: row.id, partNo: row.part_no, name: row.name, unitPrice: row.unit_price, currency: row.currency, active: row.active === 1 };
}

export function createPartsService(deps: CoreDeps) {
  const { db, clock } = deps;
  return {
    list: async (includeInactive: boolean) => (await listParts(db, includeInactive)).map(toPart),

    /** Part numbers are unique; prices are minor units. Retired parts stay for old work logs. */
    save: (input: { id?: number; partNo: string; name: string; unitPrice: number; active: boolean }) =>
      db.transaction().execute(async (trx) => {
        const clash = await findPartByNo(trx, input.partNo);
        if (clash && clash.id !== input.id) {
          throw new AppError('CONFLICT', 'Part number already exists', { fields: [{ path: 'partNo', code: 'taken', message: 'taken' }] });
        }
        const values = { part_no: input.partNo, name: input.name, unit_price: input.unitPrice, active: input.active ? 1 : 0 };
        const row =
          input.id === undefined
            ? await trx.insertInto('parts').values({ ...values, currency: 'CNY', created_at: clock.now() }).returningAll().executeTakeFirstOrThrow()
            : await trx.updateTable('parts').set(values).where('id', '=', input.id).returningAll().executeTakeFirst();
        if (!row) throw new AppError('NOT_FOUND', `Part ${input.id} not found`);
        return toPart(row);
      }),
  };
}
