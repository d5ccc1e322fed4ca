import { DockhandError, type ErrorKind } from '../../../../../shared/errors.js';
import type { HttpResponse } from '../../../net/index.js';
import { ebayErrorSchema, type EbayErrorEnvelope } from './schemas.js';

/**
 * eBay's error envelope ({"errors":[{errorId, domain, category, message, longMessage, parameters}]})
 * classed into the kinds the scheduler acts on. category APPLICATION is eBay's own failure (transient),
 * REQUEST and BUSINESS are about what was sent (data, or auth for the token's errors); errorId 1001 is
 * "Invalid access token", 1100 "Insufficient permissions", 2001 "Too many requests".
 */

export const EBAY_INVALID_TOKEN = 1001;
export const EBAY_INSUFFICIENT_PERMISSIONS = 1100;
export const EBAY_TOO_MANY_REQUESTS = 2001;

export class EbayApiError extends DockhandError {
  constructor(
    kind: ErrorKind,
    message: string,
    readonly status: number,
    readonly envelope?: EbayErrorEnvelope,
    options: { retryAfterMs?: number } = {},
  ) {
    super(kind, message, options);
    this.name = 'EbayApiError';
  }

  get errorIds(): number[] {
    return (this.envelope?.errors ?? []).map((e) => e.errorId ?? 0);
  }
}

export function parseEbayErrors(text: string): EbayErrorEnvelope | undefined {
  try {
    const parsed = ebayErrorSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** eBay's words for the first error: its longMessage where it has one, else its message. */
export function ebaySaid(envelope: EbayErrorEnvelope | undefined): string | undefined {
  const first = envelope?.errors[0];
  if (!first) return undefined;
  const text = (first.longMessage ?? first.message ?? '').trim();
  if (!text) return undefined;
  return `${text.slice(0, 300)}${first.errorId ? ` (eBay error ${first.errorId})` : ''}`;
}

export function classifyEbayFailure(label: string, res: HttpResponse, what: string): EbayApiError {
  const envelope = parseEbayErrors(res.text);
  const said = ebaySaid(envelope);
  const words = said ? `: ${said}` : '';
  const ids = (envelope?.errors ?? []).map((e) => e.errorId);
  const categories = (envelope?.errors ?? []).map((e) => e.category);
  const { status } = res;
  if (status === 401 || ids.includes(EBAY_INVALID_TOKEN)) {
    return new EbayApiError('auth', `${label} refused the access token for ${what}${words}. Press Reconnect on the cart.`, status, envelope);
  }
  if (status === 403 || ids.includes(EBAY_INSUFFICIENT_PERMISSIONS)) {
    return new EbayApiError(
      'auth',
      `${label} does not allow ${what}${words}. The authorization lacks a scope (sell.fulfillment, sell.inventory): press Reconnect on the cart and accept every permission.`,
      status,
      envelope,
    );
  }
  if (status === 429 || ids.includes(EBAY_TOO_MANY_REQUESTS)) {
    return new EbayApiError('rate_limited', `${label} is rate limiting ${what}${words}`, status, envelope);
  }
  if (status >= 500 || categories.includes('APPLICATION')) {
    return new EbayApiError('transient', `${label} failed ${what} (HTTP ${status})${words}`, status, envelope);
  }
  if (envelope === undefined) {
    return new EbayApiError('config', `${label} answered ${what} with something other than eBay's API (HTTP ${status}). Check the Advanced address, if one is set.`, status);
  }
  if (status === 404) return new EbayApiError('data', `${label} could not find it (${what})${words}`, status, envelope);
  return new EbayApiError('data', `${label} refused ${what} (HTTP ${status})${words}`, status, envelope);
}
