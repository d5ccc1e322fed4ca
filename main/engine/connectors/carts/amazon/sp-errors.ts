import { DockhandError, type ErrorKind } from '../../../../../shared/errors.js';
import type { HttpResponse } from '../../../net/index.js';

/**
 * SP-API's error envelope {"errors":[{"code","message","details"}]} -> an error of the kind the
 * scheduler acts on. Codes seen in the models and Amazon's docs: InvalidInput (400), Unauthorized /
 * AccessDenied (403: the token or the app's role), NotFound (404), QuotaExceeded (429),
 * InternalFailure / ServiceUnavailable (5xx).
 */

export interface SpApiErrorEntry {
  code: string;
  message: string;
  details?: string;
}

export class AmazonApiError extends DockhandError {
  constructor(
    kind: ErrorKind,
    message: string,
    readonly status: number,
    readonly errors: SpApiErrorEntry[],
  ) {
    super(kind, message);
    this.name = 'AmazonApiError';
  }

  get code(): string | undefined {
    return this.errors[0]?.code;
  }

  /** Amazon's first message (with its details), as Amazon wrote it. */
  get amazonMessage(): string | undefined {
    const e = this.errors[0];
    return e ? `${e.message}${e.details ? ` (${e.details})` : ''}` : undefined;
  }
}

/** The entries of an SP-API error body; empty when the body is not the envelope. */
export function spApiErrors(text: string): SpApiErrorEntry[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  const list = (value as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(list)) return [];
  return list
    .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
    .map((e) => ({
      code: typeof e.code === 'string' ? e.code : 'Unknown',
      message: typeof e.message === 'string' ? e.message.slice(0, 300) : '',
      ...(typeof e.details === 'string' && e.details !== '' ? { details: e.details.slice(0, 300) } : {}),
    }));
}

/** An answer that is not a success, classed; `what` says what was being done ("the order list"). */
export function classifySpApiFailure(label: string, res: HttpResponse, what: string): AmazonApiError {
  const errors = spApiErrors(res.text);
  const first = errors[0];
  const said = first ? `: ${first.code}: ${first.message}${first.details ? ` (${first.details})` : ''}` : '';
  const { status } = res;
  if (status === 429 || first?.code === 'QuotaExceeded') {
    return new AmazonApiError('rate_limited', `${label} is rate limiting ${what}${said}`, status, errors);
  }
  if (status === 401 || status === 403) {
    return new AmazonApiError(
      'auth',
      `${label} refused ${what}${said}. Check that the app is authorized for this seller and has the role this needs (Solution Provider Portal > the app > Edit App), or press Reconnect on the cart.`,
      status,
      errors,
    );
  }
  if (status >= 500) return new AmazonApiError('transient', `${label} failed ${what} (HTTP ${status})${said}`, status, errors);
  if (errors.length === 0 && status !== 400 && status !== 404) {
    return new AmazonApiError('config', `${label} answered ${what} with something other than an SP-API reply (HTTP ${status}). Check the region and the base URL.`, status, errors);
  }
  if (status === 404) return new AmazonApiError('data', `${label} could not find it (${what})${said}`, status, errors);
  return new AmazonApiError('data', `${label} refused ${what} (HTTP ${status})${said}`, status, errors);
}
