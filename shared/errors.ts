/**
 * Error kinds the engine and the scheduler act on (DESIGN.md "Errors have kinds"):
 * - config: the settings are wrong; a person must fix them.
 * - auth: credentials refused; stop that target's schedule and alert.
 * - transient: network or 5xx; retry with backoff.
 * - rate_limited: wait it out (never counts as a failed attempt).
 * - data: one order or row is bad; record it against that item and carry on.
 * - storage: the data folder cannot be read or written (disk full or failing, files missing or damaged);
 *   a person must act on the disk or the folder. Writes refused for it are retried once it works again.
 * API-only kinds: validation (input failed its schema), not_found, conflict, internal.
 */
export const ERROR_KINDS = [
  'config',
  'auth',
  'transient',
  'rate_limited',
  'data',
  'storage',
  'validation',
  'not_found',
  'conflict',
  'internal',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** Field-level messages, keyed by a dotted path ("credentials.accessToken"). */
export type FieldErrors = Record<string, string>;

export interface ApiErrorBody {
  kind: ErrorKind;
  message: string;
  fields?: FieldErrors;
}

export class DockhandError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly options: { fields?: FieldErrors; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'DockhandError';
  }

  get fields(): FieldErrors | undefined {
    return this.options.fields;
  }

  get retryAfterMs(): number | undefined {
    return this.options.retryAfterMs;
  }

  toBody(): ApiErrorBody {
    return { kind: this.kind, message: this.message, ...(this.fields ? { fields: this.fields } : {}) };
  }
}

export function isDockhandError(err: unknown): err is DockhandError {
  return err instanceof DockhandError;
}

/** HTTP status for an API error body. */
export function httpStatusFor(kind: ErrorKind): number {
  switch (kind) {
    case 'validation':
    case 'config':
    case 'data':
      return 400;
    case 'auth':
      return 401;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'rate_limited':
      return 429;
    case 'transient':
      return 503;
    case 'storage':
      return 507;
    default:
      return 500;
  }
}
