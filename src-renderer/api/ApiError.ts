import { isErrorCode, type AppErrorShape, type ErrorCode, type FieldIssue } from '../../src-shared/errors';

/** What the typed client throws for a `{ ok: false }` Result. UI code translates it by code. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: AppErrorShape['details'];

  constructor(shape: AppErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
    this.code = isErrorCode(shape.code) ? shape.code : 'INTERNAL';
    this.details = shape.details;
  }

  get fields(): FieldIssue[] {
    return this.details?.fields ?? [];
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Anything else that was thrown (a bug, a broken transport) reads as INTERNAL. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError({ code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) });
}
