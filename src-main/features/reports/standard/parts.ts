import { sql } from 'kysely';
import type { ReportCell } from '../../../../src-shared/domain/reports';
import { countIf, num, table, ticketFilter, type ReportContext, type ReportDefinition } from './common';

// Spare parts used in work logs started in the period: quantities and cost (each part at the
// price it was used at, in minor units of the part's currency), split into warranty (the
// work log not chargeable: the desk bears the cost) and chargeable (billed to the customer).
// Money is summed per currency; a totals cell across currencies would mean nothing, so it
// stays empty when more than one currency appears.

function base(ctx: ReportContext) {
  return ctx.db
    .selectFrom('work_log_parts as wp')
    .innerJoin('work_logs as w', 'w.id', 'wp.work_log_id')
    .innerJoin('parts as pt', 'pt.id', 'wp.part_id')
    .innerJoin('tickets as t', 't.id', 'w.ticket_id')
    .leftJoin('products as p', 'p.id', 't.product_id')
    .where('w.started_at', '>=', ctx.start)
    .where('w.started_at', '<', ctx.end)
    .where(ticketFilter(ctx, { agreement: false, priority: false }));
}

const cost = sql<number>`sum(wp.quantity * wp.unit_price)`;
const costIf = (chargeable: 0 | 1) => sql<number>`sum(case when w.chargeable = ${chargeable} then wp.quantity * wp.unit_price else 0 end)`;
const quantityIf = (chargeable: 0 | 1) => sql<number>`sum(case when w.chargeable = ${chargeable} then wp.quantity else 0 end)`;

export const partsReport: ReportDefinition = {
  id: 'parts',
  async query(ctx) {
    const byCharging = await base(ctx)
      .select(['w.chargeable', 'pt.currency', sql<number>`count(DISTINCT w.id)`.as('logs'), sql<number>`sum(wp.quantity)`.as('quantity'), cost.as('cost')])
      .groupBy(['w.chargeable', 'pt.currency'])
      .orderBy('w.chargeable')
      .orderBy('pt.currency')
      .execute();
    const byPart = await base(ctx)
      .select([
        'pt.part_no',
        'pt.name',
        'pt.currency',
        sql<number>`sum(wp.quantity)`.as('quantity'),
        cost.as('cost'),
        quantityIf(0).as('warranty_quantity'),
        costIf(0).as('warranty_cost'),
        quantityIf(1).as('chargeable_quantity'),
        costIf(1).as('chargeable_cost'),
      ])
      .groupBy(['pt.id', 'pt.part_no', 'pt.name', 'pt.currency'])
      .orderBy(cost, 'desc')
      .orderBy('pt.part_no')
      .execute();
    const byLine = await base(ctx)
      .select(['p.product_line', 'pt.currency', sql<number>`sum(wp.quantity)`.as('quantity'), cost.as('cost'), costIf(0).as('warranty_cost'), costIf(1).as('chargeable_cost')])
      .groupBy(['p.product_line', 'pt.currency'])
      .orderBy(cost, 'desc')
      .orderBy('p.product_line')
      .execute();
    const all = (await base(ctx)
      .select([
        sql<number>`count(DISTINCT w.id)`.as('logs'),
        sql<number | null>`sum(wp.quantity)`.as('quantity'),
        countIf(sql`1 = 1`).as('lines'),
        sql<number>`count(DISTINCT pt.currency)`.as('currencies'),
        sql<string | null>`min(pt.currency)`.as('currency'),
        cost.as('cost'),
        quantityIf(0).as('warranty_quantity'),
        costIf(0).as('warranty_cost'),
        quantityIf(1).as('chargeable_quantity'),
        costIf(1).as('chargeable_cost'),
      ])
      .executeTakeFirst())!;
    // Money adds up only within one currency.
    const one = num(all.currencies) <= 1;
    const money = (v: unknown): ReportCell => (one && num(all.lines) > 0 ? num(v) : null);
    const currency = one ? (all.currency ?? null) : null;
    return {
      figures: { quantity: num(all.quantity), cost: money(all.cost), chargeableCost: money(all.chargeable_cost) },
      tables: [
        table(
          'byCharging',
          byCharging.map((r) => [r.chargeable ? 'chargeable' : 'warranty', num(r.logs), num(r.quantity), num(r.cost), r.currency]),
          [null, num(all.logs), num(all.quantity), money(all.cost), currency],
        ),
        table(
          'byPart',
          byPart.map((r) => [r.part_no, r.name, num(r.quantity), num(r.cost), num(r.warranty_quantity), num(r.warranty_cost), num(r.chargeable_quantity), num(r.chargeable_cost), r.currency]),
          [null, null, num(all.quantity), money(all.cost), num(all.warranty_quantity), money(all.warranty_cost), num(all.chargeable_quantity), money(all.chargeable_cost), currency],
        ),
        table(
          'byProductLine',
          byLine.map((r) => [r.product_line, num(r.quantity), num(r.cost), num(r.warranty_cost), num(r.chargeable_cost), r.currency]),
          [null, num(all.quantity), money(all.cost), money(all.warranty_cost), money(all.chargeable_cost), currency],
        ),
      ],
    };
  },
};
