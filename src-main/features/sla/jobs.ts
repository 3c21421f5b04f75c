import { schedule, type ScheduledTask } from 'node-cron';
import type { JobRun } from '../../../src-shared/contract';
import type { CoreDeps } from '../../core/context';
import { getSettings } from '../settings/queries';
import { runRequestedDateCheck } from '../tickets/jobs';
import { runSlaCheck } from './check';
import { runRetention } from '../privacy/retention';
import { DEFAULT_TIME_ZONE, isoDay } from '../../../src-shared/domain/time';

export const SERVICE_CHECK = 'service-check';
/** A minute job silent this long means the machine slept or the app was closed. */
const GAP_MS = 3 * 60_000;
/** Runs kept per job: 90 days of minutes. */
const KEEP_RUNS = 90 * 1440;

const inFlight = new WeakMap<CoreDeps, Promise<JobRun>>();

/**
 * The service check, every minute: the requested-date lock rule of the lifecycle, the
 * SLA warnings, breaches and escalations, and the retention of personal data. Calls never overlap (a call made while one runs
 * waits for it and then runs), each run is recorded with its outcome and counts, and a run
 * that follows a silence (sleep, the app closed) notes the gap it caught up on — the check
 * itself catches up by design, since it handles everything due by now, once.
 */
export function runServiceCheck(deps: CoreDeps): Promise<JobRun> {
  const previous = inFlight.get(deps) ?? Promise.resolve(null);
  const run = previous.catch(() => null).then(() => serviceCheck(deps));
  inFlight.set(deps, run);
  return run;
}

async function serviceCheck(deps: CoreDeps): Promise<JobRun> {
  const { db, clock, logger } = deps;
  const now = clock.now();
  const last = await db.selectFrom('job_runs').select(['id', 'started_at']).where('job', '=', SERVICE_CHECK).orderBy('id', 'desc').limit(1).executeTakeFirst();
  const gap = last && now - last.started_at > GAP_MS ? now - last.started_at : null;
  const { id } = await db.insertInto('job_runs').values({ job: SERVICE_CHECK, started_at: now, gap_ms: gap }).returning('id').executeTakeFirstOrThrow();
  try {
    const timeZone = (await getSettings(db)).timeZone ?? DEFAULT_TIME_ZONE;
    const locked = await runRequestedDateCheck(deps, now);
    const sla = await runSlaCheck(deps, now, isoDay(now, timeZone));
    const purged = await runRetention(deps, now);
    const summary = { ...sla, locked: locked.length, purged };
    await db.updateTable('job_runs').set({ finished_at: clock.now(), outcome: 'ok', summary: JSON.stringify(summary) }).where('id', '=', id).execute();
    if (gap !== null) logger.info('service check caught up', { gapMs: gap, ...summary });
  } catch (error) {
    logger.error('service check failed', { error: error instanceof Error ? error.stack : String(error) });
    const message = error instanceof Error ? error.message : String(error);
    await db.updateTable('job_runs').set({ finished_at: clock.now(), outcome: 'failed', error: message.slice(0, 2000) }).where('id', '=', id).execute();
  }
  await db.deleteFrom('job_runs').where('job', '=', SERVICE_CHECK).where('id', '<=', id - KEEP_RUNS).execute();
  return (await listJobRuns(deps, 1, id))[0]!;
}

export async function listJobRuns(deps: CoreDeps, limit: number, onlyId?: number): Promise<JobRun[]> {
  let q = deps.db.selectFrom('job_runs').selectAll().orderBy('id', 'desc').limit(limit);
  if (onlyId !== undefined) q = q.where('id', '=', onlyId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    job: r.job,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    outcome: r.outcome === 'ok' || r.outcome === 'failed' ? r.outcome : null,
    gapMs: r.gap_ms,
    summary: r.summary ? (JSON.parse(r.summary) as Record<string, number>) : null,
    error: r.error,
  }));
}

/** Every minute, and once at start (catching up on whatever came due while the app was closed). */
export function scheduleServiceCheck(deps: CoreDeps): ScheduledTask[] {
  const run = () =>
    void runServiceCheck(deps).catch((error: unknown) => deps.logger.error('service check could not run', { error: error instanceof Error ? error.stack : String(error) }));
  run();
  return [schedule('* * * * *', run, { name: SERVICE_CHECK, noOverlap: true })];
}
