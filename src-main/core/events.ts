import type { EventMap, EventName } from '../../src-shared/events';

export type Listener = <N extends EventName>(name: N, payload: EventMap[N]) => void;

/** Push events to every connected transport (each window, each web client). */
export interface CoreEvents {
  emit<N extends EventName>(name: N, payload: EventMap[N]): void;
  /** Subscribes to all events; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void;
}

export function createEvents(onListenerError: (error: unknown) => void): CoreEvents {
  const listeners = new Set<Listener>();
  return {
    emit(name, payload) {
      for (const listener of listeners) {
        try {
          listener(name, payload);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
