import { IDLE_LOCK_LIMITS } from '../../../src-shared/contract/settings';

/** The idle minutes as typed: a whole number within IDLE_LOCK_LIMITS, or null. */
export function parseIdleMinutes(value: number | string): number | null {
  const n = typeof value === 'number' ? value : value.trim() === '' ? NaN : Number(value);
  return Number.isInteger(n) && n >= IDLE_LOCK_LIMITS.min && n <= IDLE_LOCK_LIMITS.max ? n : null;
}
