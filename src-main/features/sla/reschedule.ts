import type { CoreDeps } from '../../core/context';
import { rescheduleClocks } from './clock';
import { clearClocksStale, clocksStale } from './staleClocks';

/** After a change that marked the clocks stale has committed: `calendarId`'s clocks, or all (null). */
export async function rescheduleStaleClocks(deps: CoreDeps, calendarId: number | null): Promise<void> {
  const ids = await rescheduleClocks(deps.db, deps.clock.now(), calendarId);
  await clearClocksStale(deps.db);
  if (ids.length > 0) deps.events.emit('tickets.changed', { ids });
}

/** At start: finishes a reschedule an earlier run did not (every open clock, to be sure). */
export async function finishStaleReschedule(deps: CoreDeps): Promise<void> {
  if (await clocksStale(deps.db)) await rescheduleStaleClocks(deps, null);
}
