import type { TFunction } from 'i18next';
import { errorMessage } from '../i18n/errors';

/**
 * A failed save as a form shows it: main's messages per field (`server`), or, when main named
 * no field, one sentence for the whole form (`general`); both empty while nothing failed.
 */
export function saveErrors<F extends string>(
  t: TFunction,
  error: unknown,
  fieldErrorsOf: (t: TFunction, error: unknown) => Partial<Record<F, string>>,
): { server: Partial<Record<F, string>>; general: string | null } {
  if (!error) return { server: {}, general: null };
  const server = fieldErrorsOf(t, error);
  return { server, general: Object.keys(server).length === 0 ? errorMessage(t, error) : null };
}
