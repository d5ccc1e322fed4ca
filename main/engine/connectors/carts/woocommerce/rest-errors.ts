import { DockhandError, type ErrorKind } from '../../../../../shared/errors.js';
import { wpErrorSchema } from './payload-schemas.js';
import type { ReplyBody } from './reply-body.js';

/**
 * A WooCommerce answer that is not a success, classed for the scheduler (DESIGN.md "Errors have kinds"):
 * keys refused -> auth; a route that does not exist -> config (the plugin is missing); the address is
 * not WordPress or redirects -> config; a refused item -> data. 429 and 5xx never get here: the HTTP
 * layer waits those out or retries them, and gives up as rate_limited or transient.
 */

export class WooRestError extends DockhandError {
  constructor(
    kind: ErrorKind,
    message: string,
    readonly status: number,
    /** WordPress's error code ("rest_no_route", "woocommerce_rest_authentication_error"), when it sent one. */
    readonly code?: string,
  ) {
    super(kind, message);
    this.name = 'WooRestError';
  }
}

export function isNoRoute(err: unknown): boolean {
  return err instanceof WooRestError && err.code === 'rest_no_route';
}

/** The codes a request without (working) keys gets: WordPress treated it as a visitor. */
export function isGuestRefusal(status: number, body: ReplyBody): boolean {
  const code = errorOf(body)?.code ?? '';
  return status === 401 && code.startsWith('woocommerce_rest_cannot_');
}

export function classifyFailure(label: string, route: string, status: number, body: ReplyBody, location: string | null): WooRestError {
  if (status >= 300 && status < 400) {
    const address = location ? storeAddressOf(location) : undefined;
    return new WooRestError(
      'config',
      address
        ? `${label} redirects to ${address} (HTTP ${status}): enter ${address} as the store address`
        : `${label} redirects (HTTP ${status}): enter the address it redirects to as the store address`,
      status,
    );
  }
  if (body.kind === 'html') return htmlFailure(label, status, body);
  const error = errorOf(body);
  const detail = error?.message ? ` (${error.message})` : '';
  const code = error?.code;
  if (status === 401 && code === 'woocommerce_rest_authentication_error') {
    return new WooRestError('auth', `${label} refused the API keys${detail}. Check the consumer key and secret (WooCommerce > Settings > Advanced > REST API).`, status, code);
  }
  if (status === 401 || status === 403) {
    return new WooRestError(
      'auth',
      `${label} did not let the API keys use ${route}${detail || ` (HTTP ${status})`}. The key needs Read/Write access and a user who can manage WooCommerce.`,
      status,
      code,
    );
  }
  if (status === 404 && code === 'rest_no_route') {
    const what = route.startsWith('wc/v3') ? 'WooCommerce 3.5 or later' : `the plugin that serves ${route.split('/').slice(0, 2).join('/')}`;
    return new WooRestError('config', `${label} has no REST route for ${route}: is ${what} installed and active?`, status, code);
  }
  if (body.kind === 'other' && status < 300) {
    return new WooRestError('transient', `${label} sent a reply that is not JSON: "${body.excerpt}"`, status);
  }
  return new WooRestError('data', `${label} refused ${route} (HTTP ${status}${error ? `, ${error.code}` : ''})${detail}`, status, code);
}

function htmlFailure(label: string, status: number, body: Extract<ReplyBody, { kind: 'html' }>): WooRestError {
  const page = body.title ? ` ("${body.title}")` : '';
  if (status === 401 || status === 403) {
    return new WooRestError('auth', `${label} refused access with a web page${page} (HTTP ${status}): a firewall or security plugin may be blocking the REST API`, status);
  }
  if (!body.wordpress) {
    return new WooRestError('config', `${label} is not a WordPress site: it answered with a web page${page} instead of the REST API. Check the store address.`, status);
  }
  return new WooRestError(
    'config',
    `${label} is WordPress but answered with a web page${page} instead of the REST API (HTTP ${status}): turn on pretty permalinks (Settings > Permalinks) and check that no security plugin blocks /wp-json`,
    status,
  );
}

function errorOf(body: ReplyBody) {
  if (body.kind !== 'json') return undefined;
  const parsed = wpErrorSchema.safeParse(body.value);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The store address a redirect points at, as a person types it: origin and the folder WordPress lives
 * in, without /wp-json/... or the query string (which may carry the keys when they go in the query).
 */
function storeAddressOf(location: string): string | undefined {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    return undefined;
  }
  const folder = url.pathname.replace(/\/wp-json(\/.*)?$/, '').replace(/\/+$/, '');
  return `${url.origin}${folder}`;
}
