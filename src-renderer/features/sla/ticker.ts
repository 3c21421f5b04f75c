// One clock for every SLA countdown on screen: a queue of a hundred rows must not run a
// hundred timers, and rows that tick together never disagree about the time.

/** Countdowns show minutes; half a minute keeps them at most 30 s behind. */
export const TICK_MS = 30_000;

const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;
let now = Date.now();

function tick(): void {
  now = Date.now();
  for (const listener of listeners) listener();
}

/** Subscribes to the shared tick; the timer runs only while someone listens. */
export function subscribeTicker(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    timer = setInterval(tick, TICK_MS);
    // The last tick may be old (no countdown was on screen): start from the current time.
    tick();
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** The time of the last tick (a stable value between ticks, as useSyncExternalStore needs). */
export function tickerNow(): number {
  // With no timer running, a first reader gets a fresh time rather than the last page's tick;
  // within one tick the value stays put so repeated reads agree.
  if (timer === null && Date.now() - now >= TICK_MS) now = Date.now();
  return now;
}
