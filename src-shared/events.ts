// Push events from main to the renderer; the renderer invalidates queries on them.
export interface EventMap {
  'tickets.changed': { ids: number[] };
  'session.ended': { reason: 'signedOut' | 'disabled' };
}
export type EventName = keyof EventMap;
export const EVENT_NAMES: readonly EventName[] = ['tickets.changed', 'session.ended'];
