import { RETENTION_LIMITS } from '../../../src-shared/contract/settings';

/** The retention years as typed: a whole number within RETENTION_LIMITS (0: kept), or null. */
export function parseRetentionYears(value: number | string): number | null {
  const n = typeof value === 'number' ? value : value.trim() === '' ? NaN : Number(value);
  return Number.isInteger(n) && n >= RETENTION_LIMITS.min && n <= RETENTION_LIMITS.max ? n : null;
}
