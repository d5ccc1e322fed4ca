import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticate, guestRefusal } from './fake-auth.js';
import { FakeWooStore, type FakeWooOptions } from './fake-store.js';
import { ordersRoute, type RouteRequest } from './orders-routes.js';
import { productsRoute } from './products-routes.js';
import { PUBLIC_TRACKING_PATHS, trackingRoute } from './tracking-routes.js';
import {
  CRITICAL_ERROR_PAGE,
  HTML_404_PAGE,
  NOT_WORDPRESS_PAGE,
  noRoute,
  PHP_NOTICE,
  restError,
  TOO_MANY_REQUESTS_PAGE,
  wpDie,
  type FakeReply,
} from './wp-replies.js';

/**
 * A fake WooCommerce store on 127.0.0.1:<ephemeral>, after the public REST v3 docs: /wp-json/wc/v3
 * orders (page/per_page/offset, modified_after with dates_are_gmt, X-WP-Total(Pages)), order notes,
 * products and variations with their batch routes, the Shipment Tracking extension's routes when
 * installed, consumer key/secret over Basic auth or the query string, and WordPress's failure modes
 * (HTML error pages, a PHP notice before the JSON, a host's 429) queued through the store's controls.
 */

export interface FakeWooCommerce {
  /** The store address, what a merchant types in setup. */
  url: string;
  consumerKey: string;
  consumerSecret: string;
  store: FakeWooStore;
  close(): Promise<void>;
}

export const WC_NAMESPACE = 'wc/v3';
export const TRACKING_NAMESPACE = 'wc-shipment-tracking/v3';

export async function createFakeWooCommerce(options: FakeWooOptions = {}): Promise<FakeWooCommerce> {
  const store = new FakeWooStore(options);
  let baseUrl = '';
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let reply: FakeReply;
      let notice = false;
      try {
        ({ reply, notice } = handle(store, baseUrl, req, Buffer.concat(chunks).toString('utf8')));
      } catch (err) {
        reply = { status: 500, body: CRITICAL_ERROR_PAGE };
        console.error('fake WooCommerce failed:', err);
      }
      send(res, reply, notice);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: baseUrl,
    consumerKey: store.options.consumerKey,
    consumerSecret: store.options.consumerSecret,
    store,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

function handle(store: FakeWooStore, baseUrl: string, req: IncomingMessage, rawBody: string): { reply: FakeReply; notice: boolean } {
  const url = new URL(req.url ?? '/', baseUrl);
  const method = req.method ?? 'GET';
  const credentials = authenticate(store, req.headers.authorization, url.searchParams);
  store.requests.push({ method, path: url.pathname, query: url.searchParams, auth: credentials.via, atMs: performance.now() });

  if (store.options.redirectTo) return { reply: { status: 301, body: '', headers: { Location: store.options.redirectTo } }, notice: false };
  if (store.options.notWordPress) {
    return { reply: { status: url.pathname === '/' ? 200 : 404, body: NOT_WORDPRESS_PAGE }, notice: false };
  }
  const hostWait = store.hostLimitWait();
  if (hostWait !== undefined) {
    return { reply: { status: 429, body: TOO_MANY_REQUESTS_PAGE, headers: { 'Retry-After': String(hostWait) } }, notice: false };
  }
  const fault = store.takeFault();
  if (fault?.kind === 'html-error') {
    const headers: Record<string, string> = fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {};
    const asJson = !fault.page && asksForJson(req);
    return { reply: { ...wpDie(fault.status, asJson), headers }, notice: false };
  }
  if (fault?.kind === 'rate-limit') {
    store.rateLimitFaultsServed += 1;
    return { reply: { status: 429, body: TOO_MANY_REQUESTS_PAGE, headers: fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {} }, notice: false };
  }
  const notice = fault?.kind === 'php-notice';

  const path = url.pathname.replace(/\/+$/, '');
  if (path === '/wp-json') return { reply: siteIndex(store, baseUrl), notice };
  if (!path.startsWith('/wp-json/')) return { reply: { status: 404, body: HTML_404_PAGE }, notice };
  const rest = path.slice('/wp-json/'.length);
  const namespaces = [WC_NAMESPACE, ...(store.options.shipmentTracking ? [TRACKING_NAMESPACE] : [])];
  const namespace = namespaces.find((ns) => rest === ns || rest.startsWith(`${ns}/`));
  if (!namespace) return { reply: noRoute(), notice };
  const parts = rest.slice(namespace.length).split('/').filter((p) => p !== '');

  // WordPress checks the keys before routing (rest_authentication_errors), then each route's permission.
  if (credentials.error) return { reply: credentials.error, notice };
  const isPublic = namespace === TRACKING_NAMESPACE && PUBLIC_TRACKING_PATHS.includes(parts.join('/'));
  if (!isPublic && !credentials.ok) return { reply: guestRefusal(method, parts), notice };
  if (!isPublic && credentials.ok && !credentials.may(method)) {
    return {
      reply: restError(401, 'woocommerce_rest_authentication_error', `The API key provided does not have ${method === 'GET' ? 'read' : 'write'} permissions.`),
      notice,
    };
  }

  let body: unknown;
  if (rawBody.trim() !== '') {
    try {
      body = JSON.parse(rawBody);
    } catch {
      return { reply: restError(400, 'rest_invalid_json', 'Invalid JSON body passed.'), notice };
    }
  }
  const route: RouteRequest = { method, parts, query: url.searchParams, body, url, baseUrl };
  const reply =
    namespace === TRACKING_NAMESPACE
      ? trackingRoute(store, route)
      : parts[0] === 'orders'
        ? ordersRoute(store, route)
        : parts[0] === 'products'
          ? productsRoute(store, route)
          : undefined;
  return { reply: reply ?? noRoute(), notice };
}

/** GET /wp-json: the site's name and the namespaces its plugins registered (how a client finds WooCommerce). */
function siteIndex(store: FakeWooStore, baseUrl: string): FakeReply {
  return {
    status: 200,
    body: {
      name: 'Acme Outdoor',
      description: 'Gear for the outdoors',
      url: baseUrl,
      home: baseUrl,
      gmt_offset: 0,
      timezone_string: store.options.timeZone,
      namespaces: ['oembed/1.0', 'wc/store/v1', 'wc/v1', 'wc/v2', WC_NAMESPACE, ...(store.options.shipmentTracking ? [TRACKING_NAMESPACE] : []), 'wp/v2'],
      authentication: [],
      routes: {},
    },
  };
}

/** wp_is_json_request(): WordPress answers wp_die() in JSON when the request accepts or sends JSON. */
function asksForJson(req: IncomingMessage): boolean {
  return /application\/json/i.test(req.headers.accept ?? '') || /^application\/json/i.test(req.headers['content-type'] ?? '');
}

function send(res: ServerResponse, reply: FakeReply, notice: boolean): void {
  const isHtml = typeof reply.body === 'string';
  let text = isHtml ? (reply.body as string) : JSON.stringify(reply.body);
  if (notice) text = PHP_NOTICE + text;
  res.writeHead(reply.status, {
    'Content-Type': isHtml ? 'text/html; charset=UTF-8' : 'application/json; charset=UTF-8',
    ...(isHtml ? {} : { 'X-Robots-Tag': 'noindex', Allow: 'GET, POST, PUT, PATCH, DELETE' }),
    ...reply.headers,
  });
  res.end(text);
}
