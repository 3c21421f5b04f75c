import type { ProblemCategory } from '../../../src-shared/contract';
import { TICKET_ACTIONS } from '../../../src-shared/domain/lifecycle';

/** Every kind of history event main writes; each has detail.event.<kind> in the catalogs. */
export const EVENT_KINDS = ['created', ...TICKET_ACTIONS, 'lock', 'priority', 'reply', 'note'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export function isEventKind(kind: string): kind is EventKind {
  return (EVENT_KINDS as readonly string[]).includes(kind);
}

/** A problem category's name in the UI language. */
export function problemCategoryName(category: ProblemCategory, locale: string): string {
  return locale.startsWith('zh') ? category.nameZh : category.nameEn;
}
