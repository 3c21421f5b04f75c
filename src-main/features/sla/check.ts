import type { BusinessCalendar } from '../../../src-shared/domain/businessCalendar';
import { BREACH_LEVEL, businessTimeLeft, levelReached, type SlaTarget } from '../../../src-shared/domain/sla';
import type { CoreDeps } from '../../core/context';
import { notifyUsers, supervisorIds } from '../notifications/service';
import { insertEvent } from '../tickets/queries';
import { readSlaSettings } from './agreements';
import { loadCalendar } from './calendars';
import { runningTargets, slaState, storeClock } from './clock';
import { escalate } from './escalation';

/** Requests handled per transaction: a long catch-up never holds the writer for long. */
const BATCH = 500;

export interface SlaCheckSummary {
  due: number;
  warnings: number;
  breaches: number;
  escalations: number;
}

/**
 * One SLA check at `now`: every request whose next announcement is due (read off the
 * partial index on sla_next_check_at) gets, per running target, the highest level it has
 * reached since last time — one warning or one breach, never the steps it slept through,
 * never one already announced. A breach is recorded for ever, tells the service managers
 * and the engineer, and applies the escalation rules. Rerunning at the same instant
 * finds nothing due.
 */
export async function runSlaCheck(deps: CoreDeps, now: number, today: string): Promise<SlaCheckSummary> {
  const { db, events } = deps;
  const settings = await readSlaSettings(db);
  const due = (await db.selectFrom('tickets').select('id').where('sla_next_check_at', '<=', now).orderBy('sla_next_check_at').execute()).map((r) => r.id);
  const summary: SlaCheckSummary = { due: due.length, warnings: 0, breaches: 0, escalations: 0 };
  const calendars = new Map<number, BusinessCalendar>();
  const notified = new Set<number>();

  for (let i = 0; i < due.length; i += BATCH) {
    await db.transaction().execute(async (trx) => {
      const managers = await supervisorIds(trx);
      for (const id of due.slice(i, i + BATCH)) {
        const s = await slaState(trx, id);
        if (!s) continue;
        let calendar: BusinessCalendar | null = null;
        if (s.sla_calendar_id !== null) {
          calendar = calendars.get(s.sla_calendar_id) ?? (await loadCalendar(trx, s.sla_calendar_id));
          calendars.set(s.sla_calendar_id, calendar);
        }
        const next = { ...s };
        const breached: SlaTarget[] = [];
        for (const t of calendar ? runningTargets(s) : []) {
          const level = levelReached(businessTimeLeft(now, t.dueAt, calendar!), t.targetMs, settings.warnThresholds);
          if (level <= t.level) continue;
          if (t.target === 'response') next.response_level = level;
          else next.resolution_level = level;
          const payload = { target: t.target, level, dueAt: t.dueAt };
          if (level >= BREACH_LEVEL) {
            summary.breaches++;
            breached.push(t.target);
            await trx
              .updateTable('tickets')
              .set(t.target === 'response' ? { response_breached_at: t.dueAt } : { resolution_breached_at: t.dueAt })
              .where('id', '=', id)
              .execute();
            const to = await notifyUsers(trx, [...managers, ...(s.assignee_id !== null ? [s.assignee_id] : [])], 'sla_breach', id, payload, now);
            to.forEach((u) => notified.add(u));
          } else {
            summary.warnings++;
            // The engineer who owns it is warned; unowned work is the service managers' to place.
            const to = await notifyUsers(trx, s.assignee_id !== null ? [s.assignee_id] : managers, 'sla_warning', id, payload, now);
            to.forEach((u) => notified.add(u));
          }
          await insertEvent(trx, {
            ticket_id: id,
            at: now,
            actor_id: null,
            kind: level >= BREACH_LEVEL ? 'slaBreach' : 'slaWarning',
            from_status: null,
            to_status: null,
            note: null,
            details: JSON.stringify(payload),
          });
        }
        await storeClock(trx, next, now, calendar, settings.warnThresholds);
        for (const target of breached) {
          const applied = await escalate(trx, id, target, now, today);
          summary.escalations += applied.length;
          for (const e of applied) {
            const to = await notifyUsers(trx, managers, 'sla_escalated', id, { target, actions: e.actions, ruleName: e.ruleName }, now);
            to.forEach((u) => notified.add(u));
          }
        }
      }
    });
  }
  if (due.length > 0) events.emit('tickets.changed', { ids: due });
  if (notified.size > 0) events.emit('notifications.created', { userIds: [...notified] });
  return summary;
}
