import { schedule, type ScheduledTask } from 'node-cron';
import type { CoreDeps } from '../../core/context';
import type { ReportScheduleService } from './service';

const inFlight = new WeakMap<ReportScheduleService, Promise<number>>();

/**
 * The scheduled reports due by `now`, each once (see service.runDue). A call made while a
 * pass is still writing files joins that pass instead of starting another, so passes never
 * overlap; the next minute's call picks up whatever came due meanwhile.
 */
export function runDueReports(service: ReportScheduleService, now: number): Promise<number> {
  const current = inFlight.get(service);
  if (current) return current;
  const pass = service.runDue(now).finally(() => inFlight.delete(service));
  inFlight.set(service, pass);
  return pass;
}

/**
 * Every minute, and once at start (catching up on a slot missed while the app was closed).
 * Cheap when nothing is due: one read. The shells also call it on waking (core.catchUp).
 */
export function scheduleReportRuns(deps: CoreDeps, service: ReportScheduleService): ScheduledTask[] {
  const run = () =>
    void runDueReports(service, deps.clock.now()).catch((error: unknown) =>
      deps.logger.error('scheduled reports could not run', { error: error instanceof Error ? error.stack : String(error) }),
    );
  run();
  return [schedule('* * * * *', run, { name: 'report-schedules', noOverlap: true })];
}
