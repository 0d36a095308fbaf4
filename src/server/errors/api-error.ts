import { ERRORS, type ErrorCode, type FieldError } from '../../shared/errors.js';

/** An error meant for the caller: a stable code, a message safe to show, the fields at fault. */
export class ApiError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly fieldErrors?: FieldError[],
    /** For SQL errors: where in the query (0-based offset). */
    readonly position?: number,
  ) {
    super(message ?? ERRORS[code].title);
    this.name = 'ApiError';
    this.status = ERRORS[code].status;
  }
}

export const notFound = (what = 'Not found') => new ApiError('not_found', what);
export const forbidden = (message?: string) => new ApiError('forbidden', message);
export const invalidField = (path: string, message: string) =>
  new ApiError('validation_failed', message, [{ path, message }]);
