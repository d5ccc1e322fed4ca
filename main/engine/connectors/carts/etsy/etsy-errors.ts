import { DockhandError } from '../../../../../shared/errors.js';
import type { HttpResponse } from '../../../net/index.js';

/**
 * Etsy's error replies: {"error": "..."} (the spec's ErrorSchema) on the API, and OAuth's
 * {"error": "invalid_grant", "error_description": "..."} on the token endpoint. Classed into the kinds
 * the engine acts on, Etsy's own words kept in the message.
 */

/** Etsy's words from an error body, or undefined when the body says none (an HTML page, nothing). */
export function etsyErrorText(text: string): string | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const body = value as Record<string, unknown>;
    const parts = [body.error, body.error_description].filter((p): p is string => typeof p === 'string' && p.trim() !== '');
    return parts.length > 0 ? parts.join(': ').slice(0, 300) : undefined;
  } catch {
    return undefined;
  }
}

/** The OAuth error code of a token endpoint reply ("invalid_grant"), if it has one. */
export function oauthErrorCode(text: string): string | undefined {
  try {
    const value: unknown = JSON.parse(text);
    const code = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).error : undefined;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A reply that is not a success, for a call described by `what` ("the receipts of shop 42"):
 * 401/403 auth (the app key or the grant refused, or a scope missing), 404 not_found, 400/409/422 data
 * (what was sent does not fit: the caller knows whether that is one item's problem), 5xx transient.
 */
export function classifyEtsyFailure(label: string, res: HttpResponse, what: string): DockhandError {
  const said = etsyErrorText(res.text);
  const tail = said ? `: ${said}` : '';
  if (res.status === 401) {
    return new DockhandError('auth', `${label} refused the saved authorization during ${what}${tail}. Press Reconnect on the cart.`);
  }
  if (res.status === 403) {
    return new DockhandError(
      'auth',
      `${label} refused ${what}${tail}. Check the app's keystring and shared secret, and that the shop's owner granted every permission (Reconnect asks again).`,
      { fields: { 'credentials.keystring': 'Refused by Etsy' } },
    );
  }
  if (res.status === 404) return new DockhandError('not_found', `${label} found nothing for ${what}${tail}`);
  if (res.status >= 500) return new DockhandError('transient', `${label} answered HTTP ${res.status} during ${what}${tail}`);
  if (res.status === 429) return new DockhandError('rate_limited', `${label} is rate limiting ${what}${tail}`);
  return new DockhandError('data', `${label} refused ${what}${tail} (HTTP ${res.status})`);
}
