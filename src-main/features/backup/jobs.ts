import { schedule, type ScheduledTask } from 'node-cron';
import { DEFAULT_TIME_ZONE, isoDay } from '../../../src-shared/domain/time';
import type { CoreDeps } from '../../core/context';
import { getSettings } from '../settings/queries';
import { BACKUP_JOBS } from './jobNames';
import type { BackupService } from './service';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time an instant shows in a time zone, read as if it were UTC. */
function wallClock(at: number, timeZone: string): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
}

/** The instant a day (YYYY-MM-DD) shows HH:mm in a time zone. */
export function zonedInstant(day: string, timeOfDay: string, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [hh, mm] = timeOfDay.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let at = wall - (wallClock(wall, timeZone) - wall);
  at = wall - (wallClock(at, timeZone) - at);
  return at;
}

/** The latest scheduled time (HH:mm on the desk's clocks) at or before `now`. */
export function lastScheduledTime(now: number, timeOfDay: string, timeZone: string): number {
  const day = isoDay(now, timeZone);
  const today = zonedInstant(day, timeOfDay, timeZone);
  if (today <= now) return today;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return zonedInstant(new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10), timeOfDay, timeZone);
}

export type ScheduledOutcome = 'disabled' | 'notDue' | 'busy' | 'ran';

const inFlight = new WeakMap<BackupService, Promise<ScheduledOutcome>>();

/**
 * The daily backup, if one is due: the latest scheduled time has passed since the schedule
 * began and no scheduled run has started since it. Called every minute, it runs once per day;
 * after the machine slept or the app was closed through the scheduled time, it catches up
 * once. Calls never overlap (one made while another runs waits for it). Resolves when the
 * backup it started has finished (recorded, retention applied, or failed and announced).
 */
export function runScheduledBackup(deps: CoreDeps, service: BackupService, now: number): Promise<ScheduledOutcome> {
  const previous = inFlight.get(service) ?? Promise.resolve('notDue' as const);
  const run = previous.catch(() => null).then(() => scheduledBackup(deps, service, now));
  inFlight.set(service, run);
  return run;
}

async function scheduledBackup(deps: CoreDeps, service: BackupService, now: number): Promise<ScheduledOutcome> {
  const settings = await service.settings();
  if (!settings.enabled) return 'disabled';
  const since = await service.scheduleSince();
  const timeZone = (await getSettings(deps.db)).timeZone ?? DEFAULT_TIME_ZONE;
  const due = lastScheduledTime(now, settings.timeOfDay, timeZone);
  if (due <= since) return 'notDue';
  // A run the app's end interrupted does not count: the backup is taken again.
  const last = await deps.db
    .selectFrom('job_runs')
    .select('started_at')
    .where('job', '=', BACKUP_JOBS.scheduled)
    .where((eb) => eb.or([eb('error', 'is', null), eb('error', 'not like', 'interrupted%')]))
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (last && last.started_at >= due) return 'notDue';
  // A backup by hand (or a restore) is running: the next minute's call takes the scheduled one.
  if (service.isBusy()) return 'busy';
  const job = await service.start('scheduled', null);
  await service.settled(job.jobId);
  return 'ran';
}

/** Every minute: cheap when nothing is due (two reads). The shells also call it on waking. */
export function scheduleBackups(deps: CoreDeps, service: BackupService): ScheduledTask[] {
  const run = () =>
    void runScheduledBackup(deps, service, deps.clock.now()).catch((error: unknown) =>
      deps.logger.error('scheduled backup could not run', { error: error instanceof Error ? error.stack : String(error) }),
    );
  return [schedule('* * * * *', run, { name: 'backup', noOverlap: true })];
}
