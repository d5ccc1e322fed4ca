import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { forbidden, notFound, ok, tooManyRequests, unauthorized, v2Error, type FakeAnswer } from './answers.js';
import { quotaHeaders } from './request-quota.js';
import { FakeBcStore, type FakeBigCommerceOptions } from './store-state.js';
import { createShipment, getOrder, listOrderProducts, listOrders, listShipments, listShippingAddresses } from './v2-orders.js';
import { absoluteAdjustment, listProducts, listVariants } from './v3-catalog.js';

/**
 * A fake BigCommerce store on 127.0.0.1:<ephemeral>, at the paths of api.bigcommerce.com:
 * /stores/{store_hash}/v2/... and /v3/.... Each request is checked in the gateway's order: the
 * X-Auth-Token (401, not counted), the store's request quota (429 once spent, with the X-Rate-Limit-*
 * headers on every counted answer), the token's scopes (403), injected faults, then the route.
 */

export interface FakeBigCommerce {
  /** Put this in the connection's API address; requests go to `${url}/stores/${storeHash}/...`. */
  url: string;
  storeHash: string;
  token: string;
  store: FakeBcStore;
  close(): Promise<void>;
}

interface Route {
  method: string;
  pattern: RegExp;
  name: string;
  scope: string;
  /** A read-only scope that also grants this route. */
  readScope?: string;
  handle(store: FakeBcStore, match: RegExpMatchArray, query: URLSearchParams, body: unknown, v2Base: string): FakeAnswer;
}

const ROUTES: Route[] = [
  { method: 'GET', pattern: /^\/v2\/store$/, name: 'GET /v2/store', scope: 'store_v2_information', readScope: 'store_v2_information_read_only', handle: (s) => storeInfo(s) },
  { method: 'GET', pattern: /^\/v2\/orders$/, name: 'GET /v2/orders', scope: 'store_v2_orders', readScope: 'store_v2_orders_read_only', handle: (s, _m, q, _b, base) => listOrders(s, q, base) },
  { method: 'GET', pattern: /^\/v2\/orders\/(\d+)$/, name: 'GET /v2/orders/{id}', scope: 'store_v2_orders', readScope: 'store_v2_orders_read_only', handle: (s, m, q, _b, base) => getOrder(s, Number(m[1]), q, base) },
  { method: 'GET', pattern: /^\/v2\/orders\/(\d+)\/products$/, name: 'GET /v2/orders/{id}/products', scope: 'store_v2_orders', readScope: 'store_v2_orders_read_only', handle: (s, m, q) => listOrderProducts(s, Number(m[1]), q) },
  { method: 'GET', pattern: /^\/v2\/orders\/(\d+)\/shipping_addresses$/, name: 'GET /v2/orders/{id}/shipping_addresses', scope: 'store_v2_orders', readScope: 'store_v2_orders_read_only', handle: (s, m, q) => listShippingAddresses(s, Number(m[1]), q) },
  { method: 'GET', pattern: /^\/v2\/orders\/(\d+)\/shipments$/, name: 'GET /v2/orders/{id}/shipments', scope: 'store_v2_orders', readScope: 'store_v2_orders_read_only', handle: (s, m, q) => listShipments(s, Number(m[1]), q) },
  { method: 'POST', pattern: /^\/v2\/orders\/(\d+)\/shipments$/, name: 'POST /v2/orders/{id}/shipments', scope: 'store_v2_orders', handle: (s, m, _q, b) => createShipment(s, Number(m[1]), b) },
  { method: 'GET', pattern: /^\/v3\/catalog\/products$/, name: 'GET /v3/catalog/products', scope: 'store_v2_products', readScope: 'store_v2_products_read_only', handle: (s, _m, q) => listProducts(s, q) },
  { method: 'GET', pattern: /^\/v3\/catalog\/variants$/, name: 'GET /v3/catalog/variants', scope: 'store_v2_products', readScope: 'store_v2_products_read_only', handle: (s, _m, q) => listVariants(s, q) },
  { method: 'PUT', pattern: /^\/v3\/inventory\/adjustments\/absolute$/, name: 'PUT /v3/inventory/adjustments/absolute', scope: 'store_inventory', handle: (s, _m, _q, b) => absoluteAdjustment(s, b) },
];

/** The reason phrase of each 5xx, as the error's title (the body's shape is [U]). */
const SERVER_ERROR_TITLES: Record<number, string> = { 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout', 507: 'Insufficient Storage' };

export async function createFakeBigCommerce(options: FakeBigCommerceOptions = {}): Promise<FakeBigCommerce> {
  const store = new FakeBcStore(options);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      send(res, answer(store, req, Buffer.concat(chunks).toString('utf8'), base), store);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    storeHash: store.storeHash,
    token: store.accessToken,
    store,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

function answer(store: FakeBcStore, req: IncomingMessage, text: string, base: string): FakeAnswer {
  store.stats.requests += 1;
  const url = new URL(req.url ?? '/', base);
  const prefix = `/stores/${store.storeHash}`;
  if (!url.pathname.startsWith(`${prefix}/`)) return notFound(); // [U] an unknown store hash
  const path = url.pathname.slice(prefix.length).replace(/\/$/, '');
  const token = req.headers['x-auth-token'];
  if (typeof token !== 'string' || token !== store.accessToken) return unauthorized();

  const reading = store.quota.take(store.now());
  const headers = quotaHeaders(reading);
  if (!reading.allowed) {
    store.stats.rateLimited += 1;
    return { ...tooManyRequests(), headers };
  }
  const withQuota = (a: FakeAnswer): FakeAnswer => ({ ...a, headers: { ...a.headers, ...headers } });

  const route = ROUTES.find((r) => r.method === req.method && r.pattern.test(path));
  if (!route) {
    const pathKnown = ROUTES.some((r) => r.pattern.test(path));
    return withQuota(pathKnown ? v2Error(405, 'The requested method is not supported on this resource.') : notFound()); // [U]
  }
  store.stats.byRoute.set(route.name, (store.stats.byRoute.get(route.name) ?? 0) + 1);
  if (!store.scopes.has(route.scope) && !(route.readScope && store.scopes.has(route.readScope))) return withQuota(forbidden());

  const fault = store.takeFault();
  if (fault !== null) return withQuota({ status: fault, body: { status: fault, title: SERVER_ERROR_TITLES[fault] ?? 'Internal Server Error' } }); // [U] body

  if (route.name === 'GET /v2/orders' && store.takeOrderListMalform()) return withQuota(ok({ orders: 'not the list of orders BigCommerce documents' }));

  let body: unknown;
  if (text !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      return withQuota(v2Error(400, 'The request body is not valid JSON.')); // [U]
    }
  }
  return withQuota(route.handle(store, path.match(route.pattern)!, url.searchParams, body, `${base}${prefix}/v2`));
}

function send(res: ServerResponse, a: FakeAnswer, store: FakeBcStore): void {
  const headers: Record<string, string> = { ...a.headers };
  if (a.status === 204 || a.body === undefined) {
    res.writeHead(a.status, headers);
    res.end();
    return;
  }
  let text = JSON.stringify(a.body);
  // garbleNext: a success whose body is cut off mid-way, as a dropped proxy stream would leave it.
  if (a.status < 300 && store.takeGarble()) text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
  headers['content-type'] = a.contentType ?? 'application/json';
  res.writeHead(a.status, headers);
  res.end(text);
}

function storeInfo(store: FakeBcStore): FakeAnswer {
  return ok({
    id: store.storeHash,
    domain: 'fake-store.example',
    secure_url: 'https://fake-store.example',
    name: 'Fake BigCommerce Store',
    plan_name: 'Standard',
    plan_level: 'Standard',
    timezone: { name: 'Etc/UTC', raw_offset: 0, dst_offset: 0, dst_correction: false },
    currency: 'USD',
  });
}
