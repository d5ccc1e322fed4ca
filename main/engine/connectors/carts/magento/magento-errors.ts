import { DockhandError, type ErrorKind } from '../../../../../shared/errors.js';
import type { HttpResponse } from '../../../net/index.js';
import { magentoErrorSchema } from './schemas.js';

/**
 * Turns a Magento answer that is not a success into an error of the kind the scheduler acts on, with a
 * message a person can act on. Magento's own errors are JSON {"message","parameters"}; anything else
 * (an HTML page, a redirect) means the address does not lead to Magento's REST API.
 */

export const NO_ROUTE_MESSAGE = 'Request does not match any route.';

export class MagentoApiError extends DockhandError {
  constructor(
    kind: ErrorKind,
    message: string,
    readonly status: number,
    /** Magento's own message with its parameters filled in, when it sent one. */
    readonly magentoMessage?: string,
  ) {
    super(kind, message);
    this.name = 'MagentoApiError';
  }

  /** The route does not exist on this store: a module (MSI) is not installed, or the address is wrong. */
  get missingRoute(): boolean {
    return this.status === 404 && this.magentoMessage === NO_ROUTE_MESSAGE;
  }
}

/** Magento's message with %1 / %name placeholders filled from its parameters. */
export function magentoMessage(text: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = magentoErrorSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const { message, parameters } = parsed.data;
  if (parameters == null) return message;
  return message.replace(/%(\w+)/g, (whole, key: string) => {
    const v = Array.isArray(parameters) ? parameters[Number(key) - 1] : parameters[key];
    return v === undefined ? whole : String(v);
  });
}

export function looksLikeHtml(res: HttpResponse): boolean {
  return /text\/html/i.test(res.headers.get('content-type') ?? '') || /^\s*</.test(res.text);
}

/** Names what an HTML page says, for messages: its <title>, shortened. */
export function pageTitle(text: string): string | undefined {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.trim().replace(/\s+/g, ' ');
  return title ? title.slice(0, 80) : undefined;
}

export function notMagento(label: string, res: HttpResponse, base: string): MagentoApiError {
  const title = pageTitle(res.text);
  return new MagentoApiError(
    'config',
    `${label} is not a Magento store's REST API: ${base} answered ${looksLikeHtml(res) ? `a web page${title ? ` ("${title}")` : ''}` : 'something other than Magento JSON'} (HTTP ${res.status}). Check the store address.`,
    res.status,
  );
}

export function classifyFailure(label: string, res: HttpResponse, what: string, base: string): MagentoApiError {
  const message = magentoMessage(res.text);
  const said = message ? `: ${message.slice(0, 300)}` : '';
  const { status } = res;
  if (status >= 300 && status < 400) {
    const location = res.headers.get('location');
    const target = location ? storeAddressOf(location, base) : undefined;
    return new MagentoApiError(
      'config',
      target
        ? `${label} redirects ${what} to ${target} (HTTP ${status}): enter ${target} as the store address`
        : `${label} redirects ${what} to another address (HTTP ${status}): enter the address the store is really at (https://, with or without www.)`,
      status,
    );
  }
  if (status === 401 && /^\s*basic/i.test(res.headers.get('www-authenticate') ?? '')) {
    return new MagentoApiError(
      'config',
      `${label} is behind a web server password (HTTP Basic authentication), so Magento never sees the token. Ask the store's host to let ${base}/V1/ through without it.`,
      status,
    );
  }
  if (message === undefined && status !== 429 && status < 500) return notMagento(label, res, base);
  switch (status) {
    case 401:
      return new MagentoApiError(
        'auth',
        `${label} refused the access token for ${what}${said}. Check that the integration is active and allowed that resource, and on Magento 2.4.4 or later that integration tokens may be used as bearer tokens (Stores > Configuration > Services > OAuth).`,
        status,
        message,
      );
    case 403:
      return new MagentoApiError('auth', `${label} refused ${what}${said}`, status, message);
    case 404:
      if (message === NO_ROUTE_MESSAGE) {
        return new MagentoApiError('config', `${label} has no REST route for ${what}${said} Check the store address and store code.`, status, message);
      }
      return new MagentoApiError('data', `${label} could not find it (${what})${said}`, status, message);
    case 400:
      // Magento's answer to /rest/<store code>/ for a store code it does not have.
      if (message === 'Specified request cannot be processed.') {
        return new MagentoApiError('config', `${label} does not know the store code in ${base}${said}`, status, message);
      }
      return new MagentoApiError('data', `${label} refused ${what} (HTTP 400)${said}`, status, message);
    case 429:
      return new MagentoApiError('rate_limited', `${label} is rate limiting ${what}${said}`, status, message);
    default:
      if (status >= 500) return new MagentoApiError('transient', `${label} failed ${what} (HTTP ${status})${said}`, status, message);
      return new MagentoApiError('data', `${label} refused ${what} (HTTP ${status})${said}`, status, message);
  }
}

/**
 * The store address a redirect points at, as a person types it: origin and the folder the store lives
 * in, without the REST path or the query string (which could carry what the request sent).
 */
export function storeAddressOf(location: string, base: string): string | undefined {
  let url: URL;
  try {
    url = new URL(location, base);
  } catch {
    return undefined;
  }
  const folder = url.pathname.replace(/\/(index\.php\/)?rest(\/.*)?$/i, '').replace(/\/+$/, '');
  return `${url.origin}${folder}`;
}
