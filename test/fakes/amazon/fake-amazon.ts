import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { FakeLwa, type LwaApp } from './lwa-server.js';
import { amazonTime, US_MARKETPLACE } from './order-builder.js';
import { FakeSellerState, SpError } from './seller-state.js';
import { DOCUMENTED_PLANS, UsagePlans, type Plan } from './usage-plans.js';

/**
 * One Amazon seller's Selling Partner API over real HTTP, following the public docs (ordersV0.json,
 * listingsItems_2021-08-01.json, the Tokens and Sellers APIs, Login with Amazon): x-amz-access-token
 * on every call, getOrders with its rules (MarketplaceIds required, LastUpdatedAfter or CreatedAfter,
 * LastUpdatedBefore at least two minutes before now, a NextToken page carrying only NextToken and
 * MarketplaceIds), getOrderItems with its own NextToken, per-operation usage plans answered with 429
 * QuotaExceeded and x-amzn-RateLimit-Limit, Restricted Data Tokens for the buyer's name and address,
 * shipment confirmation (204), listing quantity patches, and {"errors":[{code,message,details}]} bodies.
 * Also Login with Amazon's token endpoint and Seller Central's consent page (lwa-server.ts).
 */

export interface FakeAmazonOptions {
  /** A fixed start (default 2026-11-20T10:00:00Z) or a clock shared with the connector under test. */
  start?: Date | { now(): Date };
  sellerId?: string;
  app?: Partial<LwaApp>;
  /** The app has the Restricted Data role for the buyer's name and address (default true). */
  restrictedRole?: boolean;
  /** Usage plans per operation (default: the documented ones). */
  plans?: Record<string, Plan>;
  /** Marketplaces the seller takes part in. */
  marketplaces?: { id: string; name: string; countryCode: string }[];
  /** Items per getOrderItems page (Amazon does not say; default 100). */
  itemsPageSize?: number;
  /** False: FulfillmentChannels is not applied, and AFN orders come back anyway (default true). */
  channelFilter?: boolean;
}

export interface RequestRecord {
  method: string;
  path: string;
  operation: string;
  query: URLSearchParams;
  token?: string;
  body?: unknown;
  /** performance.now() when it arrived: the bench measures a limiter's pace by it. */
  atMs: number;
}

export interface FakeAmazon {
  url: string;
  sellerId: string;
  app: LwaApp;
  lwa: FakeLwa;
  state: FakeSellerState;
  requests: RequestRecord[];
  /** A refresh token this fake accepts (the grant a consent would have given). */
  refreshToken: string;
  /** The next n SP-API requests (of `operation`, when given) fail with `status` (default 503). */
  failNext(n: number, status?: number, operation?: string): void;
  /** The next n SP-API requests answer 429 QuotaExceeded whatever their bucket holds. */
  rateLimitNext(n: number): void;
  /** The nth getOrders from now (1 = the next) comes back without its Orders list. */
  malformNthOrderList(nth: number): void;
  /** Replaces an order's entry in the order list (default: no PurchaseDate, an OrderTotal in words). */
  corruptOrder(id: string, reply?: unknown): void;
  setRestrictedRole(has: boolean): void;
  /** Every Restricted Data Token issued so far stops working (as after its hour). */
  expireRestrictedTokens(): void;
  healthy(): void;
  stats: { rateLimited: number; failed: number };
  close(): Promise<void>;
}

const DEFAULT_APP: LwaApp = {
  clientId: 'amzn1.application-oa2-client.0fakedockhand',
  clientSecret: 'amzn1.oa2-cs.v1.0fakedockhandsecret',
  applicationId: 'amzn1.sp.solution.0fake-dockhand',
  redirectUris: ['https://dockhand.example/amazon/landing'],
};

const DEFAULT_MARKETPLACES = [
  { id: US_MARKETPLACE, name: 'Amazon.com', countryCode: 'US' },
  { id: 'A2EUQ1WTGCTBG2', name: 'Amazon.ca', countryCode: 'CA' },
];

interface Route {
  operation: string;
  handle(r: RequestRecord): [number, unknown];
}

export async function createFakeAmazon(options: FakeAmazonOptions = {}): Promise<FakeAmazon> {
  const state = new FakeSellerState(options.start ?? new Date('2026-11-20T10:00:00Z'));
  // A seller of its own per fake: limiters are per seller for the process, and ports are reused.
  const sellerId = options.sellerId ?? `A${randomBytes(6).toString('hex').toUpperCase()}`;
  const app: LwaApp = { ...DEFAULT_APP, ...options.app };
  const lwa = new FakeLwa(app, sellerId, () => state.nowMs());
  const refreshToken = lwa.newRefreshToken();
  const plans = new UsagePlans(options.plans ?? DOCUMENTED_PLANS, () => state.nowMs());
  const marketplaces = options.marketplaces ?? DEFAULT_MARKETPLACES;
  const itemsPageSize = options.itemsPageSize ?? 100;
  let restrictedRole = options.restrictedRole ?? true;
  const restrictedTokens = new Map<string, number>();
  const orderCursors = new Map<string, { ids: string[]; marketplaceIds: string; pageSize: number }>();
  const itemCursors = new Map<string, { orderId: string; offset: number }>();
  const faults: { status: number; operation?: string }[] = [];
  let forced429 = 0;
  let malformCountdowns: number[] = [];
  const stats = { rateLimited: 0, failed: 0 };
  const requests: RequestRecord[] = [];

  const invalid = (message: string) => new SpError(400, 'InvalidInput', message);

  function getOrders(r: RequestRecord, pii: boolean): [number, unknown] {
    const q = r.query;
    const marketplaceIds = q.get('MarketplaceIds');
    if (!marketplaceIds) throw invalid('MarketplaceIds is required');
    let ids: string[];
    let pageSize = Math.min(100, Math.max(1, Number(q.get('MaxResultsPerPage') ?? 100) || 100));
    const nextToken = q.get('NextToken');
    if (nextToken) {
      const extra = [...q.keys()].filter((k) => k !== 'NextToken' && k !== 'MarketplaceIds');
      if (extra.length > 0) throw invalid(`NextToken cannot be combined with ${extra.join(', ')}`);
      const cursor = orderCursors.get(nextToken);
      if (!cursor || cursor.marketplaceIds !== marketplaceIds) throw invalid('Invalid NextToken');
      orderCursors.delete(nextToken);
      ids = cursor.ids;
      pageSize = cursor.pageSize;
    } else {
      ids = search(q, marketplaceIds);
    }
    const page = ids.slice(0, pageSize);
    const rest = ids.slice(page.length);
    const Orders = page.flatMap((id) => {
      const found = state.orders.get(id);
      return found ? [state.view(found.order, pii)] : [];
    });
    const payload: Record<string, unknown> = { Orders, LastUpdatedBefore: q.get('LastUpdatedBefore') ?? amazonTime(state.nowMs() - 120_000) };
    if (rest.length > 0) {
      const token = randomBytes(18).toString('base64');
      orderCursors.set(token, { ids: rest, marketplaceIds, pageSize });
      payload.NextToken = token;
    }
    malformCountdowns = malformCountdowns.map((n) => n - 1);
    if (malformCountdowns.includes(0)) {
      malformCountdowns = malformCountdowns.filter((n) => n > 0);
      delete payload.Orders;
    }
    return [200, { payload }];
  }

  /** The first page's criteria -> the matching order ids (a snapshot the NextToken pages walk). */
  function search(q: URLSearchParams, marketplaceIds: string): string[] {
    const time = (name: string) => {
      const v = q.get(name);
      if (v === null) return undefined;
      const ms = Date.parse(v);
      if (!/^\d{4}-\d{2}-\d{2}T/.test(v) || Number.isNaN(ms)) throw invalid(`${name} is not an ISO 8601 date: ${v}`);
      return ms;
    };
    const amazonIds = q.get('AmazonOrderIds')?.split(',');
    const createdAfter = time('CreatedAfter');
    const updatedAfter = time('LastUpdatedAfter');
    const limit = state.nowMs() - 120_000;
    if (!amazonIds) {
      if ((createdAfter === undefined) === (updatedAfter === undefined)) throw invalid('Exactly one of CreatedAfter and LastUpdatedAfter is required');
      if (createdAfter !== undefined && (q.has('LastUpdatedBefore') || q.has('LastUpdatedAfter'))) throw invalid('CreatedAfter cannot be combined with LastUpdatedAfter or LastUpdatedBefore');
    }
    const before = time('LastUpdatedBefore') ?? time('CreatedBefore');
    if (before !== undefined && before > limit) throw invalid('LastUpdatedBefore must be no later than two minutes before the time of the request');
    if (before !== undefined && before < (updatedAfter ?? createdAfter ?? 0)) throw invalid('LastUpdatedBefore must be later than LastUpdatedAfter');
    const statuses = q.get('OrderStatuses')?.split(',');
    const channels = q.get('FulfillmentChannels')?.split(',');
    const markets = new Set(marketplaceIds.split(','));
    const upTo = before ?? limit;
    return [...state.orders.values()]
      .map((o) => o.order)
      .filter((o) => markets.has(o.MarketplaceId))
      .filter((o) => (amazonIds ? amazonIds.includes(o.AmazonOrderId) : true))
      .filter((o) => !statuses || statuses.includes(o.OrderStatus))
      .filter((o) => !channels || options.channelFilter === false || channels.includes(o.FulfillmentChannel))
      .filter((o) => {
        if (amazonIds) return true;
        const at = Date.parse(createdAfter !== undefined ? o.PurchaseDate : o.LastUpdateDate);
        return at >= (updatedAfter ?? createdAfter!) && at <= upTo;
      })
      // Amazon does not document the order; the fake lists by purchase date, not by the filtered time.
      .sort((a, b) => (a.PurchaseDate < b.PurchaseDate ? -1 : a.PurchaseDate > b.PurchaseDate ? 1 : a.AmazonOrderId < b.AmazonOrderId ? -1 : 1))
      .map((o) => o.AmazonOrderId);
  }

  function getOrderItems(orderId: string, q: URLSearchParams): [number, unknown] {
    const token = q.get('NextToken');
    let offset = 0;
    if (token) {
      const cursor = itemCursors.get(token);
      if (!cursor || cursor.orderId !== orderId) throw invalid('Invalid NextToken');
      itemCursors.delete(token);
      offset = cursor.offset;
    }
    const { items } = state.requireOrder(orderId);
    const page = items.slice(offset, offset + itemsPageSize);
    const payload: Record<string, unknown> = { AmazonOrderId: orderId, OrderItems: structuredClone(page) };
    if (offset + page.length < items.length) {
      const next = randomBytes(12).toString('base64');
      itemCursors.set(next, { orderId, offset: offset + page.length });
      payload.NextToken = next;
    }
    return [200, { payload }];
  }

  function route(method: string, path: string): Route | undefined {
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/orders/v0/orders') return { operation: 'getOrders', handle: (r) => getOrders(r, restrictedTokens.has(r.token ?? '')) };
    if (method === 'GET' && (m = /^\/orders\/v0\/orders\/([\w-]+)$/.exec(path))) {
      const id = m[1];
      return { operation: 'getOrder', handle: (r) => [200, { payload: state.view(state.requireOrder(id).order, restrictedTokens.has(r.token ?? '')) }] };
    }
    if (method === 'GET' && (m = /^\/orders\/v0\/orders\/([\w-]+)\/orderItems$/.exec(path))) {
      const id = m[1];
      return { operation: 'getOrderItems', handle: (r) => getOrderItems(id, r.query) };
    }
    if (method === 'POST' && (m = /^\/orders\/v0\/orders\/([\w-]+)\/shipmentConfirmation$/.exec(path))) {
      const id = m[1];
      return { operation: 'confirmShipment', handle: (r) => (state.confirmShipment(id, r.body), [204, undefined]) };
    }
    if (method === 'PATCH' && (m = /^\/listings\/2021-08-01\/items\/([^/]+)\/([^/]+)$/.exec(path))) {
      const seller = decodeURIComponent(m[1]);
      const sku = decodeURIComponent(m[2]);
      return {
        operation: 'patchListingsItem',
        handle: (r) => {
          if (seller !== sellerId) throw new SpError(403, 'Unauthorized', 'Access to requested resource is denied.', `sellerId ${seller} is not the seller of this token`);
          const ids = r.query.get('marketplaceIds')?.split(',') ?? [];
          if (ids.length === 0) throw invalid('marketplaceIds is required');
          return [200, state.patchListing(sku, r.body, ids)];
        },
      };
    }
    if (method === 'POST' && path === '/tokens/2021-03-01/restrictedDataToken') {
      return {
        operation: 'createRestrictedDataToken',
        handle: (r) => {
          const resources = (r.body as { restrictedResources?: { method?: string; path?: string; dataElements?: string[] }[] } | undefined)?.restrictedResources;
          if (!Array.isArray(resources) || resources.length === 0) throw invalid('restrictedResources is required');
          if (!restrictedRole) {
            throw new SpError(403, 'Unauthorized', 'Access to requested resource is denied.', 'The application does not have the Restricted Data role for the requested data elements.');
          }
          const token = `Atz.sprdt|${randomBytes(18).toString('base64url')}`;
          restrictedTokens.set(token, state.nowMs() + 3600_000);
          return [200, { restrictedDataToken: token, expiresIn: 3600 }];
        },
      };
    }
    if (method === 'GET' && path === '/sellers/v1/marketplaceParticipations') {
      return {
        operation: 'getMarketplaceParticipations',
        handle: () => [
          200,
          {
            payload: marketplaces.map((mk) => ({
              marketplace: { id: mk.id, name: mk.name, countryCode: mk.countryCode, defaultCurrencyCode: 'USD', defaultLanguageCode: 'en_US', domainName: mk.name.toLowerCase() },
              participation: { isParticipating: true, hasSuspendedListings: false },
            })),
          },
        ],
      };
    }
    return undefined;
  }

  /** 'ok' or the refusal: an access token for any call, a Restricted Data Token for the orders only. */
  function authorize(token: string | undefined, operation: string): SpError | undefined {
    const rdtExpiry = token ? restrictedTokens.get(token) : undefined;
    if (rdtExpiry !== undefined) {
      if (rdtExpiry <= state.nowMs()) return new SpError(403, 'Unauthorized', 'Access to requested resource is denied.', 'The access token you provided has expired.');
      return operation === 'getOrders' || operation === 'getOrder' ? undefined : new SpError(403, 'Unauthorized', 'Access to requested resource is denied.', 'A Restricted Data Token is not valid for this operation.');
    }
    const check = lwa.checkAccessToken(token);
    if (check === 'ok') return undefined;
    return new SpError(403, 'Unauthorized', 'Access to requested resource is denied.', check === 'expired' ? 'The access token you provided has expired.' : 'The access token you provided is revoked, malformed or invalid.');
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const text = Buffer.concat(chunks).toString('utf8');
      const requestId = randomBytes(8).toString('hex');
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'x-amzn-requestid': requestId, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers });
        res.end(body === undefined ? undefined : JSON.stringify(body));
      };
      if (req.method === 'POST' && url.pathname === '/auth/o2/token') {
        const [status, body] = lwa.token(new URLSearchParams(text));
        return send(status, body);
      }
      if (req.method === 'GET' && url.pathname === '/apps/authorize/consent') {
        const [status, headers, body] = lwa.consent(url.searchParams);
        res.writeHead(status, headers);
        return res.end(body);
      }
      const known = route(req.method ?? 'GET', url.pathname);
      if (!known) return send(404, { errors: [{ code: 'NotFound', message: 'Resource not found' }] });
      let body: unknown;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        return send(400, { errors: [{ code: 'InvalidInput', message: 'The request body is not JSON' }] });
      }
      const token = typeof req.headers['x-amz-access-token'] === 'string' ? req.headers['x-amz-access-token'] : undefined;
      const record: RequestRecord = { method: req.method ?? 'GET', path: url.pathname, operation: known.operation, query: url.searchParams, body, atMs: performance.now(), ...(token ? { token } : {}) };
      requests.push(record);
      const plan = plans.plan(known.operation);
      const limitHeader = { 'x-amzn-ratelimit-limit': String(plan.rate) };
      const fault = faults.findIndex((f) => f.operation === undefined || f.operation === known.operation);
      if (fault >= 0) {
        const f = faults.splice(fault, 1)[0];
        stats.failed += 1;
        return send(f.status, { errors: [{ code: 'InternalFailure', message: 'We encountered an internal error. Please try again.' }] });
      }
      const refused = authorize(token, known.operation);
      if (refused) return send(refused.status, { errors: [{ code: refused.code, message: refused.message, ...(refused.details ? { details: refused.details } : {}) }] });
      if (forced429 > 0 || !plans.take(known.operation)) {
        if (forced429 > 0) forced429 -= 1;
        stats.rateLimited += 1;
        return send(429, { errors: [{ code: 'QuotaExceeded', message: 'You exceeded your quota for the requested resource.' }] }, limitHeader);
      }
      try {
        const [status, reply] = known.handle(record);
        send(status, reply, limitHeader);
      } catch (err) {
        if (!(err instanceof SpError)) {
          console.error('fake Amazon failed:', err);
          return send(500, { errors: [{ code: 'InternalFailure', message: 'We encountered an internal error. Please try again.' }] });
        }
        send(err.status, { errors: [{ code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) }] }, limitHeader);
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    sellerId,
    app,
    lwa,
    state,
    requests,
    refreshToken,
    failNext(n, status = 503, operation) {
      for (let i = 0; i < n; i++) faults.push({ status, ...(operation ? { operation } : {}) });
    },
    rateLimitNext(n) {
      forced429 += n;
    },
    malformNthOrderList(nth) {
      malformCountdowns.push(nth);
    },
    corruptOrder(id, reply) {
      const { order } = state.requireOrder(id);
      state.malformed.set(id, reply ?? { AmazonOrderId: id, LastUpdateDate: order.LastUpdateDate, OrderStatus: order.OrderStatus, OrderTotal: { CurrencyCode: 'USD', Amount: 'twelve dollars' } });
    },
    setRestrictedRole(has) {
      restrictedRole = has;
    },
    expireRestrictedTokens() {
      for (const t of restrictedTokens.keys()) restrictedTokens.set(t, 0);
    },
    healthy() {
      faults.length = 0;
      forced429 = 0;
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
