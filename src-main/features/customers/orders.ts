import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { PurchaseOrder } from '../../../src-shared/contract';
import type { saveOrderInput } from '../../../src-shared/contract/customers';
import { parseDateTime } from '../../../src-shared/domain/cleaning';
import { AppError, fieldError } from '../../../src-shared/errors';
import { touchActivity } from './queries';
import type { DB } from '../../db/schema';

type Q = Kysely<DB> | Transaction<DB>;

/** Purchase orders (one customer's, or some by id), newest first, with their lines. */
export async function loadOrders(db: Q, which: { customerId: number } | { ids: number[] }): Promise<PurchaseOrder[]> {
  let q = db.selectFrom('purchase_orders').selectAll();
  if ('customerId' in which) q = q.where('customer_id', '=', which.customerId);
  else if (which.ids.length === 0) return [];
  else q = q.where('id', 'in', which.ids);
  const orders = await q.orderBy('ordered_on', 'desc').orderBy('id', 'desc').execute();
  if (orders.length === 0) return [];
  const lines = await db
    .selectFrom('purchase_order_lines as l')
    .leftJoin('products as p', 'p.id', 'l.product_id')
    .select(['l.id', 'l.order_id', 'l.description', 'l.quantity', 'l.unit_price', 'p.id as product_id', 'p.name as product_name', 'p.model'])
    .where(
      'l.order_id',
      'in',
      orders.map((o) => o.id),
    )
    .orderBy('l.id')
    .execute();
  return orders.map((o) => {
    const own = lines.filter((l) => l.order_id === o.id);
    return {
      id: o.id,
      orderNo: o.order_no,
      orderedOn: o.ordered_on,
      source: o.source === 'erp' ? 'erp' : 'manual',
      currency: o.currency,
      note: o.note,
      total: own.reduce((sum, l) => sum + l.quantity * l.unit_price, 0),
      lines: own.map((l) => ({
        id: l.id,
        product: l.product_id !== null ? { id: l.product_id, name: l.product_name ?? '', model: l.model ?? '' } : null,
        description: l.description,
        quantity: l.quantity,
        unitPrice: l.unit_price,
      })),
    };
  });
}

/** Noon of the order day at the desk: a day's activity without pretending to know the hour. */
export function orderDayInstant(day: string, timeZone: string): number {
  return parseDateTime(`${day} 12:00`, false, timeZone) ?? Date.parse(`${day}T12:00:00Z`);
}

/** Enters or edits a purchase order with its lines (replaced whole); order numbers are unique. */
export async function saveOrder(db: Q, input: z.output<typeof saveOrderInput>, now: number, timeZone: string): Promise<PurchaseOrder> {
  const customer = await db.selectFrom('customers').select(['id', 'merged_into_id']).where('id', '=', input.customerId).executeTakeFirst();
  if (!customer || customer.merged_into_id !== null) throw fieldError('customerId', 'notFound');
  const clash = await db.selectFrom('purchase_orders').select('id').where('order_no', '=', input.orderNo).executeTakeFirst();
  if (clash && clash.id !== input.id) throw fieldError('orderNo', 'taken');
  const productIds = [...new Set(input.lines.flatMap((l) => (l.productId === null ? [] : [l.productId])))];
  const known = productIds.length ? await db.selectFrom('products').select(['id', 'name']).where('id', 'in', productIds).execute() : [];
  for (const [i, line] of input.lines.entries()) {
    if (line.productId !== null && !known.some((p) => p.id === line.productId)) throw fieldError(`lines.${i}.productId`, 'notFound');
  }
  const values = { customer_id: input.customerId, order_no: input.orderNo, ordered_on: input.orderedOn, note: input.note };
  let id: number;
  if (input.id === undefined) {
    id = (await db.insertInto('purchase_orders').values({ ...values, source: 'manual', created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
  } else {
    // An order stays with its customer: editing it under another is refused as not found.
    const updated = await db
      .updateTable('purchase_orders')
      .set(values)
      .where('id', '=', input.id)
      .where('customer_id', '=', input.customerId)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw new AppError('NOT_FOUND', `Order ${input.id} not found`);
    id = updated.id;
    await db.deleteFrom('purchase_order_lines').where('order_id', '=', id).execute();
  }
  await db
    .insertInto('purchase_order_lines')
    .values(
      input.lines.map((l) => ({
        order_id: id,
        product_id: l.productId,
        // A line for a catalog product reads as the product unless the desk wrote something.
        description: l.description || (known.find((p) => p.id === l.productId)?.name ?? ''),
        quantity: l.quantity,
        unit_price: l.unitPrice,
      })),
    )
    .execute();
  // An order dated today counts from now, not from a noon still to come.
  await touchActivity(db, input.customerId, Math.min(orderDayInstant(input.orderedOn, timeZone), now));
  const [order] = await loadOrders(db, { ids: [id] });
  if (!order) throw new Error(`Order ${id} vanished`);
  return order;
}

/** Removes an order with its lines; returns whose it was. */
export async function removeOrder(db: Q, id: number): Promise<number> {
  await db.deleteFrom('purchase_order_lines').where('order_id', '=', id).execute();
  const removed = await db.deleteFrom('purchase_orders').where('id', '=', id).returning('customer_id').executeTakeFirst();
  if (!removed) throw new AppError('NOT_FOUND', `Order ${id} not found`);
  return removed.customer_id;
}
