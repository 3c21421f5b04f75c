// Push events from main to the renderer; the renderer invalidates queries on them.
export interface EventMap {
  'tickets.changed': { ids: number[] };
  'session.ended': { reason: 'signedOut' | 'disabled' };
  /** New notifications for these users (SLA warnings, breaches, escalations). */
  'notifications.created': { userIds: number[] };
}
export type EventName = keyof EventMap;
export const EVENT_NAMES: readonly EventName[] = ['tickets.changed', 'session.ended', 'notifications.created'];
