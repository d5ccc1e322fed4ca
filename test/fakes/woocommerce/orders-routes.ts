import { pagingHeaders, readBool, readList, readPaging, slice } from './collection-params.js';
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
  const filters: ((o: FakeOrder) => boolean)[] = [];
  if (!statuses.includes('any')) filters.push((o) => statuses.includes(o.status));
  else filters.push((o) => o.status !== 'trash');
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
    // WordPress date queries are exclusive: "after" means strictly later.
    filters.push((o) => {
      const ms = pick(o);
      if (at.gmtMs !== undefined) return after ? ms > at.gmtMs : ms < at.gmtMs;
      const local = formatSiteLocal(ms, store.options.timeZone);
      return after ? local > (at.local as string) : local < (at.local as string);
    });
  }
  const include = readList(query, 'include')?.map(Number);
  if (include) filters.push((o) => include.includes(o.id));
  const matching = [...store.orders.values()].filter((o) => filters.every((f) => f(o)));
  const key = (o: FakeOrder): number =>
    orderby === 'modified' ? o.modifiedMs : orderby === 'date' ? o.createdMs : orderby === 'include' && include ? include.indexOf(o.id) : o.id;
  const sign = order === 'asc' ? 1 : -1;
  matching.sort((a, b) => sign * (key(a) - key(b) || a.id - b.id));
  const page = slice(matching, paging).map((o) => orderJson(o, store.options.timeZone, req.baseUrl));
  return json(200, page, pagingHeaders(matching.length, paging, req.url));
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
