// Password rules after OWASP ASVS 5 (V6.2): at least 8 characters, 15 or more recommended,
// 64 and more allowed, no composition rules (no "one digit, one capital"), never forced to
// rotate, refused when common or built from words of this desk (its name, the username).
// The common-password list lives in main (features/users/passwordPolicy.ts); the rest is
// here so the renderer can say the same thing before sending.

export const PASSWORD_MIN = 8;
export const PASSWORD_RECOMMENDED = 15;
export const PASSWORD_MAX = 128;

export type PasswordProblem = 'tooShort' | 'tooLong' | 'commonPassword' | 'contextWord';

/** Length in characters as people count them (an emoji or a CJK character is one). */
export function passwordLength(password: string): number {
  return Array.from(password).length;
}

/** Words a password must not be built from: the product's name and the account's own names. */
export function contextWords(...names: (string | null | undefined)[]): string[] {
  const words = ['serviceloop', 'service-loop', 'service loop'];
  for (const n of names) {
    const w = n?.trim().toLowerCase();
    if (w && passwordLength(w) >= 3) words.push(w);
  }
  return words;
}

/** The first rule a password breaks, or null; `isCommon` looks it up in the common list. */
export function passwordProblem(password: string, words: readonly string[], isCommon: (lower: string) => boolean = () => false): PasswordProblem | null {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN) return 'tooShort';
  if (length > PASSWORD_MAX) return 'tooLong';
  const lower = password.toLowerCase();
  if (isCommon(lower)) return 'commonPassword';
  // "admin2026!" for the account admin, "serviceloop1": the word plus a little is easy to guess.
  const letters = lower.replace(/[^\p{L}]/gu, '');
  if (words.some((w) => lower.includes(w) && (letters === w.replace(/[^\p{L}]/gu, '') || lower.length - w.length < 6))) return 'contextWord';
  return null;
}
