import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { getSettings, putSetting } from '../settings/queries';

// A calendar edit or new warning thresholds change when open requests are due. The change
// marks the clocks stale in its own transaction; once it has committed they are measured
// again in batches (reschedule.ts). Should the app stop half-way, the mark survives and the
// next start finishes the job, so no clock stays on the old calendar.

const STALE = 'slaClocksStale';

/** Inside the change's transaction. */
export function markClocksStale(trx: Kysely<DB> | Transaction<DB>): Promise<unknown> {
  return putSetting(trx, STALE, '1');
}

export function clearClocksStale(db: Kysely<DB>): Promise<unknown> {
  return putSetting(db, STALE, '');
}

export async function clocksStale(db: Kysely<DB>): Promise<boolean> {
  return (await getSettings(db))[STALE] === '1';
}
