import type { Kysely } from 'kysely';

// Frozen in time: never import app code here, never edit this file once it shipped.
// Automatic assignment: rules by product line and problem category, each with its
// engineers and a strategy; engineers can be marked unavailable.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('available', 'integer', (c) => c.notNull().defaultTo(1)).execute();

  await db.schema
    .createTable('assignment_rules')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('product_line', 'text')
    .addColumn('problem_category_id', 'integer', (c) => c.references('problem_categories.id'))
    .addColumn('strategy', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('last_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('assignment_rule_engineers')
    .addColumn('rule_id', 'integer', (c) => c.notNull().references('assignment_rules.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('assignment_rule_engineers_pk', ['rule_id', 'user_id'])
    .execute();
}
