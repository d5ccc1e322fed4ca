import type { z } from 'zod';
import type { FieldErrors } from '../../../shared/errors.js';
import { ApiError } from '../api/api-error.js';
import { PLAIN } from '../../../shared/plain-messages.js';

/**
 * Forms validate with the same zod schemas as the API, and show every message on its field. Field
 * names are dotted paths ("credentials.accessToken"), the same the API uses in `error.fields`.
 */

export type ValidationResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

export function validate<S extends z.ZodType>(schema: S, values: unknown): ValidationResult<z.output<S>> {
  const result = schema.safeParse(values, PLAIN);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: zodFieldErrors(result.error) };
}

export function zodFieldErrors(error: z.ZodError, prefix = ''): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    const key = stripPrefix(path, prefix) || '_form';
    // The first message for a field is the one to fix first.
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Field messages from an API error; `prefix` drops the wrapper of update inputs ("merchant."). */
export function apiFieldErrors(err: unknown, prefix = ''): FieldErrors {
  if (!(err instanceof ApiError)) return {};
  const errors: FieldErrors = {};
  for (const [path, message] of Object.entries(err.fields)) errors[stripPrefix(path, prefix) || '_form'] = message;
  return errors;
}

function stripPrefix(path: string, prefix: string): string {
  if (!prefix) return path;
  const p = prefix.endsWith('.') ? prefix : `${prefix}.`;
  return path.startsWith(p) ? path.slice(p.length) : path;
}

/** Messages for fields the form does not show, so none is silently lost. */
export function unshownErrors(errors: FieldErrors, shown: readonly string[]): string[] {
  return Object.entries(errors)
    .filter(([key]) => !shown.includes(key))
    .map(([key, message]) => (key === '_form' ? message : `${key}: ${message}`));
}
