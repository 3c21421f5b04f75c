import type { TFunction } from 'i18next';
import { toApiError } from '../../api/ApiError';

/** The lifecycle thresholds' fields, named as settings.update's input paths. */
export type LifecycleField = 'dormantAfterDays' | 'lostAfterDays';

export const LIFECYCLE_LIMITS: Record<LifecycleField, { min: number; max: number }> = {
  dormantAfterDays: { min: 1, max: 3650 },
  lostAfterDays: { min: 2, max: 3650 },
};

/** A days box's value as a whole number of days within the field's limits, or null. */
export function parseThreshold(field: LifecycleField, value: number | string): number | null {
  const n = typeof value === 'number' ? value : value.trim() === '' ? NaN : Number(value);
  const { min, max } = LIFECYCLE_LIMITS[field];
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
}

function rangeText(t: TFunction, field: LifecycleField): string {
  return t('settings.daysRange', LIFECYCLE_LIMITS[field]);
}

/** The form's own checks: both filled in, in range, and lost later than dormant. */
export function lifecycleLocalErrors(t: TFunction, dormant: number | string, lost: number | string): Partial<Record<LifecycleField, string>> {
  const out: Partial<Record<LifecycleField, string>> = {};
  const values = { dormantAfterDays: dormant, lostAfterDays: lost };
  for (const field of ['dormantAfterDays', 'lostAfterDays'] as const) {
    const value = values[field];
    if (typeof value === 'string' && value.trim() === '') out[field] = t('validation.required');
    else if (parseThreshold(field, value) === null) out[field] = rangeText(t, field);
  }
  const d = parseThreshold('dormantAfterDays', dormant);
  const l = parseThreshold('lostAfterDays', lost);
  if (d !== null && l !== null && l <= d) out.lostAfterDays = t('validation.notAfterDormant');
  return out;
}

/**
 * settings.update's refusals of the thresholds, translated: lost not after dormant says so;
 * anything else about a number is its range (tooShort / tooLong would read as character counts).
 */
export function lifecycleFieldErrors(t: TFunction, error: unknown): Partial<Record<LifecycleField, string>> {
  const out: Partial<Record<LifecycleField, string>> = {};
  for (const issue of toApiError(error).fields) {
    if (issue.path !== 'dormantAfterDays' && issue.path !== 'lostAfterDays') continue;
    out[issue.path] ??= issue.code === 'notAfterDormant' ? t('validation.notAfterDormant') : rangeText(t, issue.path);
  }
  return out;
}
