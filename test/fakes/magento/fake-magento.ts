import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { aclResourceFor, htmlPage, MESSAGES, type HtmlErrorPage } from './error-pages.js';
import { matches, pageOf, parseSearchCriteria, SearchCriteriaError, sortRecords } from './search-criteria.js';
import { FakeMagentoState, MagentoRequestError } from './store-state.js';

/**
 * A Magento 2 / Adobe Commerce store's REST API over real HTTP, following AdobeDocs commerce-webapi:
 * /rest[/<store code>]/V1/..., bearer tokens (an integration access token, or an admin token from
 * POST /V1/integration/admin/token), {"message","parameters"} error bodies, searchCriteria on
 * GET /V1/orders with total_count, order ship, MSI source items (or, without MSI, the 404 any unknown
 * route gets) and legacy stock items. Faults for tests: 5xx (JSON or HTML pages), 429, malformed orders.
 */

export interface FakeMagentoOptions {
  /** Seeded orders, each one simple line. */
  orders?: number;
  /** The integration's access token, accepted as a bearer token. */
  integrationToken?: string;
  /**
   * Magento 2.4.4+ refuses integration tokens as bearer tokens unless
   * oauth/consumer/enable_integration_as_bearer is on. Default true (the setup our help text asks for).
   */
  integrationAsBearer?: boolean;
  admin?: { username: string; password: string };
  /** Admin tokens live 4 hours by default (oauth/access_token_lifetime/admin). */
  adminTokenLifetimeSeconds?: number;
  /** Multi-Source Inventory installed (default true). Without it /V1/inventory/* does not exist. */
  msi?: boolean;
  storeCodes?: string[];
  /** A fixed start time (default 2026-11-20 10:00:00 UTC), or a clock shared with the connector under test. */
  start?: Date | { now(): Date };
  /** ACL resources the integration was not given (its "Resource Access" in the admin). */
  deniedResources?: string[];
}

export interface FaultKind {
  status: number;
  page?: HtmlErrorPage;
  retryAfterSeconds?: number;
  /** Only a request to this path ("/V1/order/1/ship") and method meets the fault; others pass it by. */
  path?: string;
  method?: string;
  /** The store carries the request out and then the error comes back (a gateway timing out on it). */
  afterApplying?: boolean;
}

export interface RequestRecord {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization?: string;
  body?: unknown;
  /** When it arrived (performance.now() of this process, ms): the bench measures a limiter's pace by it. */
  atMs: number;
}

export interface FakeMagento {
  url: string;
  /** Base for REST calls: `${url}/rest/default`. */
  restBase: string;
  integrationToken: string;
  state: FakeMagentoState;
  requests: RequestRecord[];
  /** The next n API requests fail with this status (and page, if HTML). */
  failNext(n: number, fault?: FaultKind): void;
  /** The next n API requests answer 429 with Retry-After (a WAF or proxy in front of the store). */
  rateLimitNext(n: number, retryAfterSeconds?: number): void;
  /** The order search's reply for this page number comes back without total_count (a proxy mangling it). */
  malformSearchPage(page: number): void;
  /**
   * The nth order search from now (1 = the next) comes back without total_count, whatever page it asks
   * for: a client that pages by keyset (always currentPage 1) meets a bad later page this way.
   */
  malformNthSearch(nth: number): void;
  /** Forgets every fault not served yet. */
  healthy(): void;
  /** 429s and 5xx answered so far. */
  stats: { rateLimited: number; failed: number };
  /** Replaces an order's reply with a malformed one (default: increment_id and items missing). */
  corruptOrder(id: number, reply?: unknown): void;
  /** Revokes every token (the integration was reauthorized, the admin user locked). */
  revokeTokens(): void;
  expireAdminTokens(): void;
  close(): Promise<void>;
}

export async function createFakeMagento(options: FakeMagentoOptions = {}): Promise<FakeMagento> {
  const state = new FakeMagentoState(options.start ?? new Date('2026-11-20T10:00:00Z'));
  for (let i = 0; i < (options.orders ?? 0); i++) state.addOrder();
  const storeCodes = new Set(['default', 'all', ...(options.storeCodes ?? [])]);
  const msi = options.msi ?? true;
  const lifetime = options.adminTokenLifetimeSeconds ?? 4 * 3600;
  let integrationToken = options.integrationToken ?? `int_${randomBytes(16).toString('hex')}`;
  const adminTokens = new Map<string, number>();
  const faults: FaultKind[] = [];
  const malformedPages = new Set<number>();
  /** Order searches still to serve before each malformed one (malformNthSearch), counted down per search. */
  let malformedSearchCountdowns: number[] = [];
  const stats = { rateLimited: 0, failed: 0 };
  const requests: RequestRecord[] = [];

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const text = Buffer.concat(chunks).toString('utf8');
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(JSON.stringify(body));
      };
      const route = /^\/rest(?:\/([A-Za-z0-9_]+))?\/V1\/(.*)$/.exec(url.pathname);
      if (!route) {
        // Outside /rest Magento is a storefront: HTML, never JSON.
        res.writeHead(404, { 'content-type': 'text/html; charset=UTF-8' });
        res.end('<!doctype html><html><head><title>404 Not Found</title></head><body><h1>Whoops, our bad...</h1></body></html>');
        return;
      }
      let body: unknown;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        return send(400, { message: 'Decoding error: \nSyntax error' });
      }
      const record: RequestRecord = { method: req.method ?? 'GET', path: `/V1/${route[2]}`, query: url.searchParams, body, atMs: performance.now() };
      if (req.headers.authorization) record.authorization = req.headers.authorization;
      requests.push(record);

      const at = faults.findIndex((f) => (f.path === undefined || f.path === record.path) && (f.method === undefined || f.method === record.method));
      const fault = at >= 0 ? faults.splice(at, 1)[0] : undefined;
      const sendFault = (f: FaultKind) => {
        if (f.status === 429) stats.rateLimited += 1;
        else stats.failed += 1;
        const headers: Record<string, string> = f.retryAfterSeconds !== undefined ? { 'retry-after': String(f.retryAfterSeconds) } : {};
        if (f.page) {
          res.writeHead(f.status, { 'content-type': 'text/html; charset=UTF-8', ...headers });
          res.end(htmlPage(f.page, f.status));
          return;
        }
        const message = f.status === 429 ? 'Too Many Requests' : 'Internal Error. Details are available in Magento log file. Report ID: webapi-6717a3f4';
        send(f.status, { message }, headers);
      };
      if (fault && !fault.afterApplying) return sendFault(fault);
      if (route[1] !== undefined && !storeCodes.has(route[1])) {
        return send(400, { message: 'Specified request cannot be processed.' });
      }
      try {
        const answer = handle(record, req.headers.authorization);
        if (fault) return sendFault(fault);
        send(200, answer);
      } catch (err) {
        if (fault) return sendFault(fault);
        // A bug in the fake answers as Magento answers its own: 500 and a generic message, the detail in the log.
        if (!(err instanceof MagentoRequestError)) {
          console.error('fake Magento failed:', err);
          return send(500, { message: 'Internal Error. Details are available in Magento log file. Report ID: webapi-fake' });
        }
        send(err.status, err.parameters === undefined ? { message: err.message } : { message: err.message, parameters: err.parameters });
      }
    });
  });

  function authorize(path: string, authorization: string | undefined): void {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    const now = state.nowDate().getTime();
    const adminExpiry = token ? adminTokens.get(token) : undefined;
    const denied = token === integrationToken && (options.deniedResources ?? []).includes(aclResourceFor(path));
    const ok = (token === integrationToken && (options.integrationAsBearer ?? true) && !denied) || (adminExpiry !== undefined && adminExpiry > now);
    if (!ok) throw new MagentoRequestError(401, MESSAGES.unauthorized, { resources: aclResourceFor(path) });
  }

  function handle(r: RequestRecord, authorization: string | undefined): unknown {
    const { method, path } = r;
    if (method === 'POST' && path === '/V1/integration/admin/token') {
      const b = r.body as { username?: unknown; password?: unknown } | undefined;
      if (!options.admin || b?.username !== options.admin.username || b?.password !== options.admin.password) {
        throw new MagentoRequestError(401, MESSAGES.badSignIn);
      }
      const token = `adm_${randomBytes(16).toString('hex')}`;
      adminTokens.set(token, state.nowDate().getTime() + lifetime * 1000);
      return token;
    }
    if (path.startsWith('/V1/inventory/') && !msi) throw new MagentoRequestError(404, MESSAGES.noRoute);
    const known = matchRoute(method, path);
    if (!known) throw new MagentoRequestError(404, MESSAGES.noRoute);
    authorize(path, authorization);
    return known(r);
  }

  function matchRoute(method: string, path: string): ((r: RequestRecord) => unknown) | undefined {
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/V1/orders') return searchOrders;
    if (method === 'GET' && (m = /^\/V1\/orders\/(\d+)$/.exec(path))) {
      const id = Number(m[1]);
      return () => state.view(state.requireOrder(id));
    }
    if (method === 'POST' && (m = /^\/V1\/order\/(\d+)\/ship$/.exec(path))) {
      const id = Number(m[1]);
      return (r) => state.ship(id, (r.body ?? {}) as Parameters<FakeMagentoState['ship']>[1]);
    }
    if (method === 'POST' && path === '/V1/shipment/track') return (r) => state.addTrack((r.body as { entity?: unknown } | undefined)?.entity);
    if (method === 'GET' && path === '/V1/shipments') return searchShipments;
    if (method === 'GET' && path === '/V1/products') return searchProducts;
    if (method === 'GET' && path === '/V1/inventory/sources') {
      return () => {
        const items = [...state.sourceCodes].map((code) => ({ source_code: code, name: code === 'default' ? 'Default Source' : code, enabled: true }));
        return { items, search_criteria: { filter_groups: [] }, total_count: items.length };
      };
    }
    if (method === 'POST' && path === '/V1/inventory/source-items') {
      return (r) => {
        const items = (r.body as { sourceItems?: unknown } | undefined)?.sourceItems;
        if (!Array.isArray(items)) throw new MagentoRequestError(400, '"sourceItems" is required. Enter and try again.');
        state.saveSourceItems(items);
        return [];
      };
    }
    if (method === 'GET' && (m = /^\/V1\/stockItems\/([^/]+)$/.exec(path))) {
      const sku = decodeURIComponent(m[1]);
      return () => {
        const product = state.products.get(sku);
        if (!product) throw new MagentoRequestError(404, MESSAGES.noSuchProduct);
        return { ...product.stock_item };
      };
    }
    if (method === 'PUT' && (m = /^\/V1\/products\/([^/]+)\/stockItems\/(\d+)$/.exec(path))) {
      const sku = decodeURIComponent(m[1]);
      const itemId = Number(m[2]);
      return (r) => {
        const stockItem = (r.body as { stockItem?: unknown } | undefined)?.stockItem;
        if (typeof stockItem !== 'object' || stockItem === null) throw new MagentoRequestError(400, '"stockItem" is required. Enter and try again.');
        return state.updateStockItem(sku, itemId, stockItem);
      };
    }
    return undefined;
  }

  function searchOrders(r: RequestRecord): unknown {
    const criteria = parseCriteria(r.query);
    // Filters and sorting see the stored order; the reply shows what a malformed order looks like.
    const found = sortRecords(
      [...state.orders.values()].filter((o) => matches(o, criteria)),
      criteria,
    );
    const items = pageOf(found, criteria).map((o) => state.view(o));
    if (malformedPages.delete(criteria.current_page ?? 1)) return { items, search_criteria: criteria };
    malformedSearchCountdowns = malformedSearchCountdowns.map((n) => n - 1);
    if (malformedSearchCountdowns.includes(0)) {
      malformedSearchCountdowns = malformedSearchCountdowns.filter((n) => n > 0);
      return { items, search_criteria: criteria };
    }
    return { items, search_criteria: criteria, total_count: found.length };
  }

  /** GET /V1/shipments: how a client finds out whether a shipment it may have created exists. */
  function searchShipments(r: RequestRecord): unknown {
    const criteria = parseCriteria(r.query);
    const views = state.shipments.map((s) => ({
      entity_id: s.entity_id,
      order_id: s.order_id,
      increment_id: String(s.entity_id).padStart(9, '0'),
      created_at: s.created_at,
      items: s.items.map((i) => ({ order_item_id: i.order_item_id, qty: i.qty })),
      tracks: s.tracks.map((t, n) => ({ entity_id: s.entity_id * 100 + n, parent_id: s.entity_id, order_id: s.order_id, ...t })),
      comments: [],
    }));
    const found = sortRecords(views.filter((v) => matches(v, criteria)), criteria);
    return { items: pageOf(found, criteria), search_criteria: criteria, total_count: found.length };
  }

  /** GET /V1/products: the catalog fields a stock push needs (Magento sends many more). */
  function searchProducts(r: RequestRecord): unknown {
    const criteria = parseCriteria(r.query);
    const views = [...state.products.values()].map((p) => ({ id: p.id, entity_id: p.id, sku: p.sku, type_id: p.type_id, status: 1 }));
    const found = sortRecords(views.filter((v) => matches(v, criteria)), criteria);
    return { items: pageOf(found, criteria), search_criteria: criteria, total_count: found.length };
  }

  function parseCriteria(query: URLSearchParams) {
    try {
      return parseSearchCriteria(query);
    } catch (err) {
      if (err instanceof SearchCriteriaError) throw new MagentoRequestError(400, err.message);
      throw err;
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    restBase: `${url}/rest/default`,
    get integrationToken() {
      return integrationToken;
    },
    state,
    requests,
    failNext(n, fault = { status: 503 }) {
      for (let i = 0; i < n; i++) faults.push(fault);
    },
    rateLimitNext(n, retryAfterSeconds = 1) {
      for (let i = 0; i < n; i++) faults.push({ status: 429, retryAfterSeconds });
    },
    malformSearchPage(page) {
      malformedPages.add(page);
    },
    malformNthSearch(nth) {
      malformedSearchCountdowns.push(nth);
    },
    healthy() {
      faults.length = 0;
      malformedPages.clear();
      malformedSearchCountdowns = [];
    },
    stats,
    corruptOrder(id, reply) {
      const order = state.requireOrder(id);
      state.malformed.set(id, reply ?? { entity_id: id, created_at: order.created_at, updated_at: order.updated_at, state: order.state });
    },
    revokeTokens() {
      integrationToken = `int_${randomBytes(16).toString('hex')}`;
      adminTokens.clear();
    },
    expireAdminTokens() {
      for (const token of adminTokens.keys()) adminTokens.set(token, 0);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
