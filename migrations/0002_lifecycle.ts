import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app code here, never edit this file once it shipped.
// The closed-loop lifecycle: versions for optimistic concurrency, attempts and locks,
// problem categories with occurrence counts, the spare parts catalog, work logs and
// follow-up visits.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('problem_categories')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  const categories: [string, string, string][] = [
    ['fault', '设备故障', 'Equipment fault'],
    ['noise_leak', '异响 / 渗漏', 'Noise or leak'],
    ['performance', '性能下降', 'Poor performance'],
    ['install', '安装调试', 'Installation and commissioning'],
    ['usage', '使用咨询', 'Usage question'],
    ['parts', '配件 / 耗材', 'Parts and consumables'],
    ['maintenance', '保养维护', 'Maintenance'],
    ['billing', '费用 / 退款', 'Billing or refund'],
    ['other', '其他', 'Other'],
  ];
  for (const [code, zh, en] of categories) {
    await sql`INSERT INTO problem_categories (code, name_zh, name_en) VALUES (${code}, ${zh}, ${en})`.execute(db);
  }

  await db.schema.alterTable('tickets').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable('tickets').addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('tickets').addColumn('lock_reason', 'text').execute();
  await db.schema.alterTable('tickets').addColumn('hold_reason', 'text').execute();
  await db.schema.alterTable('tickets').addColumn('problem_category_id', 'integer', (c) => c.references('problem_categories.id')).execute();
  await db.schema.alterTable('tickets').addColumn('analysis', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('tickets').addColumn('resolved_at', 'integer').execute();
  await db.schema.alterTable('tickets').addColumn('closed_at', 'integer').execute();

  await db.schema.alterTable('ticket_events').addColumn('details', 'text').execute();

  // Occurrence counts of (product, problem category), raised on every request entered.
  // product_id 0 stands for "no product named" so the key stays a plain primary key.
  await db.schema
    .createTable('problem_occurrences')
    .addColumn('product_id', 'integer', (c) => c.notNull())
    .addColumn('problem_category_id', 'integer', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('problem_occurrences_pk', ['product_id', 'problem_category_id'])
    .execute();

  await db.schema
    .createTable('parts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('part_no', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit_price', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull().defaultTo('CNY'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('work_logs')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
    .addColumn('engineer_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('started_at', 'integer', (c) => c.notNull())
    .addColumn('ended_at', 'integer', (c) => c.notNull())
    .addColumn('work_minutes', 'integer', (c) => c.notNull())
    .addColumn('labour_fee', 'integer', (c) => c.notNull())
    .addColumn('travel_fee', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull().defaultTo('CNY'))
    .addColumn('chargeable', 'integer', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('work_logs_ticket').on('work_logs').columns(['ticket_id', 'started_at']).execute();
  await db.schema.createIndex('work_logs_engineer').on('work_logs').columns(['engineer_id', 'started_at']).execute();

  await db.schema
    .createTable('work_log_parts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('work_log_id', 'integer', (c) => c.notNull().references('work_logs.id'))
    .addColumn('part_id', 'integer', (c) => c.notNull().references('parts.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('unit_price', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('work_log_parts_log').on('work_log_parts').column('work_log_id').execute();

  await db.schema
    .createTable('follow_ups')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
    .addColumn('agent_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('at', 'integer', (c) => c.notNull())
    .addColumn('satisfaction', 'integer', (c) => c.notNull())
    .addColumn('satisfied', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('follow_ups_ticket').on('follow_ups').column('ticket_id').execute();
}
