import type { Kysely } from 'kysely';

// Frozen in time: never import app code here, never edit this file once it shipped.
// Scheduled reports: a supervisor's schedule (which report, its filters, a period relative
// to the run, the format, the folder, a cron expression read in the desk's time zone) and
// every run with its outcome. next_run_at is the slot the minute job waits for; it moves
// on in the same transaction that records a run, so a slot is run once whatever happens.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_schedules')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('report', 'text', (c) => c.notNull())
    // JSON: the report's filters, without the period.
    .addColumn('filters', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('folder', 'text', (c) => c.notNull())
    .addColumn('cron', 'text', (c) => c.notNull())
    // JSON: the report's words in the language of whoever saved it (the files speak it).
    .addColumn('words', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('paused', 'integer', (c) => c.notNull().defaultTo(0))
    // Null while paused; computed in time_zone (recomputed when the desk's zone changes).
    .addColumn('next_run_at', 'integer')
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_schedules_due').on('report_schedules').columns(['paused', 'next_run_at']).execute();

  await db.schema
    .createTable('report_schedule_runs')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('schedule_id', 'integer', (c) => c.notNull().references('report_schedules.id').onDelete('cascade'))
    // 'scheduled' or 'manual'.
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('slot_at', 'integer')
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('started_at', 'integer', (c) => c.notNull())
    .addColumn('finished_at', 'integer')
    // 'ok' or 'failed'; null while running.
    .addColumn('outcome', 'text')
    // A reason code (folderMissing, folderUnwritable, diskFull, interrupted, internal).
    .addColumn('error', 'text')
    // What went wrong in the developer's words, for the log and support.
    .addColumn('error_detail', 'text')
    .addColumn('file_name', 'text')
    .addColumn('rows', 'integer')
    .addColumn('bytes', 'integer')
    .execute();
  await db.schema.createIndex('report_schedule_runs_schedule').on('report_schedule_runs').columns(['schedule_id', 'id']).execute();
}
