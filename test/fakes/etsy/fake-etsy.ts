import http from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { AppQuota, type QuotaSettings } from './app-quota.js';
import { applyInventoryPut } from './inventory-put.js';
import { FakeEtsyOAuth } from './oauth-server.js';
import { FakeEtsyShop, type FakeReceipt } from './shop-state.js';

/**
 * Etsy's Open API v3 over real HTTP, following developers.etsy.com and etsy/open-api's openapi.json:
 * x-api-key on every call (the keystring, or "keystring:shared secret" for an app that has one), a
 * bearer access token on user calls, OAuth 2 with PKCE (oauth-server.ts), getShopReceipts with its
 * filters and offset paging, createReceiptShipment (form-encoded), getListingsByShop with
 * includes=Inventory, getListingInventory / updateListingInventory (whole-inventory replace, checked by
 * inventory-put.ts), per-app rate limits with Etsy's headers and 429s (app-quota.ts), and {"error"}
 * bodies. Faults for tests: 5xx, 429, malformed receipt pages and receipts.
 */

export interface FakeEtsyOptions {
  /** The app's keystring (default: random). */
  keystring?: string;
  /** When set, x-api-key must be "keystring:sharedSecret" (newer apps). */
  sharedSecret?: string;
  /** The clock the fake shares with the connector (default: the wall clock). */
  clock?: { now(): Date };
  /** Per-app limits; Etsy's defaults (10 a second, 10,000 a day) unless given. */
  quota?: Partial<QuotaSettings>;
}

export interface EtsyRequestRecord {
  method: string;
  path: string;
  query: URLSearchParams;
  /** performance.now() when it arrived: the bench measures the limiter's pace by it. */
  atMs: number;
}

export interface FakeEtsy {
  url: string;
  keystring: string;
  sharedSecret?: string;
  shop: FakeEtsyShop;
  oauth: FakeEtsyOAuth;
  quota: AppQuota;
  requests: EtsyRequestRecord[];
  /** The next n API requests answer this status (503 by default) with Etsy's error body. */
  failNext(n: number, status?: number): void;
  /** The next n API requests answer 429 with retry-after (seconds). */
  rateLimitNext(n: number, retryAfterSeconds?: number): void;
  /** The nth receipts page from now (1 = the next) comes back without its results. */
  malformNthReceiptsPage(nth: number): void;
  /** Forgets every fault not served yet. */
  healthy(): void;
  /** 429s and 5xx answered so far (faults and quota). */
  stats: { rateLimited: number; failed: number };
  close(): Promise<void>;
}

const APP = '/v3/application';

export async function createFakeEtsy(options: FakeEtsyOptions = {}): Promise<FakeEtsy> {
  const clock = options.clock ?? { now: () => new Date() };
  const nowMs = () => clock.now().getTime();
  const keystring = options.keystring ?? randomBytes(12).toString('hex');
  const userId = 51_234_567;
  const shop = new FakeEtsyShop(40_000_001, 'DockhandCrafts', userId, nowMs);
  const oauth = new FakeEtsyOAuth(keystring, userId, nowMs);
  const quota = new AppQuota({ perSecond: options.quota?.perSecond ?? 10, perDay: options.quota?.perDay ?? 10_000 });
  const faults: { status: number; retryAfterSeconds?: number }[] = [];
  let malformedCountdowns: number[] = [];
  const stats = { rateLimited: 0, failed: 0 };
  const requests: EtsyRequestRecord[] = [];

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const text = Buffer.concat(chunks).toString('utf8');
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      };
      const error = (status: number, message: string, headers: Record<string, string> = {}) => send(status, { error: message }, headers);

      if (req.method === 'GET' && url.pathname === '/oauth/connect') {
        const reply = oauth.consent(url.searchParams);
        if (reply.location) {
          res.writeHead(302, { location: reply.location });
          res.end();
        } else {
          res.writeHead(reply.status, { 'content-type': 'text/plain' });
          res.end(reply.text ?? '');
        }
        return;
      }
      if (req.method === 'POST' && url.pathname === '/v3/public/oauth/token') {
        const reply = oauth.tokenEndpoint(new URLSearchParams(text));
        return send(reply.status, reply.body);
      }
      if (!url.pathname.startsWith(`${APP}/`)) return error(404, 'Resource not found');

      const path = url.pathname.slice(APP.length);
      requests.push({ method: req.method ?? 'GET', path, query: url.searchParams, atMs: performance.now() });
      const apiKey = req.headers['x-api-key'];
      const wantedKey = options.sharedSecret ? `${keystring}:${options.sharedSecret}` : keystring;
      if (apiKey !== wantedKey) {
        return error(403, options.sharedSecret && apiKey === keystring ? 'x-api-key must be keystring:shared_secret' : 'Invalid API key');
      }
      const fault = faults.shift();
      if (fault) {
        if (fault.status === 429) {
          stats.rateLimited += 1;
          return error(429, 'You have exceeded your quota of requests', { 'retry-after': String(fault.retryAfterSeconds ?? 1) });
        }
        stats.failed += 1;
        return error(fault.status, 'Server Error');
      }
      const taken = quota.take(nowMs());
      if ('retryAfterSeconds' in taken) {
        stats.rateLimited += 1;
        return error(429, 'You have exceeded your quota of requests', { 'retry-after': String(taken.retryAfterSeconds) });
      }
      const ok = (body: unknown) => send(200, body, taken.headers);
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!bearer || !oauth.isLiveAccessToken(bearer)) return error(401, 'invalid_token');

      let m: RegExpExecArray | null;
      if (req.method === 'GET' && path === '/users/me') return ok({ user_id: userId, shop_id: shop.shopId });
      if (req.method === 'GET' && (m = /^\/users\/(\d+)\/shops$/.exec(path))) {
        if (Number(m[1]) !== userId) return error(404, 'User has no shop');
        return ok({ shop_id: shop.shopId, shop_name: shop.shopName, user_id: userId });
      }
      const shopPath = /^\/shops\/(\d+)(\/.*)$/.exec(path);
      if (shopPath && Number(shopPath[1]) !== shop.shopId) return error(403, 'You do not have permission to access this shop');
      const rest = shopPath?.[2];
      if (req.method === 'GET' && rest === '/receipts') {
        const page = receiptsPage(shop, url.searchParams);
        if (typeof page === 'string') return error(400, page);
        malformedCountdowns = malformedCountdowns.map((n) => n - 1);
        if (malformedCountdowns.includes(0)) {
          malformedCountdowns = malformedCountdowns.filter((n) => n > 0);
          return ok({ count: page.count });
        }
        return ok(page);
      }
      if (rest && (m = /^\/receipts\/(\d+)(\/tracking|\/transactions)?$/.exec(rest))) {
        const receipt = shop.receipts.get(Number(m[1]));
        if (!receipt) return error(404, `Receipt ${m[1]} not found`);
        if (req.method === 'GET' && m[2] === undefined) return ok(shop.receiptView(receipt));
        if (req.method === 'GET' && m[2] === '/transactions') return ok({ count: receipt.transactions.length, results: receipt.transactions });
        if (req.method === 'POST' && m[2] === '/tracking') {
          if (!/^application\/x-www-form-urlencoded/.test(req.headers['content-type'] ?? '')) return error(400, 'Expected a form-encoded body');
          const form = new URLSearchParams(text);
          const code = (form.get('tracking_code') ?? '').trim();
          const carrier = (form.get('carrier_name') ?? '').trim();
          if (code === '' || carrier === '') return error(400, 'tracking_code and carrier_name are required');
          shop.addShipment(receipt, code, carrier);
          return ok(shop.receiptView(receipt));
        }
      }
      if (req.method === 'GET' && rest === '/listings') return ok(listingsPage(shop, url.searchParams));
      if ((m = /^\/listings\/(\d+)\/inventory$/.exec(path))) {
        const listing = shop.listings.get(Number(m[1]));
        if (!listing) return error(404, `Listing ${m[1]} not found`);
        if (req.method === 'GET') return ok(shop.inventoryView(listing));
        if (req.method === 'PUT') {
          let body: unknown;
          try {
            body = JSON.parse(text);
          } catch {
            return error(400, 'The body is not JSON');
          }
          const problem = applyInventoryPut(shop, listing, body);
          if (problem) return error(400, problem);
          return ok(shop.inventoryView(listing));
        }
      }
      return error(404, 'Resource not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    keystring,
    ...(options.sharedSecret ? { sharedSecret: options.sharedSecret } : {}),
    shop,
    oauth,
    quota,
    requests,
    failNext: (n, status = 503) => {
      for (let i = 0; i < n; i++) faults.push({ status });
    },
    rateLimitNext: (n, retryAfterSeconds = 1) => {
      for (let i = 0; i < n; i++) faults.push({ status: 429, retryAfterSeconds });
    },
    malformNthReceiptsPage: (nth) => malformedCountdowns.push(nth),
    healthy: () => {
      faults.length = 0;
      malformedCountdowns = [];
    },
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** getShopReceipts: its filters, sorted by sort_on/sort_order (then receipt id), limit 1..100 and offset. */
function receiptsPage(shop: FakeEtsyShop, q: URLSearchParams): { count: number; results: unknown[] } | string {
  const limit = q.has('limit') ? Number(q.get('limit')) : 25;
  const offset = q.has('offset') ? Number(q.get('offset')) : 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) return 'limit must be between 1 and 100';
  if (!Number.isInteger(offset) || offset < 0) return 'offset must be 0 or more';
  const num = (name: string) => (q.has(name) ? Number(q.get(name)) : undefined);
  const bool = (name: string) => (q.has(name) ? q.get(name) === 'true' : undefined);
  const minCreated = num('min_created');
  const maxCreated = num('max_created');
  const minModified = num('min_last_modified');
  const maxModified = num('max_last_modified');
  const wasPaid = bool('was_paid');
  const wasShipped = bool('was_shipped');
  const sortOn = q.get('sort_on') ?? 'created';
  const asc = (q.get('sort_order') ?? 'desc') === 'asc';
  const key = (r: FakeReceipt) => (sortOn === 'updated' ? r.update_timestamp : r.create_timestamp);
  const matching = [...shop.receipts.values()]
    .filter(
      (r) =>
        (minCreated === undefined || r.create_timestamp >= minCreated) &&
        (maxCreated === undefined || r.create_timestamp <= maxCreated) &&
        (minModified === undefined || r.update_timestamp >= minModified) &&
        (maxModified === undefined || r.update_timestamp <= maxModified) &&
        (wasPaid === undefined || r.is_paid === wasPaid) &&
        (wasShipped === undefined || r.is_shipped === wasShipped),
    )
    .sort((a, b) => (key(a) - key(b) || a.receipt_id - b.receipt_id) * (asc ? 1 : -1));
  return { count: matching.length, results: matching.slice(offset, offset + limit).map((r) => shop.receiptView(r)) };
}

/** getListingsByShop: state filter, offset paging, the inventory (and SKUs) with includes=Inventory. */
function listingsPage(shop: FakeEtsyShop, q: URLSearchParams): { count: number; results: unknown[] } {
  const state = q.get('state') ?? 'active';
  const limit = Math.min(100, Math.max(1, Number(q.get('limit') ?? 25)));
  const offset = Math.max(0, Number(q.get('offset') ?? 0));
  const withInventory = (q.get('includes') ?? '').split(',').includes('Inventory');
  const matching = [...shop.listings.values()].filter((l) => l.state === state);
  const results = matching.slice(offset, offset + limit).map((l) => {
    const inventory = shop.inventoryView(l);
    return {
      listing_id: l.listing_id,
      shop_id: l.shop_id,
      title: l.title,
      state: l.state,
      skus: inventory.products.map((p) => p.sku),
      ...(withInventory ? { inventory } : {}),
    };
  });
  return { count: matching.length, results };
}
