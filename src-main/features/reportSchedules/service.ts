import fs from 'node:fs';
import path from 'node:path';
import { validate as cronValidate } from 'node-cron';
import type { SessionUser } from '../../../src-shared/contract';
import type { ReportWords } from '../../../src-shared/contract/reports';
import type { ReportSchedule, ReportScheduleList, ReportScheduleRun, SaveScheduleInput, ScheduleFormat, ScheduleRunError } from '../../../src-shared/contract/reportSchedules';
import { nextCronRun, parseCron, type CronFields } from '../../../src-shared/domain/cronPicker';
import { resolvePeriod, type RelativePeriod, type ReportId } from '../../../src-shared/domain/reports';
import { roleHas, type DataScope, type Role } from '../../../src-shared/domain/roles';
import { DEFAULT_TIME_ZONE } from '../../../src-shared/domain/time';
import { AppError, fieldError } from '../../../src-shared/errors';
import type { CoreDeps } from '../../core/context';
import { recordAudit } from '../audit/record';
import { notifyUsers, supervisorIds } from '../notifications/service';
import { getSettings } from '../settings/queries';
import { ticketScope } from '../users/scope';
import { deskStamp, fileFailure, folderProblem, freeFileName } from './folder';
import { FILE_EXTENSION, fileTitle } from '../reports/fileNames';
import { listRuns, listSchedules, scheduleRow, type ScheduleRow } from './queries';
import type { ReportWriter } from './writer';

const exists = (file: string) =>
  fs.promises.access(file).then(
    () => true,
    () => false,
  );

/** Runs kept per schedule: two years of daily runs. */
const KEEP_RUNS = 730;

/** The expression's fields, or the field error the form shows (validation.<code>). */
function cronFields(expression: string): CronFields {
  const parsed = parseCron(expression);
  if (!parsed.ok) {
    const p = parsed.problem;
    throw fieldError('cron', p.code === 'fieldCount' ? 'cronFieldCount' : p.code === 'neverRuns' ? 'cronNeverRuns' : `cron.${p.field}`);
  }
  // node-cron runs nothing here (a minute job reads next_run_at), but an expression it
  // would refuse is refused too, so the two readings never part.
  if (!cronValidate(expression)) throw fieldError('cron', 'cronFieldCount');
  return parsed.fields;
}

async function deskTimeZone(deps: CoreDeps): Promise<string> {
  return (await getSettings(deps.db)).timeZone ?? DEFAULT_TIME_ZONE;
}

/** What the audit trail keeps of a schedule (its words are the user's catalog, not a choice). */
function audited(row: Pick<ScheduleRow, 'name' | 'report' | 'filters' | 'period' | 'format' | 'folder' | 'cron'>) {
  return { name: row.name, report: row.report, filters: JSON.parse(row.filters) as unknown, period: row.period, format: row.format, folder: row.folder, cron: row.cron };
}

/**
 * Scheduled reports of one core: the schedules, their runs (one at a time per schedule, in
 * a worker through `writer`), and the minute job's pass over the due ones.
 */
export function createReportScheduleService(deps: CoreDeps, writer: ReportWriter) {
  const { db, clock, logger, events } = deps;
  /** Runs in flight, by schedule: a schedule never runs twice at once. */
  const running = new Map<number, Promise<void>>();

  // A run still open from an earlier start ended with that app.
  deps.sqlite.prepare(`UPDATE report_schedule_runs SET outcome = 'failed', error = 'interrupted', finished_at = ? WHERE outcome IS NULL`).run(clock.now());

  async function get(id: number): Promise<ReportSchedule> {
    const [view] = await listSchedules(db, id);
    if (!view) throw new AppError('NOT_FOUND', `No report schedule ${id}`);
    return view;
  }

  async function list(): Promise<ReportScheduleList> {
    return { schedules: await listSchedules(db), timeZone: await deskTimeZone(deps) };
  }

  async function save(input: SaveScheduleInput, user: SessionUser): Promise<ReportSchedule> {
    const fields = cronFields(input.cron);
    const problem = await folderProblem(input.folder);
    if (problem) throw fieldError('folder', problem);
    const now = clock.now();
    const timeZone = await deskTimeZone(deps);
    const values = {
      name: input.name,
      report: input.report,
      filters: JSON.stringify(input.filters),
      period: input.period,
      format: input.format,
      folder: input.folder,
      cron: input.cron.trim().split(/\s+/).join(' '),
      words: JSON.stringify(input.words),
      time_zone: timeZone,
      updated_at: now,
    };
    const id = await db.transaction().execute(async (trx) => {
      if (input.id === undefined) {
        const { id } = await trx
          .insertInto('report_schedules')
          .values({ ...values, owner_id: user.id, paused: 0, next_run_at: nextCronRun(fields, now, timeZone), created_at: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordAudit(trx, now, { userId: user.id, action: 'reportSchedule.save', entity: 'report_schedule', entityId: id, details: { after: audited(values) } });
        return id;
      }
      const before = await scheduleRow(trx, input.id);
      if (!before) throw new AppError('NOT_FOUND', `No report schedule ${input.id}`);
      // A new expression (or zone) counts from now; an unchanged one keeps its slot.
      const nextRunAt = before.paused ? null : before.cron === values.cron && before.time_zone === timeZone ? before.next_run_at : nextCronRun(fields, now, timeZone);
      // A run reads what the owner may read: an editor kept to a team (or own customers) who
      // edits another's schedule takes it over, so an edit can never point a wider report
      // (filters, folder) somewhere the editor chose. So does anyone who edits the schedule
      // of an owner who was disabled or no longer schedules reports (its runs fail until then).
      const owner = await trx.selectFrom('users').select(['role', 'disabled']).where('id', '=', before.owner_id).executeTakeFirst();
      const ownerInactive = !owner || owner.disabled !== 0 || !roleHas(owner.role as Role, 'reports.schedule');
      const takeOver = before.owner_id !== user.id && (ticketScope(user) !== undefined || ownerInactive);
      await trx
        .updateTable('report_schedules')
        .set({ ...values, next_run_at: nextRunAt, ...(takeOver ? { owner_id: user.id } : {}) })
        .where('id', '=', input.id)
        .execute();
      const was = audited(before);
      const is = audited(values);
      const changed = (Object.keys(is) as (keyof typeof is)[]).filter((k) => JSON.stringify(was[k]) !== JSON.stringify(is[k]));
      await recordAudit(trx, now, {
        userId: user.id,
        action: 'reportSchedule.save',
        entity: 'report_schedule',
        entityId: input.id,
        details: { before: Object.fromEntries(changed.map((k) => [k, was[k]])), after: Object.fromEntries(changed.map((k) => [k, is[k]])) },
      });
      return input.id;
    });
    return get(id);
  }

  async function remove(id: number, user: SessionUser): Promise<{ removed: true }> {
    if (running.has(id)) throw new AppError('CONFLICT', 'The schedule is running', { reason: 'scheduleRunning' });
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      const before = await scheduleRow(trx, id);
      if (!before) throw new AppError('NOT_FOUND', `No report schedule ${id}`);
      await trx.deleteFrom('report_schedule_runs').where('schedule_id', '=', id).execute();
      await trx.deleteFrom('report_schedules').where('id', '=', id).execute();
      await recordAudit(trx, now, { userId: user.id, action: 'reportSchedule.remove', entity: 'report_schedule', entityId: id, details: { before: audited(before) } });
    });
    return { removed: true };
  }

  /** Pausing clears the next slot; resuming counts from now, so paused-through slots are not caught up. */
  async function setPaused(id: number, paused: boolean, user: SessionUser): Promise<ReportSchedule> {
    const now = clock.now();
    const timeZone = await deskTimeZone(deps);
    await db.transaction().execute(async (trx) => {
      const before = await scheduleRow(trx, id);
      if (!before) throw new AppError('NOT_FOUND', `No report schedule ${id}`);
      if (Boolean(before.paused) === paused) return;
      const parsed = parseCron(before.cron);
      const next = paused || !parsed.ok ? null : nextCronRun(parsed.fields, now, timeZone);
      await trx.updateTable('report_schedules').set({ paused: paused ? 1 : 0, next_run_at: next, time_zone: timeZone, updated_at: now }).where('id', '=', id).execute();
      await recordAudit(trx, now, { userId: user.id, action: 'reportSchedule.pause', entity: 'report_schedule', entityId: id, details: { before: { paused: !paused }, after: { paused } } });
    });
    return get(id);
  }

  /**
   * Records a run as started (its period fixed now) and carries it out in the background.
   * A scheduled run claims its slot in the same transaction: it moves next_run_at on only
   * if nobody moved it since it was read (an edit, another pass); null if it was.
   */
  async function begin(
    row: ScheduleRow,
    trigger: 'scheduled' | 'manual',
    userId: number | null,
    timeZone: string,
    claim?: { slotAt: number; next: number | null },
  ): Promise<{ runId: number; done: Promise<void> } | null> {
    // Taken before the first await: a second call for this schedule sees it running.
    let release = () => {};
    running.set(row.id, new Promise<void>((resolve) => (release = resolve)));
    const free = () => {
      running.delete(row.id);
      release();
    };
    const startedAt = clock.now();
    const period = resolvePeriod(row.period as RelativePeriod, startedAt, timeZone);
    const runId = await db.transaction().execute(async (trx) => {
      if (claim) {
        const claimed = await trx
          .updateTable('report_schedules')
          .set({ next_run_at: claim.next })
          .where('id', '=', row.id)
          .where('next_run_at', '=', claim.slotAt)
          .where('paused', '=', 0)
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) !== 1) return null;
      }
      const { id } = await trx
        .insertInto('report_schedule_runs')
        .values({ schedule_id: row.id, trigger, slot_at: claim?.slotAt ?? null, user_id: userId, period_from: period.from, period_to: period.to, started_at: startedAt })
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    }).catch((error: unknown) => {
      free();
      throw error;
    });
    if (runId === null) {
      free();
      return null;
    }
    // carryOut records its own failures; what escapes it (the database closed under it as the app ends) is logged here.
    const done = carryOut(row, runId, trigger, userId, startedAt, period, timeZone)
      .catch((error: unknown) => logger.error('scheduled report run could not be recorded', { scheduleId: row.id, runId, error: error instanceof Error ? error.stack : String(error) }))
      .finally(free);
    running.set(row.id, done);
    return { runId, done };
  }

  /** Writes the file (a .partial renamed into place), then records the outcome, audits it, and on failure notifies. */
  async function carryOut(row: ScheduleRow, runId: number, trigger: string, userId: number | null, startedAt: number, period: { from: string; to: string }, timeZone: string): Promise<void> {
    let partial: string | null = null;
    try {
      const problem = await folderProblem(row.folder);
      if (problem) throw Object.assign(new Error(`The folder ${row.folder} cannot take the report: ${problem}`), { reason: problem });
      const base = `${fileTitle(row.name, 'report')}-${deskStamp(startedAt, timeZone)}`;
      const extension = FILE_EXTENSION[row.format as ScheduleFormat] ?? 'xlsx';
      let fileName = await freeFileName(row.folder, base, extension);
      partial = path.join(row.folder, `${fileName}.partial`);
      const filters = { ...(JSON.parse(row.filters) as object), from: period.from, to: period.to };
      // The report holds what its owner may read (a team's supervisor: the team's requests).
      const owner = await db.selectFrom('users').select(['id', 'data_scope', 'team_id', 'role', 'disabled']).where('id', '=', row.owner_id).executeTakeFirstOrThrow();
      // An owner who was disabled, or no longer schedules reports, no longer has data written
      // out in their name: the run fails and the supervisors are told, so one of them can take it over.
      if (owner.disabled !== 0 || !roleHas(owner.role as Role, 'reports.schedule')) throw Object.assign(new Error(`The schedule's owner ${owner.id} may no longer schedule reports`), { reason: 'ownerInactive' });
      const scope = ticketScope({ id: owner.id, dataScope: owner.data_scope as DataScope, teamId: owner.team_id });
      const written = await writer({
        ...(scope ? { scope } : {}),
        report: row.report as ReportId,
        filters,
        format: row.format as ScheduleFormat,
        words: JSON.parse(row.words) as ReportWords,
        timeZone,
        now: startedAt,
        outPath: partial,
      });
      // Someone may have put a file of that name there meanwhile: never overwrite it.
      if (await exists(path.join(row.folder, fileName))) fileName = await freeFileName(row.folder, base, extension);
      await fs.promises.rename(partial, path.join(row.folder, fileName));
      partial = null;
      const finishedAt = clock.now();
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('report_schedule_runs')
          .set({ outcome: 'ok', finished_at: finishedAt, file_name: fileName, rows: written.rows, bytes: written.bytes })
          .where('id', '=', runId)
          .execute();
        await recordAudit(trx, finishedAt, {
          userId,
          action: 'reportSchedule.run',
          entity: 'report_schedule',
          entityId: row.id,
          details: { trigger, ...audited(row), from: period.from, to: period.to, outcome: 'ok', file: fileName, rows: written.rows, bytes: written.bytes },
        });
      });
    } catch (error) {
      if (partial) await fs.promises.rm(partial, { force: true }).catch(() => {});
      const reason: ScheduleRunError = (error as { reason?: ScheduleRunError }).reason ?? fileFailure(error) ?? ((await folderProblem(row.folder)) === 'folderMissing' ? 'folderMissing' : 'internal');
      const detail = error instanceof Error ? error.message : String(error);
      logger.error('scheduled report failed', { scheduleId: row.id, runId, reason, error: error instanceof Error ? (error.stack ?? detail) : detail });
      const finishedAt = clock.now();
      const notified = await db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('report_schedule_runs')
          .set({ outcome: 'failed', finished_at: finishedAt, error: reason, error_detail: detail.slice(0, 2000) })
          .where('id', '=', runId)
          .executeTakeFirst();
        // The schedule was removed meanwhile: nobody to tell about it.
        if (Number(updated.numUpdatedRows) === 0) return [];
        await recordAudit(trx, finishedAt, {
          userId,
          action: 'reportSchedule.run',
          entity: 'report_schedule',
          entityId: row.id,
          details: { trigger, ...audited(row), from: period.from, to: period.to, outcome: 'failed', reason },
        });
        const recipients = [row.owner_id, ...(await supervisorIds(trx))];
        const active = await trx.selectFrom('users').select('id').where('id', 'in', recipients).where('disabled', '=', 0).execute();
        return notifyUsers(
          trx,
          active.map((u) => u.id),
          'report_failed',
          null,
          { scheduleId: row.id, scheduleName: row.name, reason },
          finishedAt,
        );
      });
      if (notified.length > 0) events.emit('notifications.created', { userIds: notified });
    }
    // Run ids count across every schedule: the cut is this schedule's KEEP_RUNS-th newest run.
    const oldest = await db.selectFrom('report_schedule_runs').select('id').where('schedule_id', '=', row.id).orderBy('id', 'desc').limit(1).offset(KEEP_RUNS).executeTakeFirst();
    if (oldest) await db.deleteFrom('report_schedule_runs').where('schedule_id', '=', row.id).where('id', '<=', oldest.id).execute();
  }

  /** 立即运行: starts a run now (even while paused); resolves as it starts. */
  async function runNow(id: number, user: SessionUser): Promise<ReportScheduleRun> {
    const row = await scheduleRow(db, id);
    if (!row) throw new AppError('NOT_FOUND', `No report schedule ${id}`);
    const timeZone = await deskTimeZone(deps);
    if (running.has(id)) throw new AppError('CONFLICT', 'The schedule is running', { reason: 'scheduleRunning' });
    const started = await begin(row, 'manual', user.id, timeZone);
    return (await listRuns(db, id, 1, started!.runId))[0]!;
  }

  async function runs(scheduleId: number, limit: number): Promise<ReportScheduleRun[]> {
    if (!(await scheduleRow(db, scheduleId))) throw new AppError('NOT_FOUND', `No report schedule ${scheduleId}`);
    return listRuns(db, scheduleId, limit);
  }

  /**
   * The minute job's pass: every schedule whose slot has come runs once. The slot moves on
   * to the next one after now in the same transaction that records the run, so a pass
   * repeated at the same minute finds nothing, and after a sleep through several slots the
   * schedule catches up once. A schedule still running (by hand) keeps its slot until the
   * run ends. Resolves when the runs it started have finished, one at a time.
   */
  async function runDue(now: number): Promise<number> {
    const timeZone = await deskTimeZone(deps);
    // The desk moved to another zone: slots count again, on its new clocks, from now.
    for (const row of await db.selectFrom('report_schedules').selectAll().where('paused', '=', 0).where('time_zone', '!=', timeZone).execute()) {
      const parsed = parseCron(row.cron);
      await db
        .updateTable('report_schedules')
        .set({ time_zone: timeZone, next_run_at: parsed.ok ? nextCronRun(parsed.fields, now, timeZone) : null })
        .where('id', '=', row.id)
        .execute();
    }
    const due = await db.selectFrom('report_schedules').selectAll().where('paused', '=', 0).where('next_run_at', '<=', now).orderBy('next_run_at').orderBy('id').execute();
    let ran = 0;
    for (const row of due) {
      if (running.has(row.id)) continue;
      const slotAt = row.next_run_at!;
      const parsed = parseCron(row.cron);
      const next = parsed.ok ? nextCronRun(parsed.fields, now, timeZone) : null;
      const started = await begin(row, 'scheduled', null, timeZone, { slotAt, next });
      if (!started) continue;
      if (now - slotAt > 60_000) logger.info('scheduled report catching up', { scheduleId: row.id, slotAt, lateMs: now - slotAt });
      await started.done;
      ran += 1;
    }
    return ran;
  }

  /** Resolves when every run in flight has finished (tests, and the app's end). */
  async function settled(): Promise<void> {
    while (running.size > 0) await Promise.allSettled([...running.values()]);
  }

  return { list, save, remove, setPaused, runNow, runs, runDue, settled };
}

export type ReportScheduleService = ReturnType<typeof createReportScheduleService>;
