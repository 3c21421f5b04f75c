import { roleHas, type Permission, type Role } from './roles';
import type { TicketStatus } from './tickets';

// The service request lifecycle: one state machine, enforced in main and drawn from in the
// UI (which offers only the actions allowed here).
//
//   pending_assignment ──assign──▶ assigned ──logWork(resolved)──▶ resolved ──followUp──▶ closed
//        ▲   │                      │   │                              │ (satisfied)       │
//        │   └──hold──▶ on_hold ◀───┘   └─logWork(unresolved)─┐        │ (unsatisfied)     │
//        │               │ resume                             ▼        ▼                   │
//        └───────────────┴──────────────── attempt counted: back to pending_assignment,     │
//                                          or locked once the request was worked twice      │
//   locked ──unlock (service manager: reassign / extend the date / close with a reason)     │
//   closed ──reopen (within the reopen window)──▶ reopened ──assign──▶ assigned ◀───────────┘
//   any open request ──merge (a duplicate)──▶ closed, pointing at the request that carries on

export const TICKET_ACTIONS = [
  'assign',
  'hold',
  'resume',
  'logWork',
  'startFollowUp',
  'recordFollowUp',
  'unlock',
  'close',
  'reopen',
  'merge',
] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

/** After this many unresolved attempts a request is locked for the service manager. */
export const MAX_ATTEMPTS = 2;

export const HOLD_REASONS = ['waiting_customer', 'waiting_parts', 'scheduled'] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

export const WORK_OUTCOMES = ['resolved', 'unresolved', 'in_progress'] as const;
export type WorkOutcome = (typeof WORK_OUTCOMES)[number];

export const UNLOCK_MODES = ['reassign', 'extend', 'close'] as const;
export type UnlockMode = (typeof UNLOCK_MODES)[number];

/** Why a request was locked: the two rules of the lifecycle, or an SLA escalation rule. */
export const LOCK_REASONS = ['not_assigned_by_requested_date', 'not_worked_by_requested_date', 'attempts_exhausted', 'sla_breached'] as const;
export type LockReason = (typeof LOCK_REASONS)[number];

const OPEN_BEFORE_WORK: readonly TicketStatus[] = ['pending_assignment', 'reopened'];

/** From which states each action may start. */
export const ACTION_FROM: Record<TicketAction, readonly TicketStatus[]> = {
  assign: [...OPEN_BEFORE_WORK, 'assigned'],
  hold: [...OPEN_BEFORE_WORK, 'assigned'],
  resume: ['on_hold'],
  logWork: ['assigned'],
  startFollowUp: ['resolved'],
  recordFollowUp: ['resolved', 'follow_up'],
  unlock: ['locked'],
  close: ['pending_assignment', 'reopened', 'assigned', 'on_hold', 'resolved', 'follow_up'],
  reopen: ['closed'],
  merge: ['pending_assignment', 'reopened', 'assigned', 'on_hold', 'resolved', 'follow_up'],
};

/** The permission each action needs (ROLE_PERMISSIONS says which roles hold it). */
export const ACTION_PERMISSION: Record<TicketAction, Permission> = {
  assign: 'tickets.assign',
  hold: 'tickets.hold',
  resume: 'tickets.hold',
  logWork: 'tickets.logWork',
  startFollowUp: 'tickets.followUp',
  recordFollowUp: 'tickets.followUp',
  unlock: 'tickets.manage',
  close: 'tickets.manage',
  reopen: 'tickets.reopen',
  merge: 'tickets.assign',
};

export interface ActionContext {
  role: Role;
  /** The caller is the request's engineer. */
  isAssignee: boolean;
  /** Closed within the reopen window (only matters for reopen). */
  withinReopenWindow: boolean;
}

/** Whether `action` may be taken on a request in `status` by this caller. */
export function canTake(action: TicketAction, status: TicketStatus, ctx: ActionContext): boolean {
  if (!ACTION_FROM[action].includes(status)) return false;
  if (!roleHas(ctx.role, ACTION_PERMISSION[action])) return false;
  // Engineers act only on their own requests; managers and the desk act on any.
  if (ctx.role === 'engineer' && !ctx.isAssignee) return false;
  if (action === 'reopen' && !ctx.withinReopenWindow) return false;
  return true;
}

/** The actions the UI offers, in a stable order. */
export function allowedActions(status: TicketStatus, ctx: ActionContext): TicketAction[] {
  return TICKET_ACTIONS.filter((a) => canTake(a, status, ctx));
}

/** Every action that can start from a status, whoever the caller (for INVALID_TRANSITION). */
export function actionsFrom(status: TicketStatus): TicketAction[] {
  return TICKET_ACTIONS.filter((a) => ACTION_FROM[a].includes(status));
}

/** Where an unresolved round of work (or an unsatisfied follow-up) sends the request. */
export function afterFailedAttempt(attemptsSoFar: number): { status: TicketStatus; attempts: number; lock: LockReason | null } {
  const attempts = attemptsSoFar + 1;
  return attempts >= MAX_ATTEMPTS
    ? { status: 'locked', attempts, lock: 'attempts_exhausted' }
    : { status: 'pending_assignment', attempts, lock: null };
}

export interface Outcome {
  status: TicketStatus;
  attempts: number;
  lock: LockReason | null;
}

/**
 * The state an allowed action leads to. `detail` carries what decides between branches:
 * the work outcome, follow-up satisfaction, the unlock mode, or whether an engineer owns
 * the request (resume).
 */
export function nextState(
  action: TicketAction,
  current: { status: TicketStatus; attempts: number; hasAssignee: boolean },
  detail: { outcome?: WorkOutcome; satisfied?: boolean; unlockMode?: UnlockMode } = {},
): Outcome {
  const keep = { attempts: current.attempts, lock: null };
  switch (action) {
    case 'assign':
      return { status: 'assigned', ...keep };
    case 'hold':
      return { status: 'on_hold', ...keep };
    case 'resume':
      return { status: current.hasAssignee ? 'assigned' : 'pending_assignment', ...keep };
    case 'logWork':
      if (detail.outcome === 'resolved') return { status: 'resolved', ...keep };
      if (detail.outcome === 'unresolved') return afterFailedAttempt(current.attempts);
      return { status: 'assigned', ...keep };
    case 'startFollowUp':
      return { status: 'follow_up', ...keep };
    case 'recordFollowUp':
      return detail.satisfied ? { status: 'closed', ...keep } : afterFailedAttempt(current.attempts);
    case 'unlock':
      // The attempt count is kept: a request the manager released that fails once more is
      // still "worked twice and unresolved" and comes straight back to the manager.
      if (detail.unlockMode === 'reassign') return { status: 'assigned', ...keep };
      if (detail.unlockMode === 'extend') return { status: 'pending_assignment', ...keep };
      return { status: 'closed', ...keep };
    case 'close':
      return { status: 'closed', ...keep };
    case 'reopen':
      return { status: 'reopened', ...keep };
    case 'merge':
      // A duplicate closes; its history stays and points at the request that carries on.
      return { status: 'closed', ...keep };
  }
}

/** Open = still needs work from the desk (drives queues, locks and, later, SLA clocks). */
export const OPEN_STATUSES: readonly TicketStatus[] = ['pending_assignment', 'on_hold', 'assigned', 'locked', 'resolved', 'follow_up', 'reopened'];
