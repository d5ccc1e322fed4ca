import type { FakeWooStore } from './fake-store.js';
import { restError, type FakeReply } from './wp-replies.js';

/**
 * Consumer key/secret as WooCommerce reads them over HTTPS: HTTP Basic, else the consumer_key and
 * consumer_secret query parameters. A wrong key or secret is refused before routing; no keys at all
 * make the request a guest's, which each route then refuses with its own woocommerce_rest_cannot_* code.
 */

export type Credentials =
  | { via: 'basic' | 'query'; ok: true; error?: undefined; may(method: string): boolean }
  | { via: 'basic' | 'query' | 'none'; ok: false; error?: FakeReply };

export function authenticate(store: FakeWooStore, header: string | undefined, query: URLSearchParams): Credentials {
  let key: string | undefined;
  let secret: string | undefined;
  let via: 'basic' | 'query' | 'none' = 'none';
  const basic = !store.options.dropsAuthorizationHeader && header ? /^Basic\s+(.+)$/i.exec(header) : null;
  if (basic) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    key = colon >= 0 ? decoded.slice(0, colon) : decoded;
    secret = colon >= 0 ? decoded.slice(colon + 1) : '';
    via = 'basic';
  } else if (query.has('consumer_key')) {
    key = query.get('consumer_key') ?? '';
    secret = query.get('consumer_secret') ?? '';
    via = 'query';
  }
  if (via === 'none') return { via, ok: false };
  if (key !== store.options.consumerKey || store.keysRevoked) {
    return { via, ok: false, error: restError(401, 'woocommerce_rest_authentication_error', 'Consumer key is invalid.') };
  }
  if (secret !== store.options.consumerSecret) {
    return { via, ok: false, error: restError(401, 'woocommerce_rest_authentication_error', 'Consumer secret is invalid.') };
  }
  const permissions = store.options.permissions;
  return {
    via,
    ok: true,
    may: (method) => (method === 'GET' || method === 'HEAD' ? permissions !== 'write' : permissions !== 'read'),
  };
}

/** The permission refusal a guest gets: 401 (not logged in) with the route's own code and message. */
export function guestRefusal(method: string, parts: string[]): FakeReply {
  const last = parts[parts.length - 1];
  if (last === 'batch') return restError(401, 'woocommerce_rest_cannot_batch', 'Sorry, you are not allowed to batch manipulate this resource.');
  if (method === 'GET') {
    const isItem = /^\d+$/.test(last ?? '') || (parts.length >= 4 && parts[2] === 'shipment-trackings');
    return isItem
      ? restError(401, 'woocommerce_rest_cannot_view', 'Sorry, you cannot view this resource.')
      : restError(401, 'woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.');
  }
  if (method === 'DELETE') return restError(401, 'woocommerce_rest_cannot_delete', 'Sorry, you are not allowed to delete this resource.');
  if (method === 'POST' && !/^\d+$/.test(last ?? '')) {
    return restError(401, 'woocommerce_rest_cannot_create', 'Sorry, you are not allowed to create resources.');
  }
  return restError(401, 'woocommerce_rest_cannot_edit', 'Sorry, you are not allowed to edit this resource.');
}
