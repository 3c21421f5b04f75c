import type { Kysely } from 'kysely';

// Frozen in time: never import app code here, never edit this file once it shipped.
// The possible-duplicate check looks customers up by a contact's phone as well as their own.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('contacts_phone').on('contacts').column('phone').execute();
}
