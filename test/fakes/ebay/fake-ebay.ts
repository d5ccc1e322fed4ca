import http from 'node:http';
import { DailyQuota } from './quota.js';
import { FakeOAuth, type FakeApp } from './oauth-server.js';
import { FakeRequestError, FakeSellerState } from './seller-state.js';
import { ordersReply, parseOrdersQuery } from './orders-query.js';

/**
 * eBay's Sell APIs over real HTTP, following developer.ebay.com: the OAuth consent page and token endpoint
 * (oauth-server.ts), Sell Fulfillment getOrders (filter lastmodifieddate / orderfulfillmentstatus, the
 * 90-day reach, offset paging with `next`), shipping fulfillments (POST 201 with Location, GET the list),
 * Sell Inventory getOffers and bulkUpdatePriceQuantity (at most 25, 207 multi-status), user tokens as
 * Bearer (401 errorId 1001), the {"errors":[...]} envelope, and the daily call limits per API (quota.ts).
 * Faults for tests: 5xx, 429, malformed pages and orders, refused SKUs.
 */

export interface FakeEbayOptions {
  /** Seeded orders, each one line. */
  orders?: number;
  /** A fixed start time (default 2026-11-20 10:00:00 UTC), or a clock shared with the connector under test. */
  start?: Date | { now(): Date };
  /** Daily call limits (eBay's defaults: Fulfillment 100,000, Inventory 2,000,000) and the window they count in. */
  dailyCalls?: { fulfillment?: number; inventory?: number; windowMs?: number };
}

export interface RequestRecord {
  method: string;
  path: string;
  query: URLSearchParams;
  body?: unknown;
  /** performance.now() when it arrived: the bench measures the limiter's pace by it. */
  atMs: number;
}

export interface FakeEbay {
  url: string;
  app: FakeApp;
  oauth: FakeOAuth;
  state: FakeSellerState;
  /** A refresh token as if the consent happened; `seconds` it has left (default about 18 months). */
  grant(seconds?: number): string;
  requests: RequestRecord[];
  /** The next n API calls answer 500 with eBay's APPLICATION error. */
  failNext(n: number, options?: { status?: number; path?: string; method?: string; afterApplying?: boolean }): void;
  /** The next n API calls answer 429 (error 2001) with Retry-After. */
  rateLimitNext(n: number, retryAfterSeconds?: number): void;
  /** The nth getOrders from now (1 = the next) comes back without its total. */
  malformNthOrderPage(nth: number): void;
  /** Replaces an order's JSON in getOrders' replies. */
  corruptOrder(orderId: string, reply: unknown): void;
  /** bulkUpdatePriceQuantity refuses this SKU with eBay's message. */
  refuseSku(sku: string, message: string): void;
  healthy(): void;
  stats: { rateLimited: number; failed: number };
  close(): Promise<void>;
}

const SELL = /^\/sell\/(fulfillment|inventory)\/v1\/(.*)$/;

function ebayError(errorId: number, message: string, category = 'REQUEST', domain = 'API_FULFILLMENT'): unknown {
  return { errors: [{ errorId, domain, category, message, longMessage: message }] };
}

export async function createFakeEbay(options: FakeEbayOptions = {}): Promise<FakeEbay> {
  const state = new FakeSellerState(options.start ?? new Date('2026-11-20T10:00:00Z'));
  for (let i = 0; i < (options.orders ?? 0); i++) state.addOrder();
  const windowMs = options.dailyCalls?.windowMs;
  const quotas = {
    fulfillment: new DailyQuota(options.dailyCalls?.fulfillment ?? 100_000, windowMs),
    inventory: new DailyQuota(options.dailyCalls?.inventory ?? 2_000_000, windowMs),
  };
  const requests: RequestRecord[] = [];
  const stats = { rateLimited: 0, failed: 0 };
  let faults: { status: number; path?: string; method?: string; afterApplying?: boolean }[] = [];
  let rateLimits: number[] = [];
  let malformCountdowns: number[] = [];
  const refusedSkus = new Map<string, string>();
  let url = '';
  const app: FakeApp = { clientId: 'Dockhand-Bench-PRD-0a1b2c3d4-5e6f7a8b', clientSecret: 'PRD-0a1b2c3d4e5f-6a7b-8c9d-0e1f-2a3b', ruName: 'Dockhand_Test-Dockhand-Bench-abcdefgh', acceptUrl: '' };
  const oauth = new FakeOAuth(app, () => state.now().getTime());

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://fake');
      const text = Buffer.concat(chunks).toString('utf8');
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(body === undefined ? '' : JSON.stringify(body));
      };
      if (u.pathname === '/oauth2/authorize' && req.method === 'GET') {
        const answer = oauth.consent(u.searchParams);
        if ('error' in answer) {
          res.writeHead(400, { 'content-type': 'text/html' });
          return res.end(`<!doctype html><title>eBay</title><p>${answer.error}</p>`);
        }
        res.writeHead(302, { location: answer.location });
        return res.end();
      }
      if (u.pathname === '/accepted') {
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end('<!doctype html><title>Authorization successfully completed</title><p>You can close this page.</p>');
      }
      if (u.pathname === '/identity/v1/oauth2/token' && req.method === 'POST') {
        const reply = oauth.token(req.headers.authorization, new URLSearchParams(text));
        return send(reply.status, reply.body);
      }
      const route = SELL.exec(u.pathname);
      if (!route) return send(404, ebayError(2002, 'Resource not found', 'REQUEST', 'ACCESS'));
      const api = route[1] as 'fulfillment' | 'inventory';
      let body: unknown;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        return send(400, ebayError(2004, 'Request had bad syntax or the request parameters were invalid.'));
      }
      requests.push({ method: req.method ?? 'GET', path: u.pathname, query: u.searchParams, body, atMs: performance.now() });

      const token = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
      if (!token || !oauth.validAccessToken(token)) {
        return send(401, ebayError(1001, 'Invalid access token. Check the value of the Authorization HTTP request header.', 'REQUEST', 'OAuth'));
      }
      if (rateLimits.length > 0) {
        const retryAfter = rateLimits.shift()!;
        stats.rateLimited += 1;
        return send(429, ebayError(2001, 'Too many requests. The request limit has been reached for the resource.', 'REQUEST', 'ACCESS'), { 'retry-after': String(retryAfter) });
      }
      const quota = quotas[api].take(state.now().getTime());
      if (!quota.ok) {
        stats.rateLimited += 1;
        return send(429, ebayError(2001, 'Too many requests. The request limit has been reached for the resource.', 'REQUEST', 'ACCESS'), { 'retry-after': String(quota.retryAfterSeconds) });
      }
      const faultAt = faults.findIndex((f) => (f.path === undefined || u.pathname.endsWith(f.path)) && (f.method === undefined || f.method === req.method));
      const fault = faultAt >= 0 ? faults.splice(faultAt, 1)[0] : undefined;
      if (fault && !fault.afterApplying) {
        stats.failed += 1;
        return send(fault.status, ebayError(2003, 'There was a problem with an eBay internal system or process. Contact eBay developer support for assistance.', 'APPLICATION', 'ACCESS'));
      }
      try {
        const [status, reply, headers] = handle(api, req.method ?? 'GET', route[2], u.searchParams, body);
        if (fault) {
          stats.failed += 1;
          return send(fault.status, ebayError(2003, 'There was a problem with an eBay internal system or process.', 'APPLICATION', 'ACCESS'));
        }
        return send(status, reply, headers);
      } catch (err) {
        if (err instanceof FakeRequestError) return send(err.status, ebayError(err.errorId, err.message, err.category, api === 'inventory' ? 'API_INVENTORY' : 'API_FULFILLMENT'));
        throw err;
      }
    });
  });

  function handle(api: 'fulfillment' | 'inventory', method: string, rest: string, query: URLSearchParams, body: unknown): [number, unknown, Record<string, string>?] {
    if (api === 'fulfillment' && method === 'GET' && rest === 'order') {
      const parsed = parseOrdersQuery(query, state.now().getTime());
      const reply = ordersReply(state, parsed, `${url}/sell/fulfillment/v1/order`, query);
      const nth = malformCountdowns.findIndex((n) => n === 1);
      malformCountdowns = malformCountdowns.map((n) => n - 1).filter((n) => n > 0);
      if (nth >= 0) delete (reply as { total?: number }).total;
      return [200, reply];
    }
    const ship = /^order\/([^/]+)\/shipping_fulfillment$/.exec(rest);
    if (api === 'fulfillment' && ship) {
      const orderId = decodeURIComponent(ship[1]);
      if (!state.orders.has(orderId)) throw new FakeRequestError(404, 32100, `Invalid order ID: ${orderId}`);
      if (method === 'GET') {
        const list = state.fulfillments.filter((f) => f.orderId === orderId).map(({ orderId: _o, ...f }) => f);
        return [200, { fulfillments: list, total: list.length, warnings: [] }];
      }
      if (method === 'POST') {
        const f = state.ship(orderId, (body ?? {}) as Record<string, unknown>);
        return [201, undefined, { location: `${url}/sell/fulfillment/v1/order/${encodeURIComponent(orderId)}/shipping_fulfillment/${f.fulfillmentId}` }];
      }
    }
    if (api === 'inventory' && method === 'GET' && rest === 'offer') {
      const sku = query.get('sku') ?? '';
      const item = state.items.get(sku);
      if (!item) throw new FakeRequestError(404, 25713, 'This Offer is not available.');
      const offers = [...item.offers].map(([offerId, quantity]) => ({ offerId, sku, marketplaceId: 'EBAY_US', format: 'FIXED_PRICE', availableQuantity: quantity, status: 'PUBLISHED' }));
      return [200, { total: offers.length, size: offers.length, offers }];
    }
    if (api === 'inventory' && method === 'POST' && rest === 'bulk_update_price_quantity') return bulkUpdate(body);
    throw new FakeRequestError(404, 2002, 'Resource not found');
  }

  function bulkUpdate(body: unknown): [number, unknown] {
    const requestsIn = (body as { requests?: unknown })?.requests;
    if (!Array.isArray(requestsIn) || requestsIn.length === 0) throw new FakeRequestError(400, 25709, 'Invalid value for requests.');
    if (requestsIn.length > 25) throw new FakeRequestError(400, 25709, 'A maximum of 25 SKUs may be updated in one call.');
    const responses: unknown[] = [];
    let failed = false;
    for (const raw of requestsIn as { sku?: string; shipToLocationAvailability?: { quantity?: number }; offers?: { offerId?: string; availableQuantity?: number }[] }[]) {
      const sku = raw.sku ?? '';
      const item = state.items.get(sku);
      const quantity = raw.shipToLocationAvailability?.quantity;
      const refusal = refusedSkus.get(sku);
      if (!item || refusal || typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 0) {
        failed = true;
        const message = refusal ?? (item ? 'Invalid quantity.' : `The SKU ${sku} is not available in the system.`);
        responses.push({ statusCode: 400, sku, errors: [{ errorId: 25002, domain: 'API_INVENTORY', category: 'REQUEST', message }] });
        continue;
      }
      item.quantity = quantity;
      responses.push({ statusCode: 200, sku });
      for (const offer of raw.offers ?? []) {
        if (!offer.offerId || !item.offers.has(offer.offerId)) {
          failed = true;
          responses.push({ statusCode: 400, sku, offerId: offer.offerId, errors: [{ errorId: 25713, message: 'This Offer is not available.' }] });
          continue;
        }
        item.offers.set(offer.offerId, offer.availableQuantity ?? quantity);
        responses.push({ statusCode: 200, sku, offerId: offer.offerId });
      }
      state.inventoryWrites.push({ sku, quantity });
    }
    return [failed ? 207 : 200, { responses }];
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  url = `http://127.0.0.1:${port}`;
  app.acceptUrl = `${url}/accepted`;

  return {
    url,
    app,
    oauth,
    state,
    grant: (seconds) => oauth.grant(seconds),
    requests,
    failNext(n, o = {}) {
      for (let i = 0; i < n; i++) faults.push({ status: o.status ?? 500, path: o.path, method: o.method, afterApplying: o.afterApplying });
    },
    rateLimitNext(n, retryAfterSeconds = 2) {
      for (let i = 0; i < n; i++) rateLimits.push(retryAfterSeconds);
    },
    malformNthOrderPage(nth) {
      malformCountdowns.push(nth);
    },
    corruptOrder: (orderId, reply) => void state.corrupted.set(orderId, reply),
    refuseSku: (sku, message) => void refusedSkus.set(sku, message),
    healthy() {
      faults = [];
      rateLimits = [];
      malformCountdowns = [];
    },
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
