import type { Kysely, Transaction } from 'kysely';
import { addBusinessTime, businessTimeBetween, type BusinessCalendar } from '../../../src-shared/domain/businessCalendar';
import { BREACH_LEVEL, businessTimeLeft, slaRuns, type SlaBasis } from '../../../src-shared/domain/sla';
import type { TicketStatus } from '../../../src-shared/domain/tickets';
import { fieldError } from '../../../src-shared/errors';
import type { DB } from '../../db/schema';
import { insertEvent } from '../tickets/queries';
import { loadAgreement, readSlaSettings, resolveAgreement, type AppliedAgreement } from './agreements';
import { loadCalendar } from './calendars';

// The SLA clock of one request. Targets are business minutes of the agreement's calendar,
// counted from the start; time standing still (on hold, resolved, closed) is measured in
// business time too and added to both targets, so
//     due = start + (target + paused) in business time
// holds after any number of pauses, and a priority or agreement change recomputes both
// due times from the start with the same formula (one function, withDueTimes). The
// finished pauses are kept as wall-clock intervals, so a change to an agreement with
// another calendar measures them again in that calendar's hours. A first response already
// given is history: its target and due time no longer move. Two derived columns keep the checks
// cheap: sla_due_at (the nearest running due time, for the countdown and the "breaching
// soon" view) and sla_next_check_at (the next warning threshold or breach still to be
// announced), both indexed only where set.

type Q = Kysely<DB> | Transaction<DB>;
const MINUTE = 60_000;

function slaStates(q: Q) {
  return q
    .selectFrom('tickets')
    .select([
      'id',
      'status',
      'priority',
      'customer_id',
      'product_id',
      'assignee_id',
      'agreement_id',
      'sla_basis',
      'sla_calendar_id',
      'sla_started_at',
      'response_target_min',
      'resolution_target_min',
      'response_due_at',
      'resolution_due_at',
      'responded_at',
      'sla_paused_at',
      'sla_paused_ms',
      'sla_pauses',
      'response_level',
      'resolution_level',
    ]);
}

export function slaState(q: Q, id: number) {
  return slaStates(q).where('id', '=', id).executeTakeFirst();
}

export type SlaState = NonNullable<Awaited<ReturnType<typeof slaState>>>;

/** A target whose clock runs now: not yet met, and the request's clock is not standing still. */
export interface RunningTarget {
  target: 'response' | 'resolution';
  dueAt: number;
  targetMs: number;
  level: number;
}

export function runningTargets(s: SlaState): RunningTarget[] {
  if (s.sla_calendar_id === null || s.sla_paused_at !== null) return [];
  const out: RunningTarget[] = [];
  if (s.responded_at === null && s.response_due_at !== null && s.response_target_min !== null) {
    out.push({ target: 'response', dueAt: s.response_due_at, targetMs: s.response_target_min * MINUTE, level: s.response_level });
  }
  if (s.resolution_due_at !== null && s.resolution_target_min !== null) {
    out.push({ target: 'resolution', dueAt: s.resolution_due_at, targetMs: s.resolution_target_min * MINUTE, level: s.resolution_level });
  }
  return out;
}

/**
 * When the check next has something to announce for a running target: the moment its
 * next unannounced threshold is reached (business time), or its due time for the breach.
 */
function nextAnnouncement(t: RunningTarget, now: number, calendar: BusinessCalendar, thresholds: readonly number[]): number | null {
  const pending = [...thresholds, BREACH_LEVEL].filter((p) => p > t.level);
  if (pending.length === 0) return null;
  const p = pending[0]!;
  if (p === BREACH_LEVEL) return t.dueAt;
  const left = businessTimeLeft(now, t.dueAt, calendar);
  const leftAtThreshold = (t.targetMs * (BREACH_LEVEL - p)) / BREACH_LEVEL;
  return left <= leftAtThreshold ? now : addBusinessTime(now, left - leftAtThreshold, calendar);
}

/** The derived columns for a state at `now`. */
export function schedule(s: SlaState, now: number, calendar: BusinessCalendar | null, thresholds: readonly number[]) {
  const running = calendar ? runningTargets(s) : [];
  if (running.length === 0) return { sla_due_at: null, sla_next_check_at: null };
  const next = running.map((t) => nextAnnouncement(t, now, calendar!, thresholds)).filter((v): v is number => v !== null);
  return {
    sla_due_at: Math.min(...running.map((t) => t.dueAt)),
    sla_next_check_at: next.length ? Math.min(...next) : null,
  };
}

/** Writes a changed state with its derived columns. */
export async function storeClock(q: Q, s: SlaState, now: number, calendar: BusinessCalendar | null, thresholds: readonly number[]) {
  await q
    .updateTable('tickets')
    .set({
      agreement_id: s.agreement_id,
      sla_basis: s.sla_basis,
      sla_calendar_id: s.sla_calendar_id,
      sla_started_at: s.sla_started_at,
      response_target_min: s.response_target_min,
      resolution_target_min: s.resolution_target_min,
      response_due_at: s.response_due_at,
      resolution_due_at: s.resolution_due_at,
      responded_at: s.responded_at,
      sla_paused_at: s.sla_paused_at,
      sla_paused_ms: s.sla_paused_ms,
      sla_pauses: s.sla_pauses,
      response_level: s.response_level,
      resolution_level: s.resolution_level,
      ...schedule(s, now, calendar, thresholds),
    })
    .where('id', '=', s.id)
    .execute();
}

export type RecomputeReason = 'created' | 'priority' | 'agreement' | 'escalation';

type Pause = [from: number, to: number];

/** The finished pauses; a damaged value counts as none rather than stopping the clock. */
function pausesOf(s: SlaState): Pause[] {
  try {
    const value: unknown = JSON.parse(s.sla_pauses);
    return Array.isArray(value) ? value.filter((p): p is Pause => Array.isArray(p) && p.length === 2 && p.every(Number.isFinite)) : [];
  } catch {
    return [];
  }
}

/** Business time the request stood still in its finished pauses, in `calendar`'s hours. */
function pausedIn(s: SlaState, calendar: BusinessCalendar): number {
  return pausesOf(s).reduce((sum, [from, to]) => sum + businessTimeBetween(from, to, calendar), 0);
}

/** Due times from the start: due = start + target + paused. A met first response keeps its due time. */
function withDueTimes(s: SlaState, calendar: BusinessCalendar): SlaState {
  const due = (targetMin: number | null, current: number | null) =>
    targetMin === null ? current : addBusinessTime(s.sla_started_at!, targetMin * MINUTE + s.sla_paused_ms, calendar);
  return {
    ...s,
    response_due_at: s.responded_at === null ? due(s.response_target_min, s.response_due_at) : s.response_due_at,
    resolution_due_at: due(s.resolution_target_min, s.resolution_due_at),
  };
}

/**
 * Sets both targets from the agreement for the request's priority, the pauses measured in
 * its calendar, due times from the start (a met first response keeps its own).
 */
function applyTargets(s: SlaState, agreement: AppliedAgreement, calendar: BusinessCalendar): SlaState {
  const targets = agreement.targets.get(s.priority) ?? agreement.targets.get(1);
  if (!targets) return { ...s, agreement_id: null, sla_calendar_id: null };
  const paused = pausedIn(s, calendar);
  return withDueTimes(
    {
      ...s,
      agreement_id: agreement.id,
      sla_basis: agreement.basis,
      sla_calendar_id: agreement.calendarId,
      sla_paused_ms: paused,
      response_target_min: s.responded_at === null ? targets.response : s.response_target_min,
      resolution_target_min: targets.resolution,
    },
    calendar,
  );
}

async function recordComputation(q: Q, s: SlaState, agreement: AppliedAgreement, reason: RecomputeReason, actorId: number | null, now: number) {
  await insertEvent(q, {
    ticket_id: s.id,
    at: now,
    actor_id: actorId,
    kind: 'slaComputed',
    from_status: null,
    to_status: null,
    note: null,
    details: JSON.stringify({
      reason,
      agreementId: agreement.id,
      agreementName: agreement.name,
      basis: agreement.basis,
      responseTargetMinutes: s.response_target_min,
      resolutionTargetMinutes: s.resolution_target_min,
      responseDueAt: s.response_due_at,
      resolutionDueAt: s.resolution_due_at,
    }),
  });
}

/** Starts the clock at `startedAt` in `agreement` and records the computation. */
async function start(q: Q, s: SlaState, agreement: AppliedAgreement, startedAt: number, reason: RecomputeReason, actorId: number | null, now: number) {
  const calendar = await loadCalendar(q, agreement.calendarId);
  const started = applyTargets({ ...s, sla_started_at: startedAt, sla_paused_at: slaRuns(s.status as TicketStatus) ? null : now }, agreement, calendar);
  const { warnThresholds } = await readSlaSettings(q);
  await storeClock(q, started, now, calendar, warnThresholds);
  await recordComputation(q, started, agreement, reason, actorId, now);
}

/** Starts the clock of a new request (inside its creating transaction), if an agreement applies. */
export async function startClock(q: Q, ticketId: number, now: number, today: string): Promise<void> {
  const s = await slaState(q, ticketId);
  if (!s) return;
  const agreement = await resolveAgreement(q, s.customer_id, s.product_id, today);
  if (agreement) await start(q, s, agreement, now, 'created', null, now);
}

/**
 * Recomputes both targets from the start after a priority or agreement change (`agreementId`
 * given: that agreement, applied manually). Announced levels are kept, so nothing is
 * announced twice for the same target. A request that had no clock (no agreement applied
 * when it was entered) gets one from its creation when an agreement is set by hand; time
 * it stood still before then is not known and not deducted.
 */
export async function recomputeClock(
  q: Q,
  ticketId: number,
  reason: Exclude<RecomputeReason, 'created'>,
  actorId: number | null,
  now: number,
  today: string,
  agreementId?: number,
): Promise<void> {
  const s = await slaState(q, ticketId);
  if (!s) return;
  if (agreementId !== undefined) {
    // A manual choice must be in force today.
    const agreement = await loadAgreement(q, agreementId, 'manual', today);
    if (!agreement) {
      const exists = await q.selectFrom('agreements').select('id').where('id', '=', agreementId).executeTakeFirst();
      throw fieldError('agreementId', exists ? 'notInForce' : 'notFound');
    }
    if (s.sla_started_at === null) {
      const created = await q.selectFrom('tickets').select('created_at').where('id', '=', ticketId).executeTakeFirstOrThrow();
      return start(q, s, agreement, created.created_at, reason, actorId, now);
    }
    return recompute(q, s, agreement, reason, actorId, now);
  }
  if (s.sla_started_at === null) return;
  // Otherwise the request keeps the agreement it started with, whatever its dates since.
  const agreement = await loadAgreement(q, s.agreement_id, (s.sla_basis as SlaBasis | null) ?? 'default', null);
  if (agreement) await recompute(q, s, agreement, reason, actorId, now);
}

async function recompute(q: Q, s: SlaState, agreement: AppliedAgreement, reason: RecomputeReason, actorId: number | null, now: number) {
  const calendar = await loadCalendar(q, agreement.calendarId);
  const next = applyTargets(s, agreement, calendar);
  const { warnThresholds } = await readSlaSettings(q);
  await storeClock(q, next, now, calendar, warnThresholds);
  await recordComputation(q, next, agreement, reason, actorId, now);
}

/**
 * Keeps the clock in step with a lifecycle step (inside its transaction): it stands still
 * on hold, once resolved and when closed, and runs again on resume or reopen; the first
 * response is met by the configured event; resolving meets both.
 */
export async function clockAfterStep(
  q: Q,
  ticketId: number,
  step: { from: TicketStatus | null; to: TicketStatus | null; event: 'transition' | 'reply' | 'assign' },
  now: number,
): Promise<void> {
  const s = await slaState(q, ticketId);
  if (!s || s.sla_started_at === null || s.sla_calendar_id === null) return;
  const settings = await readSlaSettings(q);
  const calendar = await loadCalendar(q, s.sla_calendar_id);
  const next = { ...s };
  if (step.from && step.to) {
    const wasRunning = slaRuns(step.from);
    const runs = slaRuns(step.to);
    if (wasRunning && !runs) next.sla_paused_at = now;
    if (!wasRunning && runs && s.sla_paused_at !== null) {
      next.sla_pauses = JSON.stringify([...pausesOf(s), [s.sla_paused_at, now]]);
      next.sla_paused_ms = s.sla_paused_ms + businessTimeBetween(s.sla_paused_at, now, calendar);
      next.sla_paused_at = null;
      Object.assign(next, withDueTimes(next, calendar));
    }
  }
  const responds = step.to === 'resolved' || (step.event === 'reply' && settings.firstResponse === 'reply') || (step.event === 'assign' && settings.firstResponse === 'assignment');
  if (responds && next.responded_at === null) next.responded_at = now;
  await storeClock(q, next, now, calendar, settings.warnThresholds);
}

/** Clocks measured again per transaction: about 50 ms of work before the event loop turns. */
const RESCHEDULE_BATCH = 500;

/**
 * After an admin changes a calendar (`calendarId`) or the warning thresholds (null: all):
 * every clock of a request not yet closed is measured again in the calendar as it now is —
 * time held, due times, next check. Levels already announced are kept, so a new holiday
 * moves a due time without announcing anything twice. A big desk has a hundred thousand
 * open clocks, so they go in batches, each its own transaction, with the event loop free
 * in between (the change itself marked them stale first: see reschedule.ts). Returns the
 * requests it measured.
 */
export async function rescheduleClocks(db: Kysely<DB>, now: number, calendarId: number | null): Promise<number[]> {
  let query = db.selectFrom('tickets').select('id').where('status', '<>', 'closed').where('sla_started_at', 'is not', null).where('sla_calendar_id', 'is not', null);
  if (calendarId !== null) query = query.where('sla_calendar_id', '=', calendarId);
  const ids = (await query.execute()).map((r) => r.id);
  const { warnThresholds } = await readSlaSettings(db);
  for (let i = 0; i < ids.length; i += RESCHEDULE_BATCH) {
    await db.transaction().execute(async (trx) => {
      const states = await slaStates(trx).where('id', 'in', ids.slice(i, i + RESCHEDULE_BATCH)).execute();
      const calendars = new Map<number, BusinessCalendar>();
      for (const s of states) {
        if (s.sla_calendar_id === null || s.sla_started_at === null) continue;
        const calendar = calendars.get(s.sla_calendar_id) ?? (await loadCalendar(trx, s.sla_calendar_id));
        calendars.set(s.sla_calendar_id, calendar);
        await storeClock(trx, withDueTimes({ ...s, sla_paused_ms: pausedIn(s, calendar) }, calendar), now, calendar, warnThresholds);
      }
    });
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return ids;
}
