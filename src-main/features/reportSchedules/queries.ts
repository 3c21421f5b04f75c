import type { Kysely, Selectable, Transaction } from 'kysely';
import { SCHEDULE_FORMATS, SCHEDULE_RUN_ERRORS, type ReportSchedule, type ReportScheduleRun, type ScheduleFilters, type ScheduleFormat, type ScheduleRunError } from '../../../src-shared/contract/reportSchedules';
import { cronToPick } from '../../../src-shared/domain/cronPicker';
import { RELATIVE_PERIODS, REPORT_IDS, type RelativePeriod, type ReportId } from '../../../src-shared/domain/reports';
import type { DB, ReportScheduleRunsTable, ReportSchedulesTable } from '../../db/schema';

type Q = Kysely<DB> | Transaction<DB>;
export type ScheduleRow = Selectable<ReportSchedulesTable>;
export type RunRow = Selectable<ReportScheduleRunsTable>;

function oneOf<T extends string>(values: readonly T[], value: string, fallback: T): T {
  return (values as readonly string[]).includes(value) ? (value as T) : fallback;
}

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function scheduleRow(q: Q, id: number): Promise<ScheduleRow | undefined> {
  return q.selectFrom('report_schedules').selectAll().where('id', '=', id).executeTakeFirst();
}

function runView(r: RunRow & { by: string | null }): ReportScheduleRun {
  return {
    id: r.id,
    scheduleId: r.schedule_id,
    trigger: r.trigger === 'manual' ? 'manual' : 'scheduled',
    slotAt: r.slot_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    outcome: r.outcome === 'ok' || r.outcome === 'failed' ? r.outcome : null,
    error: r.error === null ? null : oneOf<ScheduleRunError>(SCHEDULE_RUN_ERRORS, r.error, 'internal'),
    from: r.period_from,
    to: r.period_to,
    fileName: r.file_name,
    rows: r.rows,
    bytes: r.bytes,
    durationMs: r.finished_at === null ? null : r.finished_at - r.started_at,
    by: r.by,
  };
}

/** A schedule's runs, newest first (or the one run `onlyId`). */
export async function listRuns(q: Q, scheduleId: number, limit: number, onlyId?: number): Promise<ReportScheduleRun[]> {
  let query = q
    .selectFrom('report_schedule_runs as r')
    .leftJoin('users as u', 'u.id', 'r.user_id')
    .selectAll('r')
    .select('u.display_name as by')
    .where('r.schedule_id', '=', scheduleId)
    .orderBy('r.id', 'desc')
    .limit(limit);
  if (onlyId !== undefined) query = query.where('r.id', '=', onlyId);
  return (await query.execute()).map(runView);
}

/** Every schedule (or one), with its owner and its latest run, oldest first. */
export async function listSchedules(q: Q, onlyId?: number): Promise<ReportSchedule[]> {
  let query = q
    .selectFrom('report_schedules as s')
    .innerJoin('users as u', 'u.id', 's.owner_id')
    .selectAll('s')
    .select('u.display_name as owner_name')
    .orderBy('s.id');
  if (onlyId !== undefined) query = query.where('s.id', '=', onlyId);
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const lastIds = await q
    .selectFrom('report_schedule_runs')
    .select((eb) => [eb.fn.max('id').as('id')])
    .where(
      'schedule_id',
      'in',
      rows.map((r) => r.id),
    )
    .groupBy('schedule_id')
    .execute();
  const last = lastIds.length
    ? await q
        .selectFrom('report_schedule_runs as r')
        .leftJoin('users as u', 'u.id', 'r.user_id')
        .selectAll('r')
        .select('u.display_name as by')
        .where(
          'r.id',
          'in',
          lastIds.map((l) => Number(l.id)),
        )
        .execute()
    : [];
  const lastBySchedule = new Map(last.map((r) => [r.schedule_id, runView(r)]));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    report: oneOf<ReportId>(REPORT_IDS, r.report, 'requests'),
    filters: parseJson<ScheduleFilters>(r.filters, {}),
    period: oneOf<RelativePeriod>(RELATIVE_PERIODS, r.period, 'yesterday'),
    format: oneOf<ScheduleFormat>(SCHEDULE_FORMATS, r.format, 'xlsx'),
    folder: r.folder,
    cron: r.cron,
    pick: cronToPick(r.cron),
    paused: r.paused === 1,
    owner: { id: r.owner_id, displayName: r.owner_name },
    nextRunAt: r.paused === 1 ? null : r.next_run_at,
    lastRun: lastBySchedule.get(r.id) ?? null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}
