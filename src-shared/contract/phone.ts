import { z } from 'zod';
import { normalizePhone } from '../domain/phone';

/** A phone number as typed, stored in its one normalized form (domain/phone.ts); '' is none. */
export const phoneField = z
  .string()
  .trim()
  .max(40)
  // Checked, then normalized: a check (unlike a failing transform) lets a union of shapes
  // tell which one was meant, so the error names the field.
  .superRefine((text, ctx) => {
    const result = text === '' ? null : normalizePhone(text);
    if (result && !result.ok) ctx.addIssue({ code: 'custom', message: result.reason });
  })
  .transform((text) => {
    const result = text === '' ? null : normalizePhone(text);
    return result?.ok ? result.phone : text;
  });
