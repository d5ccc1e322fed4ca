import { FakeRequestError, type FakeSellerState } from './seller-state.js';

/**
 * getOrders' query as eBay reads it: filter=lastmodifieddate:[from..to],creationdate:[..],
 * orderfulfillmentstatus:{A|B}; limit 1..200 (default 50); offset; orderIds (at most 50) overrides the
 * rest. eBay reaches back 90 days only: a date range starting further back is refused (error 30850 here).
 * When both creationdate and lastmodifieddate are given, only creationdate is used. Orders come newest
 * created first (changing an order does not move it).
 */

export interface OrdersQuery {
  orderIds?: string[];
  field?: 'lastmodifieddate' | 'creationdate';
  from?: number;
  to?: number;
  statuses?: string[];
  limit: number;
  offset: number;
}

const NINETY_DAYS_MS = 90 * 86_400_000;

export function parseOrdersQuery(query: URLSearchParams, nowMs: number): OrdersQuery {
  const limit = query.has('limit') ? Number(query.get('limit')) : 50;
  const offset = query.has('offset') ? Number(query.get('offset')) : 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new FakeRequestError(400, 30700, 'The value of limit must be between 1 and 200.');
  if (!Number.isInteger(offset) || offset < 0) throw new FakeRequestError(400, 30700, 'The offset value is invalid.');
  const ids = query.get('orderIds');
  if (ids) return { orderIds: ids.split(',').slice(0, 50), limit, offset };
  const parsed: OrdersQuery = { limit, offset };
  const filter = query.get('filter') ?? '';
  const ranges = new Map<string, [number | undefined, number | undefined]>();
  for (const m of filter.matchAll(/(lastmodifieddate|creationdate):\[([^\]]*)\]/g)) {
    const [from, to] = m[2].split('..');
    const read = (t: string | undefined) => {
      if (!t) return undefined;
      const ms = Date.parse(t);
      if (!/Z$/.test(t) || Number.isNaN(ms)) throw new FakeRequestError(400, 30800, `Invalid date format in filter: ${t}. Use ISO 8601 UTC (2026-01-01T00:00:00.000Z).`);
      return ms;
    };
    ranges.set(m[1], [read(from), read(to)]);
  }
  const field = ranges.has('creationdate') ? 'creationdate' : ranges.has('lastmodifieddate') ? 'lastmodifieddate' : undefined;
  if (field) {
    const [from, to] = ranges.get(field)!;
    if (from !== undefined && from < nowMs - NINETY_DAYS_MS) {
      throw new FakeRequestError(400, 30850, `The ${field} filter may not start more than 90 days ago.`);
    }
    parsed.field = field;
    parsed.from = from;
    parsed.to = to;
  }
  const statuses = /orderfulfillmentstatus:\{([^}]*)\}/.exec(filter)?.[1];
  if (statuses) {
    const list = statuses.split('|');
    const key = [...list].sort().join('|');
    if (key !== 'IN_PROGRESS|NOT_STARTED' && key !== 'FULFILLED|IN_PROGRESS') {
      throw new FakeRequestError(400, 30810, 'orderfulfillmentstatus takes {NOT_STARTED|IN_PROGRESS} or {FULFILLED|IN_PROGRESS}.');
    }
    parsed.statuses = list;
  }
  return parsed;
}

export function ordersReply(state: FakeSellerState, q: OrdersQuery, href: string, query: URLSearchParams): Record<string, unknown> {
  let orders = [...state.orders.values()];
  if (q.orderIds) orders = orders.filter((o) => q.orderIds!.includes(o.orderId));
  else {
    if (q.field) {
      const of = (o: (typeof orders)[number]) => Date.parse(q.field === 'creationdate' ? o.creationDate : o.lastModifiedDate);
      orders = orders.filter((o) => (q.from === undefined || of(o) >= q.from) && (q.to === undefined || of(o) <= q.to));
    }
    if (q.statuses) orders = orders.filter((o) => q.statuses!.includes(o.orderFulfillmentStatus));
  }
  orders.sort((a, b) => (a.creationDate === b.creationDate ? (a.orderId < b.orderId ? 1 : -1) : a.creationDate < b.creationDate ? 1 : -1));
  const page = orders.slice(q.offset, q.offset + q.limit);
  const link = (offset: number) => {
    const next = new URLSearchParams(query);
    next.set('offset', String(offset));
    next.set('limit', String(q.limit));
    return `${href}?${next}`;
  };
  return {
    href: link(q.offset),
    total: orders.length,
    limit: q.limit,
    offset: q.offset,
    ...(q.offset + q.limit < orders.length ? { next: link(q.offset + q.limit) } : {}),
    ...(q.offset > 0 ? { prev: link(Math.max(0, q.offset - q.limit)) } : {}),
    orders: page.map((o) => state.view(o)),
    warnings: [],
  };
}
