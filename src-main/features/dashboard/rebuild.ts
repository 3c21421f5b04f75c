import type Database from 'better-sqlite3';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { OPEN_GATE, type WorkerGate } from '../../db/writeGate';
import { writeDeskDays } from './days';
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

/**
 * The repair, on a raw connection: a worker thread runs it (a million requests take about
 * 20 s, which the main thread's event loop must never wait through). Call it inside one
 * transaction.
 */
export function rebuildRollups(sqlite: Database.Database): { rows: number; tickets: number } {
  sqlite.exec(
    `UPDATE tickets SET dim_tier = (SELECT c.tier FROM customers c WHERE c.id = tickets.customer_id),
      dim_province = (SELECT c.province FROM customers c WHERE c.id = tickets.customer_id),
      dim_product_line = (SELECT p.product_line FROM products p WHERE p.id = tickets.product_id)
    WHERE ${DIMS_DIFFER}`,
  );
  sqlite.exec(`UPDATE tickets SET reopen_count = ${REOPENS} WHERE reopen_count IS NOT ${REOPENS}`);
  sqlite.exec(`UPDATE tickets SET csat_score = ${LATEST_SCORE}, csat_at = ${LATEST_AT} WHERE csat_at IS NOT ${LATEST_AT} OR csat_score IS NOT ${LATEST_SCORE}`);
  sqlite.exec('DELETE FROM dashboard_rollups');
  sqlite.exec(`INSERT INTO dashboard_rollups (${ROLLUP_KEYS.join(', ')}, ${ROLLUP_FACTS.join(', ')}) ${recomputeSelect()}`);
  const count = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { rows: count('dashboard_rollups'), tickets: count('tickets') };
}

export interface RebuildSpec {
  /** The desk's time zone now: the days are cut again first if the rollups were cut in another. */
  timeZone: string;
  now: number;
}

export interface RebuildResult {
  rows: number;
  tickets: number;
  ms: number;
}

/**
 * The worker task (workers/tasks.ts): days for the desk's zone, then every rollup, in one
 * transaction that waits for and then holds the write gate, so the main thread's writes
 * await it without stopping its event loop.
 */
export function runDashboardRebuild(sqlite: Database.Database, spec: RebuildSpec, gate: WorkerGate = OPEN_GATE): RebuildResult {
  const started = performance.now();
  gate.enter();
  try {
    const counts = sqlite
      .transaction(() => {
        const zone = (sqlite.prepare('SELECT time_zone FROM dashboard_state WHERE id = 1').get() as { time_zone: string | null } | undefined)?.time_zone ?? null;
        if (zone !== spec.timeZone) writeDeskDays(sqlite, spec.timeZone);
        const result = rebuildRollups(sqlite);
        sqlite.prepare('UPDATE dashboard_state SET rebuilt_at = ? WHERE id = 1').run(spec.now);
        return result;
      })
      .immediate();
    return { ...counts, ms: Math.round(performance.now() - started) };
  } finally {
    gate.leave();
  }
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
