import { AppError } from '../../../src-shared/errors';

// Keyset cursors: the last row's (sort value, id), opaque to the renderer.
export type Cursor = [value: string | number | null, id: number];

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(raw: string): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      (typeof value[0] === 'string' || typeof value[0] === 'number' || value[0] === null) &&
      Number.isSafeInteger(value[1])
    ) {
      return value as Cursor;
    }
  } catch {
    // fall through to the validation error
  }
  throw new AppError('VALIDATION', 'Bad cursor', { fields: [{ path: 'cursor', code: 'invalid', message: 'bad cursor' }] });
}
