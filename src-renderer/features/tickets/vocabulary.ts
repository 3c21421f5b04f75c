import type { ProblemCategory } from '../../../src-shared/contract';
import { ASSIGNMENT_STRATEGIES, type AssignmentStrategy } from '../../../src-shared/contract/assignment';
import { TICKET_ACTIONS } from '../../../src-shared/domain/lifecycle';

/** Every kind of history event main writes; each has detail.event.<kind> in the catalogs. */
export const EVENT_KINDS = [
  'created',
  ...TICKET_ACTIONS,
  'lock',
  'priority',
  'reply',
  'note',
  // On the request a duplicate was merged into (the duplicate itself gets 'merge').
  'mergedIn',
  'acknowledge',
  'complaintAnalysis',
  'attachment',
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

/** A file size for people: bytes, KB or MB (1024-based), one decimal where it helps. */
export function formatFileSize(bytes: number, locale: string): string {
  const number = (value: number, digits: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  if (bytes < 1024) return `${number(bytes, 0)} B`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024, 1)} KB`;
  return `${number(bytes / (1024 * 1024), 1)} MB`;
}
