// The closed set of error codes dispatch can return. The renderer maps every one of them
// to a translated message (errors.<code> in the catalogs); adding a code without a
// translation fails the catalog test.
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'INVALID_TRANSITION',
  'UNAUTHENTICATED',
  'LOCKED_OUT',
  /** The session's window locked after idle time: unlock with the password (auth.unlock). */
  'SESSION_LOCKED',
  /** An administrator set this password: change it first (auth.changePassword). */
  'PASSWORD_CHANGE_REQUIRED',
  'RATE_LIMITED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One field-level problem; `path` is the input path, `code` a translatable reason. */
export interface FieldIssue {
  path: string;
  code: string;
  message: string;
  /** Length or size limits the value broke, for messages like "at most 200 characters". */
  min?: number;
  max?: number;
}

export interface AppErrorShape {
  code: ErrorCode;
  /** English, for logs and developers; the UI translates by code and details. */
  message: string;
  details?: {
    fields?: FieldIssue[];
    allowed?: string[];
    retryAfterMs?: number;
    [key: string]: unknown;
  };
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppErrorShape };

/** Thrown inside main to end a handler with a typed error; dispatch turns it into a Result. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: AppErrorShape['details'];
  constructor(code: ErrorCode, message: string, details?: AppErrorShape['details']) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  toShape(): AppErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** A VALIDATION error on one input field; the renderer translates `code` (validation.<code>). */
export function fieldError(path: string, code: string): AppError {
  return new AppError('VALIDATION', `${path}: ${code}`, { fields: [{ path, code, message: code }] });
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
