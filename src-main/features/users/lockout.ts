// Brute-force defence that cannot lock a colleague out for long: the first few failures
// cost nothing, then each further failure doubles a short lock, capped at 15 minutes, and a
// successful sign-in resets it.
export const FREE_ATTEMPTS = 5;
const FIRST_LOCK_MS = 30_000;
export const MAX_LOCK_MS = 15 * 60_000;

/** How long to lock after `failures` consecutive failed attempts (0 = not locked). */
export function lockDurationMs(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (failures - FREE_ATTEMPTS));
}
