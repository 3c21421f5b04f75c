import type Database from 'better-sqlite3';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { entryHash, GENESIS, type ChainedFields } from './chain';

type Q = Kysely<DB> | Transaction<DB>;

export interface AuditEntry {
  userId: number | null;
  /** What was done: 'customer.merge', 'import.run', 'export.all', 'user.create', 'auth.signIn'… */
  action: string;
  entity: string;
  entityId: number | null;
  /** For changes: { before, after } of the fields that changed. Never passwords. */
  details?: Record<string, unknown>;
}

function fields(at: number, entry: AuditEntry): ChainedFields {
  return {
    at,
    user_id: entry.userId,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    details: entry.details === undefined ? null : JSON.stringify(entry.details),
  };
}

/**
 * Appends one entry to the audit trail, chained to the one before (chain.ts). Call it inside
 * the transaction of the change it records, so the change and its record commit together;
 * outside one it opens its own, so no other writer slips an entry between the read of the
 * last hash and the append.
 */
export async function recordAudit(db: Q, at: number, entry: AuditEntry): Promise<void> {
  const append = async (trx: Q) => {
    const last = await trx.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
    const row = fields(at, entry);
    await trx
      .insertInto('audit_log')
      .values({ ...row, hash: entryHash(last?.hash ?? GENESIS, row) })
      .execute();
  };
  if (db.isTransaction) await append(db);
  else await db.transaction().execute(append);
}

/** The same for plain better-sqlite3 code (worker threads): call it inside the work's transaction. */
export function appendAudit(sqlite: Database.Database, at: number, entry: AuditEntry): void {
  const append = () => {
    const last = sqlite.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string | null } | undefined;
    const row = fields(at, entry);
    sqlite
      .prepare('INSERT INTO audit_log (at, user_id, action, entity, entity_id, details, hash) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(row.at, row.user_id, row.action, row.entity, row.entity_id, row.details, entryHash(last?.hash ?? GENESIS, row));
  };
  if (sqlite.inTransaction) append();
  else sqlite.transaction(append).immediate();
}
