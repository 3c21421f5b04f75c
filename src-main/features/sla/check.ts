import type { BusinessCalendar } from '../../../src-shared/domain/businessCalendar';
import { BREACH_LEVEL, businessTimeLeft, levelReached, type SlaTarget } from '../../../src-shared/domain/sla';
import type { Transaction } from 'kysely';
import type { NotificationKind } from '../../../src-shared/contract';
import type { CoreDeps } from '../../core/context';
import type { DB } from '../../db/schema';
import { notifyUsers, supervisorIds, type NotificationPayload } from '../notifications/service';
import { insertEvent } from '../tickets/queries';
import { readSlaSettings } from './agreements';
import { loadCalendar } from './calendars';
import { runningTargets, slaState, storeClock } from './clock';
import { escalate } from './escalation';

/** Requests handled per transaction: a long catch-up never holds the writer for long. */
const BATCH = 500;
/** A request the check failed on is looked at again this much later, not every minute. */
const RETRY_MS = 60 * 60_000;

export interface SlaCheckSummary {
  due: number;
  warnings: number;
  breaches: number;
  escalations: number;
  /** Requests the check could not handle (logged; retried an hour later). */
  failed: number;
}

type Outcome = Omit<SlaCheckSummary, 'due' | 'failed'> & { notified: number[] };

/**
 * One SLA check at `now`: every request whose next announcement is due (read off the
 * partial index on sla_next_check_at) gets, per running target, the highest level it has
 * reached since last time — one warning or one breach, never the steps it slept through,
 * never one already announced. A breach is recorded for ever, tells the service managers
 * and the engineer, and applies the escalation rules (once per request and check, however
 * many targets breached). Rerunning at the same instant finds nothing due. One request the
 * check cannot handle is logged and put off; it never stops the others' announcements.
 */
export async function runSlaCheck(deps: CoreDeps, now: number, today: string): Promise<SlaCheckSummary> {
  const { db, events, logger } = deps;
  const settings = await readSlaSettings(db);
  const due = (await db.selectFrom('tickets').select('id').where('sla_next_check_at', '<=', now).orderBy('sla_next_check_at').execute()).map((r) => r.id);
  const summary: SlaCheckSummary = { due: due.length, warnings: 0, breaches: 0, escalations: 0, failed: 0 };
  const calendars = new Map<number, BusinessCalendar>();
  const notified = new Set<number>();
  const add = (o: Outcome) => {
    summary.warnings += o.warnings;
    summary.breaches += o.breaches;
    summary.escalations += o.escalations;
    o.notified.forEach((u) => notified.add(u));
  };
  // Counted only once its transaction has committed.
  const checkAll = (ids: number[]) =>
    db.transaction().execute(async (trx) => {
      const managers = await supervisorIds(trx);
      const outcomes: Outcome[] = [];
      for (const id of ids) outcomes.push(await checkOne(trx, id, { now, today, managers, calendars, thresholds: settings.warnThresholds }));
      return outcomes;
    });

  try {
    for (let i = 0; i < due.length; i += BATCH) {
      const batch = due.slice(i, i + BATCH);
      try {
        (await checkAll(batch)).forEach(add);
      } catch {
        // Something in the batch fails: find it by going one by one.
        for (const id of batch) {
          try {
            (await checkAll([id])).forEach(add);
          } catch (error) {
            summary.failed++;
            logger.error('SLA check failed on a request', { ticketId: id, error: String(error) });
            await db.updateTable('tickets').set({ sla_next_check_at: now + RETRY_MS }).where('id', '=', id).execute();
          }
        }
      }
    }
  } finally {
    // Whatever was committed is announced, even if a later step failed.
    if (due.length > 0) events.emit('tickets.changed', { ids: due });
    if (notified.size > 0) events.emit('notifications.created', { userIds: [...notified] });
  }
  return summary;
}

interface CheckContext {
  now: number;
  today: string;
  managers: number[];
  calendars: Map<number, BusinessCalendar>;
  thresholds: readonly number[];
}

/** One request's announcements at `now`, inside the batch's transaction. */
async function checkOne(trx: Transaction<DB>, id: number, ctx: CheckContext): Promise<Outcome> {
  const { now, managers, calendars } = ctx;
  const outcome: Outcome = { warnings: 0, breaches: 0, escalations: 0, notified: [] };
  const notify = async (userIds: number[], kind: NotificationKind, payload: NotificationPayload) => {
    outcome.notified.push(...(await notifyUsers(trx, userIds, kind, id, payload, now)));
  };
  const s = await slaState(trx, id);
  if (!s) return outcome;
  let calendar: BusinessCalendar | null = null;
  if (s.sla_calendar_id !== null) {
    calendar = calendars.get(s.sla_calendar_id) ?? (await loadCalendar(trx, s.sla_calendar_id));
    calendars.set(s.sla_calendar_id, calendar);
  }
  const next = { ...s };
  const breached: SlaTarget[] = [];
  for (const t of calendar ? runningTargets(s) : []) {
    const level = levelReached(businessTimeLeft(now, t.dueAt, calendar!), t.targetMs, ctx.thresholds);
    if (level <= t.level) continue;
    if (t.target === 'response') next.response_level = level;
    else next.resolution_level = level;
    const payload = { target: t.target, level, dueAt: t.dueAt };
    if (level >= BREACH_LEVEL) {
      outcome.breaches++;
      breached.push(t.target);
      await trx
        .updateTable('tickets')
        .set(t.target === 'response' ? { response_breached_at: t.dueAt } : { resolution_breached_at: t.dueAt })
        .where('id', '=', id)
        .execute();
      await notify([...managers, ...(s.assignee_id !== null ? [s.assignee_id] : [])], 'sla_breach', payload);
    } else {
      outcome.warnings++;
      // The engineer who owns it is warned; unowned work is the service managers' to place.
      await notify(s.assignee_id !== null ? [s.assignee_id] : managers, 'sla_warning', payload);
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
  await storeClock(trx, next, now, calendar, ctx.thresholds);
  if (breached.length > 0) {
    const applied = await escalate(trx, id, breached, now, ctx.today);
    outcome.escalations += applied.length;
    for (const e of applied) await notify(managers, 'sla_escalated', { target: breached[0], actions: e.actions, ruleName: e.ruleName });
  }
  return outcome;
}
