import { afterFailedAttempt, type LockReason } from '../../../src-shared/domain/lifecycle';
import type { TicketStatus } from '../../../src-shared/domain/tickets';
import { DEFAULT_TIME_ZONE, isoDay } from '../../../src-shared/domain/time';
import type { CoreDeps } from '../../core/context';
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
  const today = isoDay(now, timeZone);
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
