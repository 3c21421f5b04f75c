import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app code here, never edit this file once it shipped.
// Customer records: the possible-duplicate check looks customers up by a contact's phone as
// well as their own, and one serial number names one unit of a model in the installed base.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('contacts_phone').on('contacts').column('phone').execute();
  await sql`CREATE UNIQUE INDEX assets_product_serial ON assets (product_id, serial_no) WHERE product_id IS NOT NULL AND serial_no IS NOT NULL`.execute(db);
}
