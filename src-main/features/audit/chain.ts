import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

// The audit trail's hash chain: every entry's hash covers the previous entry's hash and the
// entry itself, so changing, removing or reordering an entry breaks every hash after it.
// (Removing the newest entries leaves no later hash to break: backups keep the latest hash.)

/** The "previous hash" of the first entry. */
export const GENESIS = '0'.repeat(64);

export interface ChainedFields {
  at: number;
  user_id: number | null;
  action: string;
  entity: string;
  entity_id: number | null;
  details: string | null;
}

export function entryHash(previous: string, e: ChainedFields): string {
  return createHash('sha256')
    .update(`${previous}\n${JSON.stringify([e.at, e.user_id, e.action, e.entity, e.entity_id, e.details])}`)
    .digest('hex');
}

/**
 * Hashes entries that have none, in order: those written before the chain began (a desk
 * upgraded from a version without it). Runs at start, before anything else writes.
 */
export function sealAuditLog(sqlite: Database.Database): number {
  const unsealed = sqlite.prepare('SELECT id, at, user_id, action, entity, entity_id, details FROM audit_log WHERE hash IS NULL ORDER BY id').all() as (ChainedFields & { id: number })[];
  if (unsealed.length === 0) return 0;
  const before = sqlite.prepare('SELECT hash FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT 1');
  const set = sqlite.prepare('UPDATE audit_log SET hash = ? WHERE id = ?');
  sqlite.transaction(() => {
    let previous = ((before.get(unsealed[0]!.id) as { hash: string | null } | undefined)?.hash ?? GENESIS) as string;
    for (const e of unsealed) {
      previous = entryHash(previous, e);
      set.run(previous, e.id);
    }
  }).immediate();
  return unsealed.length;
}

export interface ChainStretch {
  /** Entries found sound. */
  checked: number;
  /** The first entry whose hash does not follow from the entries before it, or null. */
  brokenAt: number | null;
  /** Where the next stretch starts: the last sound entry and its hash. */
  lastId: number;
  lastHash: string;
}

/** Checks up to `limit` entries after `afterId`, whose hash is `previous`. */
export function checkChain(sqlite: Database.Database, afterId: number, previous: string, limit: number): ChainStretch {
  const rows = sqlite
    .prepare('SELECT id, at, user_id, action, entity, entity_id, details, hash FROM audit_log WHERE id > ? ORDER BY id LIMIT ?')
    .all(afterId, limit) as (ChainedFields & { id: number; hash: string | null })[];
  let checked = 0;
  let lastId = afterId;
  for (const row of rows) {
    const expected = entryHash(previous, row);
    if (row.hash !== expected) return { checked, brokenAt: row.id, lastId, lastHash: previous };
    previous = expected;
    lastId = row.id;
    checked++;
  }
  return { checked, brokenAt: null, lastId, lastHash: previous };
}
