import type { Kysely } from 'kysely';

// Frozen in time: never import app code here, never edit this file once it shipped.
// Routing by region: a customer's province, and an assignment rule's region.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('customers').addColumn('province', 'text').execute();
  await db.schema.alterTable('assignment_rules').addColumn('region', 'text').execute();
}
