// Push events from main to the renderer; the renderer invalidates queries on them.
export interface EventMap {
  'tickets.changed': { ids: number[] };
  'session.ended': { reason: 'signedOut' | 'disabled' };
  /** New notifications for these users (SLA warnings, breaches, escalations). */
  'notifications.created': { userIds: number[] };
  /** A long job (import, dry run, export) moved on, or finished: read it with imports.job / exports.job. */
  'job.progress': { jobId: string; done: number; total: number; state: 'running' | 'done' | 'cancelled' | 'failed' };
  /** Customers were created, edited or merged (an import or a merge touches many). */
  'customers.changed': { ids: number[] };
}
export type EventName = keyof EventMap;
export const EVENT_NAMES: readonly EventName[] = ['tickets.changed', 'session.ended', 'notifications.created', 'job.progress', 'customers.changed'];
