import type { Kysely } from 'kysely';

// Frozen in time: never import app code here, never edit this file once it shipped.
// Account administration: teams, an account's team and data scope (existing accounts keep
// seeing everything), a password to change at next sign-in (set by an administrator), when
// the password last changed, and the team a request was entered by.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('teams')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('users').addColumn('team_id', 'integer', (c) => c.references('teams.id')).execute();
  await db.schema.alterTable('users').addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('users').addColumn('password_changed_at', 'integer').execute();
  await db.schema.alterTable('users').addColumn('data_scope', 'text', (c) => c.notNull().defaultTo('all')).execute();
  await db.schema.alterTable('tickets').addColumn('team_id', 'integer', (c) => c.references('teams.id')).execute();
  await db.schema.createIndex('users_team').on('users').column('team_id').execute();
}
