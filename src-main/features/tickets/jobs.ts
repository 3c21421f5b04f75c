import { schedule, type ScheduledTask } from 'node-cron';
import { afterFailedAttempt, type LockReason } from '../../../src-shared/domain/lifecycle';
import type { TicketStatus } from '../../../src-shared/domain/tickets';
import { dayKey } from '../../../src-shared/domain/time';
import type { CoreDeps } from '../../core/context';
import { DEFAULT_TIME_ZONE } from './service';
import { getSettings } from '../settings/queries';
import { insertEvent, overdueUnworked, updateTicketState } from './queries';

/**
 * The requested-date rule of the lifecycle: once the customer's requested-by day has
 * passed (in the desk's time zone), a request nobody was assigned to is locked for the
 * service manager, and an assigned one nobody worked on counts an attempt and is locked
 * too (its date has passed, so it cannot simply wait for assignment again).
 * Idempotent: locked requests no longer match, so a second run changes nothing.
 */
export async function runRequestedDateCheck(deps: CoreDeps, now: number): Promise<number[]> {
  const { db, events } = deps;
  const timeZone = (await getSettings(db)).timeZone ?? DEFAULT_TIME_ZONE;
  const d = dayKey(now, timeZone);
  const today = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}`;
  const locked = await db.transaction().execute(async (trx) => {
    const rows = await overdueUnworked(trx, today);
    for (const row of rows) {
      const worked = row.status === 'assigned';
      const attempts = worked ? afterFailedAttempt(row.attempts).attempts : row.attempts;
      const reason: LockReason =
        worked && afterFailedAttempt(row.attempts).lock ? 'attempts_exhausted' : worked ? 'not_worked_by_requested_date' : 'not_assigned_by_requested_date';
      await updateTicketState(trx, row.id, {
        status: 'locked' satisfies TicketStatus,
        version: row.version + 1,
        attempts,
        lock_reason: reason,
        hold_reason: null,
        updated_at: now,
      });
      await insertEvent(trx, {
        ticket_id: row.id,
        at: now,
        actor_id: null,
        kind: 'lock',
        from_status: row.status,
        to_status: 'locked',
        note: null,
        details: JSON.stringify({ lockReason: reason, attempts, today }),
      });
    }
    return rows.map((r) => r.id);
  });
  if (locked.length > 0) events.emit('tickets.changed', { ids: locked });
  return locked;
}

/** Runs the check every five minutes and once at start (catching up after sleep or downtime). */
export function scheduleTicketJobs(deps: CoreDeps): ScheduledTask[] {
  const run = () =>
    runRequestedDateCheck(deps, deps.clock.now()).catch((error: unknown) =>
      deps.logger.error('requested-date check failed', { error: error instanceof Error ? error.stack : String(error) }),
    );
  void run();
  return [schedule('*/5 * * * *', run, { name: 'tickets.requestedDateCheck', noOverlap: true })];
}
