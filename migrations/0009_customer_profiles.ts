import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app code here, never edit this file once it shipped.
// Customer profiles (tier, owner, address, tags, activity for the lifecycle), contacts'
// roles, merges, purchase orders, the audit log's first entries (merges, imports, exports),
// and data migration: mapping templates, import runs and the source key → new id log that
// makes a re-run create nothing new.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('customers').addColumn('tier', 'text', (c) => c.notNull().defaultTo('normal')).execute();
  await db.schema.alterTable('customers').addColumn('owner_id', 'integer', (c) => c.references('users.id')).execute();
  await db.schema.alterTable('customers').addColumn('email', 'text').execute();
  await db.schema.alterTable('customers').addColumn('city', 'text').execute();
  await db.schema.alterTable('customers').addColumn('district', 'text').execute();
  await db.schema.alterTable('customers').addColumn('street', 'text').execute();
  await db.schema.alterTable('customers').addColumn('note', 'text').execute();
  // The latest request or purchase (or the record's creation): the lifecycle is read off it.
  await db.schema.alterTable('customers').addColumn('last_activity_at', 'integer').execute();
  await db.schema.alterTable('customers').addColumn('merged_into_id', 'integer', (c) => c.references('customers.id')).execute();
  await sql`UPDATE customers SET last_activity_at = max(created_at, coalesce((SELECT max(created_at) FROM tickets t WHERE t.customer_id = customers.id), 0))`.execute(db);
  await db.schema.createIndex('customers_activity').on('customers').columns(['last_activity_at']).execute();
  await db.schema.createIndex('customers_owner').on('customers').columns(['owner_id']).execute();

  await db.schema
    .createTable('customer_tags')
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('customer_tags_pk', ['customer_id', 'tag'])
    .modifyEnd(sql`WITHOUT ROWID`)
    .execute();
  await db.schema.createIndex('customer_tags_tag').on('customer_tags').columns(['tag', 'customer_id']).execute();

  await db.schema.alterTable('contacts').addColumn('role', 'text').execute();
  await db.schema.alterTable('contacts').addColumn('preferred_channel', 'text').execute();

  await db.schema
    .createTable('purchase_orders')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('order_no', 'text', (c) => c.notNull().unique())
    .addColumn('ordered_on', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull().defaultTo('CNY'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('purchase_orders_customer').on('purchase_orders').columns(['customer_id', 'ordered_on']).execute();
  await db.schema
    .createTable('purchase_order_lines')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('order_id', 'integer', (c) => c.notNull().references('purchase_orders.id').onDelete('cascade'))
    .addColumn('product_id', 'integer', (c) => c.references('products.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('unit_price', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('purchase_order_lines_order').on('purchase_order_lines').column('order_id').execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer')
    .addColumn('details', 'text')
    .execute();
  await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity', 'entity_id']).execute();

  await db.schema
    .createTable('import_templates')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addUniqueConstraint('import_templates_name', ['entity', 'name'])
    .execute();
  await db.schema
    .createTable('import_runs')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('started_at', 'integer', (c) => c.notNull())
    .addColumn('finished_at', 'integer')
    .addColumn('outcome', 'text')
    .addColumn('summary', 'text')
    .execute();
  // One row per source record ever imported: a re-run finds its key and creates nothing.
  await db.schema
    .createTable('import_keys')
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('source_key', 'text', (c) => c.notNull())
    .addColumn('target_id', 'integer', (c) => c.notNull())
    .addColumn('run_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_keys_pk', ['entity', 'source_key'])
    .modifyEnd(sql`WITHOUT ROWID`)
    .execute();
  await db.schema.createIndex('import_keys_run').on('import_keys').column('run_id').execute();
}
