import type { ErrorKind, FieldErrors } from '../../../shared/errors.js';

/** An error from the engine (or from reaching it), with its kind and field messages for forms. */
export class ApiError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly fields: FieldErrors = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
