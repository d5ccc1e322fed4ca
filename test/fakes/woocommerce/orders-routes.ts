import { pagingHeaders, readBool, readList, readPaging } from './collection-params.js';
import { noteJson, ORDER_STATUSES, orderJson, type FakeOrder, type OrderStatus } from './fake-model.js';
import type { FakeWooStore } from './fake-store.js';
import { formatSiteLocal, parseDateParam } from './site-time.js';
import { invalidParam, json, missingParam, restError, type FakeReply } from './wp-replies.js';

/** /wp-json/wc/v3/orders, /orders/<id> and /orders/<id>/notes, as the REST v3 docs describe them. */

export interface RouteRequest {
  method: string;
  /** Path segments after the namespace, e.g. ['orders', '727', 'notes']. */
  parts: string[];
  query: URLSearchParams;
  body: unknown;
  url: URL;
  baseUrl: string;
}

const ORDERBY = ['date', 'id', 'include', 'title', 'slug', 'modified'];

export function ordersRoute(store: FakeWooStore, req: RouteRequest): FakeReply | undefined {
  const [, idText, sub, ...rest] = req.parts;
  if (idText === undefined) return req.method === 'GET' ? listOrders(store, req) : undefined;
  if (!/^\d+$/.test(idText) || rest.length > 0) return undefined;
  const id = Number(idText);
  if (sub === undefined) {
    if (req.method === 'GET') return getOrder(store, req, id);
    if (req.method === 'PUT' || req.method === 'POST' || req.method === 'PATCH') return updateOrder(store, req, id);
    return undefined;
  }
  if (sub === 'notes') {
    if (req.method === 'POST') return addNote(store, req, id);
    if (req.method === 'GET') return listNotes(store, id);
  }
  return undefined;
}

function listOrders(store: FakeWooStore, req: RouteRequest): FakeReply {
  const malformed = store.malformedOrdersList;
  if (malformed) {
    if (malformed.good <= 0) return json(200, { orders: 'wrapped by a plugin, not the documented list' });
    malformed.good -= 1;
  }
  const { query } = req;
  const paging = readPaging(query);
  if ('status' in paging) return paging;
  const statuses = readList(query, 'status') ?? ['any'];
  for (const s of statuses) {
    if (s !== 'any' && !(ORDER_STATUSES as readonly string[]).includes(s)) {
      return invalidParam('status', `status[0] is not one of any, ${ORDER_STATUSES.join(', ')}.`);
    }
  }
  const orderby = query.get('orderby') ?? 'date';
  if (!ORDERBY.includes(orderby)) return invalidParam('orderby', `orderby is not one of ${ORDERBY.join(', ')}.`);
  const order = query.get('order') ?? 'desc';
  if (order !== 'asc' && order !== 'desc') return invalidParam('order', 'order is not one of asc and desc.');
  const datesAreGmt = readBool(query, 'dates_are_gmt');
  const wanted = statuses.includes('any') ? undefined : new Set(statuses);
  const bounds: { pick: (o: FakeOrder) => number; after: boolean; gmtMs?: number; local?: string }[] = [];
  for (const [name, pick, after] of [
    ['modified_after', (o: FakeOrder) => o.modifiedMs, true],
    ['modified_before', (o: FakeOrder) => o.modifiedMs, false],
    ['after', (o: FakeOrder) => o.createdMs, true],
    ['before', (o: FakeOrder) => o.createdMs, false],
  ] as const) {
    const raw = query.get(name);
    if (raw === null) continue;
    const at = parseDateParam(raw, datesAreGmt);
    if (!at) return invalidParam(name, 'Invalid date.');
    bounds.push({ pick, after, ...at });
  }
  const include = readList(query, 'include')?.map(Number);
  const exclude = new Set(readList(query, 'exclude')?.map(Number) ?? []);
  const timeZone = store.options.timeZone;
  // WordPress date queries are exclusive: "after" means strictly later.
  const matches = (o: FakeOrder): boolean => {
    if (wanted ? !wanted.has(o.status) : o.status === 'trash') return false;
    if (include && !include.includes(o.id)) return false;
    if (exclude.has(o.id)) return false;
    for (const b of bounds) {
      const ms = b.pick(o);
      if (b.gmtMs !== undefined) {
        if (b.after ? ms <= b.gmtMs : ms >= b.gmtMs) return false;
      } else {
        const local = formatSiteLocal(ms, timeZone);
        if (b.after ? local <= (b.local as string) : local >= (b.local as string)) return false;
      }
    }
    return true;
  };
  const key = (o: FakeOrder): number =>
    orderby === 'modified' ? o.modifiedMs : orderby === 'date' ? o.createdMs : orderby === 'include' && include ? include.indexOf(o.id) : o.id;
  const sign = order === 'asc' ? 1 : -1;
  const sorted = include ? [...store.orders.values()].sort((a, b) => sign * (key(a) - key(b) || a.id - b.id)) : sortedOrders(store, orderby, sign, key);
  const matching = cachedMatches(store, query, () => sorted.filter(matches));
  const start = paging.offset ?? (paging.page - 1) * paging.perPage;
  const page = matching.slice(start, start + paging.perPage);
  return json(200, page.map((o) => orderJson(o, timeZone, req.baseUrl)), pagingHeaders(matching.length, paging, req.url));
}

/**
 * The matches of one filter, kept until the next write: a download pages through the same filter
 * with a moving offset, and filtering 100,000 orders per page would make the fake the bottleneck.
 */
const matchCache = new WeakMap<FakeWooStore, { key: string; orders: FakeOrder[] }>();

function cachedMatches(store: FakeWooStore, query: URLSearchParams, compute: () => FakeOrder[]): FakeOrder[] {
  const filters = new URLSearchParams(query);
  for (const name of ['page', 'offset', 'per_page', 'consumer_key', 'consumer_secret']) filters.delete(name);
  filters.sort();
  const key = `${store.nowMs}:${store.orders.size}:${filters.toString()}`;
  const cached = matchCache.get(store);
  if (cached?.key === key) return cached.orders;
  const orders = compute();
  matchCache.set(store, { key, orders });
  return orders;
}

/**
 * Every write ticks the store clock, so the clock reading names the store's version: a sorted list is
 * reused until the next write, which keeps a 100,000-order download from sorting on every page.
 */
const sortCache = new WeakMap<FakeWooStore, { version: string; orders: FakeOrder[] }>();

function sortedOrders(store: FakeWooStore, orderby: string, sign: number, key: (o: FakeOrder) => number): FakeOrder[] {
  const version = `${store.nowMs}:${store.orders.size}:${orderby}:${sign}`;
  const cached = sortCache.get(store);
  if (cached?.version === version) return cached.orders;
  const orders = [...store.orders.values()].sort((a, b) => sign * (key(a) - key(b) || a.id - b.id));
  sortCache.set(store, { version, orders });
  return orders;
}

function getOrder(store: FakeWooStore, req: RouteRequest, id: number): FakeReply {
  const order = store.orders.get(id);
  if (!order) return restError(404, 'woocommerce_rest_shop_order_invalid_id', 'Invalid ID.');
  return json(200, orderJson(order, store.options.timeZone, req.baseUrl));
}

function updateOrder(store: FakeWooStore, req: RouteRequest, id: number): FakeReply {
  if (!store.orders.has(id)) return restError(400, 'woocommerce_rest_shop_order_invalid_id', 'Invalid ID.');
  const body = isRecord(req.body) ? req.body : {};
  const status = body.status;
  if (status !== undefined && (typeof status !== 'string' || status === 'any' || !(ORDER_STATUSES as readonly string[]).includes(status))) {
    return invalidParam('status', `status is not one of ${ORDER_STATUSES.join(', ')}.`);
  }
  const order = store.modifyOrder(id, (o) => {
    if (typeof status === 'string') o.status = status as OrderStatus;
    if (typeof body.customer_note === 'string') o.customer_note = body.customer_note;
  });
  return json(200, orderJson(order, store.options.timeZone, req.baseUrl));
}

function addNote(store: FakeWooStore, req: RouteRequest, id: number): FakeReply {
  if (!store.orders.has(id)) return restError(404, 'woocommerce_rest_order_invalid_id', 'Invalid order ID.');
  const body = isRecord(req.body) ? req.body : {};
  if (typeof body.note !== 'string' || body.note === '') return missingParam('note');
  const note = {
    id: store.postId(),
    createdMs: store.tick(),
    note: body.note,
    customer_note: body.customer_note === true,
    added_by_user: body.added_by_user === true,
  };
  store.notes.set(id, [...store.notesOf(id), note]);
  return json(201, noteJson(note, store.options.timeZone));
}

function listNotes(store: FakeWooStore, id: number): FakeReply {
  if (!store.orders.has(id)) return restError(404, 'woocommerce_rest_order_invalid_id', 'Invalid order ID.');
  return json(200, [...store.notesOf(id)].reverse().map((n) => noteJson(n, store.options.timeZone)));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
