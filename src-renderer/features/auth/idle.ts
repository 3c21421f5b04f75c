import { IDLE_LOCK_LIMITS } from '../../../src-shared/contract/settings';

// When an idle window locks: the desk's minutes (settings.idleLockMinutes) held inside their
// limits, and how long is left since the last keyboard, mouse or touch input.

/** The idle time in ms for a number of minutes, within IDLE_LOCK_LIMITS (the default when unknown). */
export function idleLimitMs(minutes: number | null | undefined): number {
  const m = typeof minutes === 'number' && Number.isFinite(minutes) ? Math.round(minutes) : IDLE_LOCK_LIMITS.default;
  return Math.min(IDLE_LOCK_LIMITS.max, Math.max(IDLE_LOCK_LIMITS.min, m)) * 60_000;
}

/** Ms until the window should lock (0: now), given the last input and the idle time. */
export function idleRemainingMs(lastInputAt: number, now: number, limitMs: number): number {
  return Math.max(0, lastInputAt + limitMs - now);
}

/** The input events that count as someone at the window. */
export const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart', 'scroll'] as const;
