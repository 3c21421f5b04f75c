import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app code here, never edit this file once it shipped.
// Service agreements and SLA clocks: business calendars (hours, holidays, make-up working
// days), agreements with targets per priority, the installed base's warranties, per-request
// clocks, escalation rules, notifications and the record of every job run.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calendars')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('all_day', 'integer', (c) => c.notNull().defaultTo(0))
    // JSON: { "1": [{ "start": 540, "end": 720 }, …], … } minutes from local midnight per ISO weekday.
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('make_up_hours', 'text', (c) => c.notNull())
    // 'cn-statutory': the app adds newly shipped years of China's schedule at start.
    .addColumn('source', 'text')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('calendar_days')
    .addColumn('calendar_id', 'integer', (c) => c.notNull().references('calendars.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('calendar_days_pk', ['calendar_id', 'day'])
    .execute();

  await db.schema
    .createTable('agreements')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('calendar_id', 'integer', (c) => c.notNull().references('calendars.id'))
    .addColumn('charging_method', 'text', (c) => c.notNull())
    .addColumn('included_visits', 'integer')
    .addColumn('covered_items', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('terms', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('agreement_targets')
    .addColumn('agreement_id', 'integer', (c) => c.notNull().references('agreements.id').onDelete('cascade'))
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('response_minutes', 'integer', (c) => c.notNull())
    .addColumn('resolution_minutes', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('agreement_targets_pk', ['agreement_id', 'priority'])
    .execute();

  await db.schema.alterTable('customers').addColumn('agreement_id', 'integer', (c) => c.references('agreements.id')).execute();

  // The installed base: a customer's product with its warranty (extended by the customer 360 work).
  await db.schema
    .createTable('assets')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('product_id', 'integer', (c) => c.references('products.id'))
    .addColumn('serial_no', 'text')
    .addColumn('install_date', 'text')
    .addColumn('location', 'text')
    .addColumn('warranty_start', 'text')
    .addColumn('warranty_end', 'text')
    .addColumn('agreement_id', 'integer', (c) => c.references('agreements.id'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assets_customer_product').on('assets').columns(['customer_id', 'product_id']).execute();

  const ticketColumns: [string, 'integer' | 'text', boolean][] = [
    ['agreement_id', 'integer', false],
    // Why the agreement applies: 'warranty', 'customer', 'default' or 'manual'.
    ['sla_basis', 'text', false],
    ['sla_calendar_id', 'integer', false],
    ['sla_started_at', 'integer', false],
    ['response_target_min', 'integer', false],
    ['resolution_target_min', 'integer', false],
    ['response_due_at', 'integer', false],
    ['resolution_due_at', 'integer', false],
    ['responded_at', 'integer', false],
    // Set while the clock stands still (on hold, resolved, closed).
    ['sla_paused_at', 'integer', false],
    // Business time spent standing still, added to every target, in sla_calendar_id's hours.
    ['sla_paused_ms', 'integer', true],
    // The highest share of each target already announced (0, a warning threshold, or 100 = breached).
    ['response_level', 'integer', true],
    ['resolution_level', 'integer', true],
    // Kept forever for reports, even if the request is later recomputed.
    ['response_breached_at', 'integer', false],
    ['resolution_breached_at', 'integer', false],
    // When the SLA check next has something to say about this request (null: nothing).
    ['sla_next_check_at', 'integer', false],
    // The nearest running target's due time (null while the clock stands still).
    ['sla_due_at', 'integer', false],
  ];
  for (const [name, type, zero] of ticketColumns) {
    await db.schema
      .alterTable('tickets')
      .addColumn(name, type, (c) => (zero ? c.notNull().defaultTo(0) : c))
      .execute();
  }
  // The finished pauses as wall-clock [from, to] pairs (JSON), so a change of calendar can
  // measure them again in the new calendar's hours.
  await db.schema
    .alterTable('tickets')
    .addColumn('sla_pauses', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await sql`CREATE INDEX tickets_sla_next_check ON tickets (sla_next_check_at) WHERE sla_next_check_at IS NOT NULL`.execute(db);
  // Running clocks already warned about: the "breaching soon" view, by time left.
  await sql`CREATE INDEX tickets_sla_breaching ON tickets (sla_due_at, id) WHERE sla_due_at IS NOT NULL AND ((response_level > 0 AND responded_at IS NULL) OR resolution_level > 0)`.execute(db);
  // Breached work not yet closed: the "breached" view (closed breaches are for reports).
  await sql`CREATE INDEX tickets_sla_breached ON tickets (id) WHERE (response_breached_at IS NOT NULL OR resolution_breached_at IS NOT NULL) AND status <> 'closed'`.execute(db);

  await db.schema
    .createTable('escalation_rules')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    // 'response', 'resolution' or 'any'.
    .addColumn('on_target', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer')
    .addColumn('agreement_id', 'integer', (c) => c.references('agreements.id'))
    // 'raise_priority', 'reassign' or 'lock'.
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('escalation_rule_engineers')
    .addColumn('rule_id', 'integer', (c) => c.notNull().references('escalation_rules.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('escalation_rule_engineers_pk', ['rule_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('ticket_id', 'integer', (c) => c.references('tickets.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('read_at', 'integer')
    .execute();
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'id']).execute();
  await sql`CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL`.execute(db);

  await db.schema
    .createTable('job_runs')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('started_at', 'integer', (c) => c.notNull())
    .addColumn('finished_at', 'integer')
    // 'ok' or 'failed'.
    .addColumn('outcome', 'text')
    // Set when the run caught up after the machine slept or the app was closed.
    .addColumn('gap_ms', 'integer')
    .addColumn('summary', 'text')
    .addColumn('error', 'text')
    .execute();
  await db.schema.createIndex('job_runs_job').on('job_runs').columns(['job', 'id']).execute();
}
