import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app code here, never edit this file once it shipped.
// The audit trail becomes tamper-evident and append-only: each entry carries a hash over the
// previous entry's hash and its own content (entries written before this step are hashed
// by the app at its next start), and triggers refuse to change or delete an entry once
// hashed. Indexes serve the administrators' search by person, action and time.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('hash', 'text').execute();
  await db.schema.createIndex('audit_log_user').on('audit_log').columns(['user_id', 'id']).execute();
  await db.schema.createIndex('audit_log_action').on('audit_log').columns(['action', 'id']).execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'id']).execute();
  await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log WHEN OLD.hash IS NOT NULL
            BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END`.execute(db);
  await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END`.execute(db);
}
