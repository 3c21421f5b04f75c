import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app code here, never edit this file once it shipped.
// Complaints: a request type with its own handling — severity, the party complained
// about, a service manager's acknowledgement, root cause and corrective action.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('complaints')
    .addColumn('ticket_id', 'integer', (c) => c.primaryKey().references('tickets.id'))
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('party_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('acknowledged_by', 'integer', (c) => c.references('users.id'))
    .addColumn('acknowledged_at', 'integer')
    .addColumn('root_cause', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('corrective_action', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('complaints_party_user').on('complaints').column('party_user_id').execute();

  // Merged duplicates point at the request that carries on.
  await db.schema.alterTable('tickets').addColumn('merged_into', 'integer', (c) => c.references('tickets.id')).execute();
  // "Duplicates merged into this request" on every detail page: a tiny partial index.
  await sql`CREATE INDEX tickets_merged_into ON tickets (merged_into) WHERE merged_into IS NOT NULL`.execute(db);
}
