import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { recomputeSelect, ROLLUP_FACTS, ROLLUP_KEYS } from './facts';

type Q = Kysely<DB> | Transaction<DB>;

// The repair: the rollups recomputed from the raw tables. First the columns the triggers
// keep on each request (dimensions copied from its customer and product, its reopen count,
// its latest satisfaction) are set again where they drifted; then every rollup row is
// replaced by the sum of every request's contribution. Call it inside one transaction.

const DIMS_DIFFER = `dim_tier IS NOT (SELECT c.tier FROM customers c WHERE c.id = tickets.customer_id)
  OR dim_province IS NOT (SELECT c.province FROM customers c WHERE c.id = tickets.customer_id)
  OR dim_product_line IS NOT (SELECT p.product_line FROM products p WHERE p.id = tickets.product_id)`;

const REOPENS = `(SELECT count(*) FROM ticket_events e WHERE e.ticket_id = tickets.id AND e.kind = 'reopen')`;
const LATEST_SCORE = `(SELECT f.satisfaction FROM follow_ups f WHERE f.ticket_id = tickets.id ORDER BY f.at DESC, f.id DESC LIMIT 1)`;
const LATEST_AT = `(SELECT max(f.at) FROM follow_ups f WHERE f.ticket_id = tickets.id)`;

export async function rebuildRollups(trx: Q): Promise<{ rows: number; tickets: number }> {
  await sql
    .raw(
      `UPDATE tickets SET dim_tier = (SELECT c.tier FROM customers c WHERE c.id = tickets.customer_id),
        dim_province = (SELECT c.province FROM customers c WHERE c.id = tickets.customer_id),
        dim_product_line = (SELECT p.product_line FROM products p WHERE p.id = tickets.product_id)
      WHERE ${DIMS_DIFFER}`,
    )
    .execute(trx);
  await sql.raw(`UPDATE tickets SET reopen_count = ${REOPENS} WHERE reopen_count IS NOT ${REOPENS}`).execute(trx);
  await sql.raw(`UPDATE tickets SET csat_score = ${LATEST_SCORE}, csat_at = ${LATEST_AT} WHERE csat_at IS NOT ${LATEST_AT} OR csat_score IS NOT ${LATEST_SCORE}`).execute(trx);
  await sql`DELETE FROM dashboard_rollups`.execute(trx);
  await sql.raw(`INSERT INTO dashboard_rollups (${ROLLUP_KEYS.join(', ')}, ${ROLLUP_FACTS.join(', ')}) ${recomputeSelect()}`).execute(trx);
  const rows = await trx.selectFrom('dashboard_rollups').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const tickets = await trx.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows: Number(rows.n), tickets: Number(tickets.n) };
}

/** What the rollups should hold, row by row (for tests and the consistency check). */
export async function recomputedRows(db: Q): Promise<Record<string, number | string>[]> {
  const { rows } = await sql.raw<Record<string, number | string>>(`${recomputeSelect()} ORDER BY ${ROLLUP_KEYS.join(', ')}`).execute(db);
  return rows;
}

/** The rollups as kept, without rows whose every figure went back to zero. */
export async function storedRows(db: Q): Promise<Record<string, number | string>[]> {
  const { rows } = await sql
    .raw<Record<string, number | string>>(
      `SELECT ${ROLLUP_KEYS.join(', ')}, ${ROLLUP_FACTS.join(', ')} FROM dashboard_rollups WHERE ${ROLLUP_FACTS.map((f) => `${f} <> 0`).join(' OR ')} ORDER BY ${ROLLUP_KEYS.join(', ')}`,
    )
    .execute(db);
  return rows;
}
