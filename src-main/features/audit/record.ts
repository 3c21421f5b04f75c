import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';

type Q = Kysely<DB> | Transaction<DB>;

export interface AuditEntry {
  userId: number | null;
  /** What was done: 'customer.merge', 'import.run', 'export.all', 'export.customer'… */
  action: string;
  entity: string;
  entityId: number | null;
  details?: Record<string, unknown>;
}

/**
 * Appends one entry to the audit log; call it inside the transaction of the change it
 * records, so the change and its record commit together or not at all.
 */
export async function recordAudit(db: Q, at: number, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at,
      user_id: entry.userId,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      details: entry.details === undefined ? null : JSON.stringify(entry.details),
    })
    .execute();
}
