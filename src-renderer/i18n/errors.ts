import type { TFunction } from 'i18next';
import { TICKET_ACTIONS, type TicketAction } from '../../src-shared/domain/lifecycle';
import { isErrorCode, type ErrorCode } from '../../src-shared/errors';
import { toApiError } from '../api/ApiError';
import { splitWait } from './format';

/** Every error code's catalog key; a new code without an entry here fails to compile. */
const ERROR_KEYS: Record<ErrorCode, string> = {
  VALIDATION: 'errors.VALIDATION',
  NOT_FOUND: 'errors.NOT_FOUND',
  FORBIDDEN: 'errors.FORBIDDEN',
  CONFLICT: 'errors.CONFLICT',
  INVALID_TRANSITION: 'errors.INVALID_TRANSITION',
  UNAUTHENTICATED: 'errors.UNAUTHENTICATED',
  LOCKED_OUT: 'errors.LOCKED_OUT',
  SESSION_LOCKED: 'errors.SESSION_LOCKED',
  PASSWORD_CHANGE_REQUIRED: 'errors.PASSWORD_CHANGE_REQUIRED',
  RATE_LIMITED: 'errors.RATE_LIMITED',
  INTERNAL: 'errors.INTERNAL',
};

/** Why main refused an action (FORBIDDEN details.reason); each has errors.forbiddenReason.<reason>. */
export const FORBIDDEN_REASONS = ['notYours', 'reopenWindowPassed'] as const;
type ForbiddenReason = (typeof FORBIDDEN_REASONS)[number];

function isForbiddenReason(value: unknown): value is ForbiddenReason {
  return typeof value === 'string' && (FORBIDDEN_REASONS as readonly string[]).includes(value);
}

/** Why main refused a transition (INVALID_TRANSITION details.reason); each has errors.transitionReason.<reason>. */
export const TRANSITION_REASONS = ['complaintNotAcknowledged', 'complaintIncomplete', 'notComplaint'] as const;
type TransitionReason = (typeof TRANSITION_REASONS)[number];

/** Why a change clashed with the current data (CONFLICT details.reason); each has errors.conflictReason.<reason>. */
export const CONFLICT_REASONS = [
  'alreadyAcknowledged',
  'contactInUse',
  // Backups: a damaged or too new backup is refused for restore; one backup or restore at a time.
  'backupDamaged',
  'backupNewerThanApp',
  'backupRunning',
  'importRunning',
  'passphraseRequired',
  'wrongPassphrase',
  // Account administration: an administrator's own role or account, a team with active members.
  'ownRole',
  'ownAccount',
  'teamHasMembers',
  // Data scopes read requests by the team that took them in: such a team is renamed, not removed.
  'teamHasRequests',
  // Personal data is erased on the customer a merged record went into (details.intoId).
  'merged',
  // A scheduled report runs once at a time: 立即运行 or removing waits for the run in progress.
  'scheduleRunning',
] as const;
type ConflictReason = (typeof CONFLICT_REASONS)[number];

function isTransitionReason(value: unknown): value is TransitionReason {
  return typeof value === 'string' && (TRANSITION_REASONS as readonly string[]).includes(value);
}

function isConflictReason(value: unknown): value is ConflictReason {
  return typeof value === 'string' && (CONFLICT_REASONS as readonly string[]).includes(value);
}

function isTicketAction(value: unknown): value is TicketAction {
  return typeof value === 'string' && (TICKET_ACTIONS as readonly string[]).includes(value);
}

/** CONFLICT because the service request changed under us (not a field clash such as a taken part number). */
export function isStaleVersion(error: unknown): boolean {
  const e = toApiError(error);
  return e.code === 'CONFLICT' && typeof e.details?.currentVersion === 'number';
}

/** A translated sentence for anything thrown by the api client (or anything else). */
export function errorMessage(t: TFunction, error: unknown): string {
  const e = toApiError(error);
  if (e.code === 'LOCKED_OUT' && typeof e.details?.retryAfterMs === 'number') {
    const { minutes, seconds } = splitWait(e.details.retryAfterMs);
    return minutes > 0 ? t('auth.lockedOutMinutes', { minutes, seconds }) : t('auth.lockedOutSeconds', { seconds });
  }
  // A reason says more than "changed meanwhile", even when the current version comes along.
  if (e.code === 'CONFLICT' && isConflictReason(e.details?.reason)) return t(`errors.conflictReason.${e.details.reason}`);
  if (isStaleVersion(e)) return t('errors.conflictChanged');
  if (e.code === 'INVALID_TRANSITION' && isTransitionReason(e.details?.reason)) return t(`errors.transitionReason.${e.details.reason}`);
  if (e.code === 'INVALID_TRANSITION' && Array.isArray(e.details?.allowed)) {
    const allowed = e.details.allowed.filter(isTicketAction);
    if (allowed.length > 0) {
      const separator = t('app.listSeparator');
      return t('errors.invalidTransitionAllowed', { actions: allowed.map((a) => t(`lifecycle.action.${a}`)).join(separator) });
    }
  }
  if (e.code === 'FORBIDDEN' && isForbiddenReason(e.details?.reason)) return t(`errors.forbiddenReason.${e.details.reason}`);
  return t(ERROR_KEYS[e.code]);
}

/**
 * VALIDATION (and CONFLICT with field details) as translated messages per form field.
 * `fieldOf` maps an input path ('admin.username', 'customer.name') to a form field name.
 */
export function fieldErrors(t: TFunction, error: unknown, fieldOf: (path: string) => string | null): Record<string, string> {
  const e = toApiError(error);
  const out: Record<string, string> = {};
  for (const issue of e.fields) {
    const field = fieldOf(issue.path);
    if (!field || out[field]) continue;
    out[field] = t(`validation.${issue.code}`, { min: issue.min, max: issue.max, defaultValue: t('validation.invalid') });
  }
  return out;
}

/** Codes a bulk change reports per request in a few words; each has queue.bulk.reason.<code>. */
export const BULK_FAILURE_CODES = ['CONFLICT', 'INVALID_TRANSITION', 'FORBIDDEN', 'NOT_FOUND'] as const;
type BulkFailureCode = (typeof BULK_FAILURE_CODES)[number];

function isBulkFailureCode(value: string): value is BulkFailureCode {
  return (BULK_FAILURE_CODES as readonly string[]).includes(value);
}

/** Why one request of a bulk change was not changed (the code main reported for it), translated. */
export function bulkFailureReason(t: TFunction, code: string): string {
  if (isBulkFailureCode(code)) return t(`queue.bulk.reason.${code}`);
  return t(ERROR_KEYS[isErrorCode(code) ? code : 'INTERNAL']);
}
