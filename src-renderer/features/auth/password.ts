import type { TFunction } from 'i18next';
import { PASSWORD_MAX, PASSWORD_MIN, PASSWORD_RECOMMENDED, contextWords, passwordLength, passwordProblem } from '../../../src-shared/domain/password';
import { toApiError } from '../../api/ApiError';

// What password forms check before sending (length, the desk's and the account's names; the
// common-password list lives in main) and how they say it: ASVS 5, no composition rules.

/** How far a typed password is along: too short, enough, or at the recommended length. */
export type PasswordLengthLevel = 'empty' | 'short' | 'enough' | 'recommended';

export function passwordLengthLevel(password: string): PasswordLengthLevel {
  const n = passwordLength(password);
  if (n === 0) return 'empty';
  if (n < PASSWORD_MIN) return 'short';
  return n < PASSWORD_RECOMMENDED ? 'enough' : 'recommended';
}

/** The sentence under a new-password field: the rules, then how many characters are typed. */
export function passwordLengthText(t: TFunction, password: string): string {
  const length = passwordLength(password);
  switch (passwordLengthLevel(password)) {
    case 'empty':
      return t('password.hint', { min: PASSWORD_MIN, recommended: PASSWORD_RECOMMENDED });
    case 'short':
      return t('password.lengthShort', { length, missing: PASSWORD_MIN - length });
    case 'enough':
      return t('password.length', { length });
    case 'recommended':
      return t('password.lengthGood', { length });
  }
}

/** A translated message for a validation code of a password field (with the limits filled in). */
export function passwordCodeMessage(t: TFunction, code: string): string {
  if (code === 'tooShort') return t('validation.tooShort', { min: PASSWORD_MIN });
  if (code === 'tooLong') return t('validation.tooLong', { max: PASSWORD_MAX });
  return t(`validation.${code}`, { defaultValue: t('validation.invalid') });
}

/**
 * What is wrong with a new password before it is sent, or null: required, the shared rules
 * (length, built from the account's names), and the confirmation when there is one.
 */
export function newPasswordProblem(password: string, names: readonly (string | null | undefined)[]): string | null {
  if (password.length === 0) return 'required';
  return passwordProblem(password, contextWords(...names));
}

/** main's message for the password field at `path` (policy codes such as commonPassword), or null. */
export function passwordFieldMessage(t: TFunction, error: unknown, path: string): string | null {
  if (!error) return null;
  const issue = toApiError(error).fields.find((f) => f.path === path);
  return issue ? passwordCodeMessage(t, issue.code) : null;
}
