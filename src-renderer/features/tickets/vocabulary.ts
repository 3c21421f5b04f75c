import type { ProblemCategory } from '../../../src-shared/contract';
import { ASSIGNMENT_STRATEGIES, type AssignmentStrategy } from '../../../src-shared/contract/assignment';
import { LOCK_REASONS, TICKET_ACTIONS, type LockReason } from '../../../src-shared/domain/lifecycle';
import { ESCALATION_ACTIONS, SLA_BASES, SLA_TARGETS, type EscalationAction, type SlaBasis, type SlaTarget } from '../../../src-shared/domain/sla';
import { TICKET_PRIORITIES, type TicketPriority } from '../../../src-shared/domain/tickets';

/** Every kind of history event main writes; each has detail.event.<kind> in the catalogs. */
export const EVENT_KINDS = [
  'created',
  ...TICKET_ACTIONS,
  'lock',
  'priority',
  // A service manager applied another service agreement (details name both; the note says why).
  'agreement',
  'reply',
  'note',
  // On the request a duplicate was merged into (the duplicate itself gets 'merge').
  'mergedIn',
  'acknowledge',
  'complaintAnalysis',
  'attachment',
  // Written by the SLA clock and the escalation rules, with no actor.
  'slaComputed',
  'slaWarning',
  'slaBreach',
  'escalated',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export function isEventKind(kind: string): kind is EventKind {
  return (EVENT_KINDS as readonly string[]).includes(kind);
}

/** A problem category's name in the UI language. */
export function problemCategoryName(category: ProblemCategory, locale: string): string {
  return locale.startsWith('zh') ? category.nameZh : category.nameEn;
}

/** How an automatic assignment picked its engineer (assign event details.strategy); each has detail.strategy.<value>. */
export function isAssignmentStrategy(value: unknown): value is AssignmentStrategy {
  return typeof value === 'string' && (ASSIGNMENT_STRATEGIES as readonly string[]).includes(value);
}

/** Whether a value (from JSON, a select or a radio group) is one of a vocabulary's values. */
export function oneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

// Event details arrive as JSON: each guard lets a value reach a catalog key (sla.basis.<value>…) only when it has one.
export const isSlaBasis = (value: unknown): value is SlaBasis => oneOf(SLA_BASES, value);
export const isSlaTarget = (value: unknown): value is SlaTarget => oneOf(SLA_TARGETS, value);
export const isEscalationAction = (value: unknown): value is EscalationAction => oneOf(ESCALATION_ACTIONS, value);
export const isTicketPriority = (value: unknown): value is TicketPriority => oneOf(TICKET_PRIORITIES, value);
export const isLockReason = (value: unknown): value is LockReason => oneOf(LOCK_REASONS, value);

/** A file size for people: bytes, KB or MB (1024-based), one decimal where it helps. */
export function formatFileSize(bytes: number, locale: string): string {
  const number = (value: number, digits: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  if (bytes < 1024) return `${number(bytes, 0)} B`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024, 1)} KB`;
  return `${number(bytes / (1024 * 1024), 1)} MB`;
}
