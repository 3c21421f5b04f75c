import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { SessionUser } from '../../../src-shared/contract';
import type { logWorkInput, unlockInput } from '../../../src-shared/contract/tickets';
import {
  OPEN_STATUSES,
  actionsFrom,
  canTake,
  nextState,
  type HoldReason,
  type LockReason,
  type TicketAction,
  type UnlockMode,
  type WorkOutcome,
} from '../../../src-shared/domain/lifecycle';
import { PRIORITY_RANK, TICKET_PRIORITIES, type TicketPriority, type TicketStatus } from '../../../src-shared/domain/tickets';
import { AppError } from '../../../src-shared/errors';
import type { CoreDeps } from '../../core/context';
import type { DB } from '../../db/schema';
import type { AssignmentChoice } from '../assignment/service';
import { deskToday, getSettings } from '../settings/queries';
import { clockAfterStep, recomputeClock } from '../sla/clock';
import { findActiveParts } from '../parts/queries';
import { findAssignableEngineer, insertEvent, rowForChange, updateTicketState } from './queries';
import { assertTicketInScope, ticketInScope } from '../users/scope';

// Every change of a request's state goes through transition(): one transaction that checks
// the version the caller saw (CONFLICT, never a silent overwrite), the state machine
// (INVALID_TRANSITION naming the allowed actions) and the caller's right to act
// (FORBIDDEN), then writes the new state and one history event with who, when, from, to
// and why.

export const DEFAULT_REOPEN_WINDOW_DAYS = 30;
const DAY = 86_400_000;

type TicketRow = NonNullable<Awaited<ReturnType<typeof rowForChange>>>;

interface Step {
  /** Branch inputs for nextState. */
  detail?: { outcome?: WorkOutcome; satisfied?: boolean; unlockMode?: UnlockMode };
  note?: string;
  /** Recorded on the history event as JSON: what was decided and why. */
  details?: Record<string, unknown>;
  /** Column changes besides the state (assignee, requested-by date, hold reason…). */
  set?: { assignee_id?: number | null; requested_by?: string | null; hold_reason?: HoldReason | null; merged_into?: number };
  /** Writes that belong to the step (work logs, follow-ups), inside the same transaction. */
  write?: (trx: Transaction<DB>, row: TicketRow, now: number) => Promise<Record<string, unknown> | void>;
}

export function createLifecycle(deps: CoreDeps) {
  const { db, clock, events } = deps;


  async function reopenWindowMs(): Promise<number> {
    const days = Number((await getSettings(db)).reopenWindowDays ?? DEFAULT_REOPEN_WINDOW_DAYS);
    return (Number.isFinite(days) && days >= 0 ? days : DEFAULT_REOPEN_WINDOW_DAYS) * DAY;
  }

  async function transition(
    action: TicketAction,
    ticketId: number,
    version: number,
    actor: SessionUser | null,
    plan: (row: TicketRow) => Promise<Step> | Step,
  ): Promise<void> {
    const now = clock.now();
    const windowMs = await reopenWindowMs();
    await db.transaction().execute(async (trx) => {
      const row = await rowForChange(trx, ticketId);
      if (!row) throw new AppError('NOT_FOUND', `Service request ${ticketId} not found`);
      if (actor) await assertTicketInScope(trx, ticketId, actor);
      if (row.version !== version) {
        throw new AppError('CONFLICT', 'The request was changed by someone else', { currentVersion: row.version });
      }
      const status = row.status as TicketStatus;
      if (!actionsFrom(status).includes(action)) {
        throw new AppError('INVALID_TRANSITION', `Cannot ${action} a request that is ${status}`, { status, allowed: actionsFrom(status) });
      }
      if (actor) {
        const ctx = {
          role: actor.role,
          isAssignee: row.assignee_id === actor.id,
          withinReopenWindow: row.closed_at !== null && now - row.closed_at <= windowMs,
        };
        if (!canTake(action, status, ctx)) {
          const reason = action === 'reopen' && !ctx.withinReopenWindow ? 'reopenWindowPassed' : 'notYours';
          throw new AppError('FORBIDDEN', `Not allowed to ${action} this request`, { reason });
        }
      }
      const step = await plan(row);
      const next = nextState(action, { status, attempts: row.attempts, hasAssignee: row.assignee_id !== null }, step.detail);
      if (row.type === 'complaint' && action !== 'merge' && (next.status === 'resolved' || next.status === 'closed')) {
        await complaintReady(trx, row.id, next.status);
      }
      const written = step.write ? await step.write(trx, row, now) : undefined;
      await updateTicketState(trx, row.id, {
        status: next.status,
        version: row.version + 1,
        attempts: next.attempts,
        lock_reason: next.status === 'locked' ? next.lock ?? (row.lock_reason as LockReason | null) : null,
        hold_reason: next.status === 'on_hold' ? (step.set?.hold_reason ?? null) : null,
        updated_at: now,
        ...(step.set?.assignee_id !== undefined ? { assignee_id: step.set.assignee_id } : {}),
        ...(step.set?.requested_by !== undefined ? { requested_by: step.set.requested_by } : {}),
        ...(step.set?.merged_into !== undefined ? { merged_into: step.set.merged_into } : {}),
        ...(next.status === 'resolved' ? { resolved_at: now } : {}),
        ...(next.status === 'closed' ? { closed_at: now } : {}),
      });
      // Only a person's assignment acknowledges the customer; a rule's is bookkeeping.
      await clockAfterStep(trx, row.id, { from: status, to: next.status, event: action === 'assign' && actor ? 'assign' : 'transition' }, now);
      const details = { ...step.details, ...written, ...(next.lock ? { lockReason: next.lock } : {}), attempts: next.attempts };
      await insertEvent(trx, {
        ticket_id: row.id,
        at: now,
        actor_id: actor?.id ?? null,
        kind: action,
        from_status: status,
        to_status: next.status,
        note: step.note || null,
        details: JSON.stringify(details),
      });
    });
    events.emit('tickets.changed', { ids: [ticketId] });
  }

  /** Complaints resolve only once acknowledged, and close only with root cause and corrective action. */
  async function complaintReady(trx: Transaction<DB>, ticketId: number, target: TicketStatus) {
    const c = await trx.selectFrom('complaints').selectAll().where('ticket_id', '=', ticketId).executeTakeFirst();
    if (!c) return;
    if (c.acknowledged_at === null) {
      throw new AppError('INVALID_TRANSITION', 'A service manager must acknowledge the complaint first', { reason: 'complaintNotAcknowledged', allowed: [] });
    }
    if (target === 'closed' && (!c.root_cause || !c.corrective_action)) {
      throw new AppError('INVALID_TRANSITION', 'Record the root cause and corrective action first', { reason: 'complaintIncomplete', allowed: [] });
    }
  }

  /**
   * A change that is not a state transition (priority, complaint handling): same version
   * check, a new version and one history event, in one transaction.
   */
  async function edit(
    ticketId: number,
    version: number,
    actor: SessionUser,
    kind: string,
    apply: (trx: Transaction<DB>, row: TicketRow, now: number) => Promise<{ details?: Record<string, unknown>; note?: string | null }>,
  ): Promise<void> {
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      const row = await rowForChange(trx, ticketId);
      if (!row) throw new AppError('NOT_FOUND', `Service request ${ticketId} not found`);
      if (actor) await assertTicketInScope(trx, ticketId, actor);
      if (row.version !== version) throw new AppError('CONFLICT', 'The request was changed by someone else', { currentVersion: row.version });
      const { details, note } = await apply(trx, row, now);
      await trx.updateTable('tickets').set({ version: row.version + 1, updated_at: now }).where('id', '=', row.id).execute();
      await insertEvent(trx, {
        ticket_id: row.id,
        at: now,
        actor_id: actor.id,
        kind,
        from_status: row.status,
        to_status: row.status,
        note: note ?? null,
        details: details ? JSON.stringify(details) : null,
      });
    });
    events.emit('tickets.changed', { ids: [ticketId] });
  }

  async function complaintOf(trx: Transaction<DB>, row: TicketRow) {
    const c = await trx.selectFrom('complaints').selectAll().where('ticket_id', '=', row.id).executeTakeFirst();
    if (!c) throw new AppError('INVALID_TRANSITION', 'Not a complaint', { reason: 'notComplaint', status: row.status, allowed: [] });
    return c;
  }

  async function engineer(trx: Transaction<DB> | typeof db, engineerId: number) {
    const user = await findAssignableEngineer(trx, engineerId);
    if (!user) {
      throw new AppError('VALIDATION', 'Not an active engineer', { fields: [{ path: 'engineerId', code: 'notFound', message: 'not an active engineer' }] });
    }
    return user;
  }

  return {
    assign: async (input: { id: number; version: number; engineerId: number; note: string }, actor: SessionUser) => {
      const target = await engineer(db, input.engineerId);
      await transition('assign', input.id, input.version, actor, (row) => ({
        note: input.note,
        set: { assignee_id: target.id },
        details: { engineerId: target.id, engineerName: target.display_name, previousAssigneeId: row.assignee_id, by: 'manual' },
      }));
    },

    /** The system's own assignment by a rule: no caller, the explanation kept on the event. */
    autoAssign: (id: number, version: number, choice: AssignmentChoice) =>
      transition('assign', id, version, null, () => ({
        set: { assignee_id: choice.engineerId },
        details: { by: 'rule', ...choice },
      })),

    hold: (input: { id: number; version: number; reason: HoldReason; note: string }, actor: SessionUser) =>
      transition('hold', input.id, input.version, actor, () => ({ note: input.note, set: { hold_reason: input.reason }, details: { reason: input.reason } })),

    resume: (input: { id: number; version: number; note: string }, actor: SessionUser) =>
      transition('resume', input.id, input.version, actor, () => ({ note: input.note })),

    logWork: (input: z.output<typeof logWorkInput>, actor: SessionUser) =>
      transition('logWork', input.id, input.version, actor, () => ({
        detail: { outcome: input.outcome },
        note: input.findings,
        write: async (trx, row, now) => {
          const parts = await findActiveParts(trx, [...new Set(input.parts.map((p) => p.partId))]);
          const byId = new Map(parts.map((p) => [p.id, p]));
          const missing = input.parts.findIndex((p) => !byId.has(p.partId));
          if (missing >= 0) {
            throw new AppError('VALIDATION', 'Unknown spare part', { fields: [{ path: `parts.${missing}.partId`, code: 'notFound', message: 'unknown part' }] });
          }
          const log = await trx
            .insertInto('work_logs')
            .values({
              ticket_id: row.id,
              engineer_id: row.assignee_id ?? actor.id,
              kind: input.kind,
              started_at: input.startedAt,
              ended_at: input.endedAt,
              work_minutes: input.workMinutes,
              labour_fee: input.labourFee,
              travel_fee: input.travelFee,
              currency: 'CNY',
              chargeable: input.chargeable ? 1 : 0,
              findings: input.findings,
              outcome: input.outcome,
              created_by: actor.id,
              created_at: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          if (input.parts.length > 0) {
            await trx
              .insertInto('work_log_parts')
              .values(input.parts.map((p) => ({ work_log_id: log.id, part_id: p.partId, quantity: p.quantity, unit_price: byId.get(p.partId)!.unit_price })))
              .execute();
          }
          return { workLogId: log.id, outcome: input.outcome };
        },
      })),

    startFollowUp: (input: { id: number; version: number; note: string }, actor: SessionUser) =>
      transition('startFollowUp', input.id, input.version, actor, () => ({ note: input.note })),

    recordFollowUp: (input: { id: number; version: number; satisfaction: number; satisfied: boolean; comment: string }, actor: SessionUser) =>
      transition('recordFollowUp', input.id, input.version, actor, () => ({
        detail: { satisfied: input.satisfied },
        note: input.comment,
        details: { satisfaction: input.satisfaction, satisfied: input.satisfied },
        write: async (trx, row, now) => {
          await trx
            .insertInto('follow_ups')
            .values({ ticket_id: row.id, agent_id: actor.id, at: now, satisfaction: input.satisfaction, satisfied: input.satisfied ? 1 : 0, comment: input.comment })
            .execute();
        },
      })),

    unlock: async (input: z.output<typeof unlockInput>, actor: SessionUser) => {
      const target = input.mode === 'reassign' ? await engineer(db, input.engineerId) : null;
      await transition('unlock', input.id, input.version, actor, () => ({
        detail: { unlockMode: input.mode },
        note: input.note,
        details: { mode: input.mode, ...(target ? { engineerId: target.id, engineerName: target.display_name } : {}) },
        set:
          input.mode === 'reassign'
            ? { assignee_id: target!.id }
            : input.mode === 'extend'
              ? { requested_by: input.requestedBy, assignee_id: null }
              : undefined,
      }));
    },

    close: (input: { id: number; version: number; note: string }, actor: SessionUser) =>
      transition('close', input.id, input.version, actor, () => ({ note: input.note })),

    reopen: (input: { id: number; version: number; note: string }, actor: SessionUser) =>
      transition('reopen', input.id, input.version, actor, () => ({ note: input.note })),

    /** Priority is not a state: any open request, with the version check and a history entry. */
    setPriority: async (input: { id: number; version: number; priority: TicketPriority; note: string }, actor: SessionUser) => {
      // Read before the transaction: the connection is the transaction's until it ends.
      const today = await deskToday(db, clock.now());
      await edit(input.id, input.version, actor, 'priority', async (trx, row, now) => {
        if (!OPEN_STATUSES.includes(row.status as TicketStatus)) {
          throw new AppError('INVALID_TRANSITION', 'Closed requests keep their priority', { status: row.status, allowed: actionsFrom(row.status as TicketStatus) });
        }
        await trx.updateTable('tickets').set({ priority: PRIORITY_RANK[input.priority], updated_at: now }).where('id', '=', row.id).execute();
        // Another priority has other targets: both are recomputed from the start.
        await recomputeClock(trx, row.id, 'priority', actor.id, now, today);
        return { details: { from: TICKET_PRIORITIES[row.priority] ?? 'normal', to: input.priority }, note: input.note || null };
      });
    },

    /** Another service agreement for an open request: its targets are recomputed from the start. */
    setAgreement: async (input: { id: number; version: number; agreementId: number; note: string }, actor: SessionUser) => {
      const today = await deskToday(db, clock.now());
      await edit(input.id, input.version, actor, 'agreement', async (trx, row, now) => {
        if (!OPEN_STATUSES.includes(row.status as TicketStatus)) {
          throw new AppError('INVALID_TRANSITION', 'Closed requests keep their agreement', { status: row.status, allowed: actionsFrom(row.status as TicketStatus) });
        }
        const agreementName = async (id: number | null) =>
          id === null ? null : ((await trx.selectFrom('agreements').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null);
        const before = await trx.selectFrom('tickets').select('agreement_id').where('id', '=', row.id).executeTakeFirstOrThrow();
        const previousAgreementName = await agreementName(before.agreement_id);
        // The note goes on this entry only; the recomputation that follows records the targets.
        await recomputeClock(trx, row.id, 'agreement', actor.id, now, today, input.agreementId);
        const details = { agreementId: input.agreementId, agreementName: await agreementName(input.agreementId), previousAgreementName };
        return { details, note: input.note || null };
      });
    },

    acknowledgeComplaint: (input: { id: number; version: number }, actor: SessionUser) =>
      edit(input.id, input.version, actor, 'acknowledge', async (trx, row, now) => {
        const c = await complaintOf(trx, row);
        if (c.acknowledged_at !== null) throw new AppError('CONFLICT', 'Already acknowledged', { reason: 'alreadyAcknowledged', currentVersion: row.version });
        await trx.updateTable('complaints').set({ acknowledged_by: actor.id, acknowledged_at: now }).where('ticket_id', '=', row.id).execute();
        return {};
      }),

    updateComplaint: (input: { id: number; version: number; rootCause: string; correctiveAction: string }, actor: SessionUser) =>
      edit(input.id, input.version, actor, 'complaintAnalysis', async (trx, row) => {
        await complaintOf(trx, row);
        await trx.updateTable('complaints').set({ root_cause: input.rootCause, corrective_action: input.correctiveAction }).where('ticket_id', '=', row.id).execute();
        return { details: { rootCause: input.rootCause, correctiveAction: input.correctiveAction } };
      }),

    /** Closes a duplicate into the request that carries on; each keeps its own history. */
    merge: (input: { id: number; version: number; intoId: number; note: string }, actor: SessionUser) =>
      transition('merge', input.id, input.version, actor, () => ({
        note: input.note,
        set: { merged_into: input.intoId },
        write: async (trx, row, now) => {
          const found = await rowForChange(trx, input.intoId);
          // A request out of the merger's scope is as good as absent.
          const target = found && (await ticketInScope(trx, found.id, actor)) ? found : undefined;
          if (!target || target.status === 'closed') {
            throw new AppError('VALIDATION', 'Merge into an open request', { fields: [{ path: 'intoId', code: target ? 'closed' : 'notFound', message: 'not an open request' }] });
          }
          await insertEvent(trx, {
            ticket_id: target.id,
            at: now,
            actor_id: actor.id,
            kind: 'mergedIn',
            from_status: target.status,
            to_status: target.status,
            note: input.note || null,
            details: JSON.stringify({ duplicateId: row.id, duplicateNumber: row.number }),
          });
          await trx.updateTable('tickets').set({ updated_at: now }).where('id', '=', target.id).execute();
          return { intoId: target.id, intoNumber: target.number };
        },
      })),

    /**
     * A reply to the customer or an internal note. It does not move the version: writing on
     * the timeline never makes a colleague's open form stale.
     */
    addNote: async (input: { id: number; kind: 'reply' | 'internal'; body: string }, actor: SessionUser) => {
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const row = await rowForChange(trx, input.id);
        if (!row) throw new AppError('NOT_FOUND', `Service request ${input.id} not found`);
        await trx.updateTable('tickets').set({ updated_at: now }).where('id', '=', row.id).execute();
        // A reply to the customer may be the first response the agreement measures.
        if (input.kind === 'reply') await clockAfterStep(trx, row.id, { from: null, to: null, event: 'reply' }, now);
        await insertEvent(trx, {
          ticket_id: row.id,
          at: now,
          actor_id: actor.id,
          kind: input.kind === 'reply' ? 'reply' : 'note',
          from_status: null,
          to_status: null,
          note: input.body,
          details: null,
        });
      });
      events.emit('tickets.changed', { ids: [input.id] });
    },
  };
}

export type Lifecycle = ReturnType<typeof createLifecycle>;
