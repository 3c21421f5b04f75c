import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app code here, never edit this file once it shipped.
// Personal data (PIPL): a customer erased on request keeps its records for the statistics
// with the personal fields cleared; closed requests past the retention period lose their
// personal text. A partial index finds the requests still to purge, oldest closed first.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('customers').addColumn('erased_at', 'integer').execute();
  await db.schema.alterTable('tickets').addColumn('personal_purged_at', 'integer').execute();
  await sql`CREATE INDEX tickets_retention ON tickets (closed_at) WHERE personal_purged_at IS NULL AND closed_at IS NOT NULL`.execute(db);
}
