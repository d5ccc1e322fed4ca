import type { CanonicalOrder } from '../../../../../shared/domain.js';
import { DockhandError } from '../../../../../shared/errors.js';
import type { BigCommerceSettings } from '../../../../../shared/platforms/bigcommerce.js';
import type { CartContext, FetchOrdersOptions, OrderPage } from '../cart-connector.js';
import { IncrementalWindow } from '../kit/incremental-window.js';
import { skipReasonFor } from './order-filters.js';
import type { BigCommerceOrderMapping } from './order-mapper.js';
import { mapListedOrder, MAX_PAGE_SIZE, readOrderPage, type OrderPageRequest, type OrderPageResult } from './order-page.js';
import { ORDER_INCLUDES } from './order-parts.js';
import { BigCommerceHttpError, type BigCommerceClient } from './rest-client.js';

/**
 * The incremental order download on date_modified (the kit's IncrementalWindow: overlap, high-water
 * mark, de-duplication). Every status is downloaded; the statuses chosen in setup only set skipReason.
 *
 * v2 pages by offset, and an order modified between two pages moves to the end of the list, so the
 * orders after it move up one place and a page count would skip one. So the walk never counts pages:
 * after a full page it asks again from the page's last date_modified (keyset; the orders of that
 * second are read again and de-duplicated). A page whose orders all share one second cannot move the
 * keyset on; that second is then walked by id (min_id, max_date_modified) and the walk goes on from the
 * next second. The position of each page comes from every order listed on it, before any is filtered
 * out or found invalid, and never moves backwards.
 */

/**
 * Orders per list request. v2 allows 250; each order carries its lines and addresses
 * (consignments), so 200 keeps an answer well inside the request timeout on stores with large orders
 * at 20% more requests.
 */
export const ORDERS_PAGE_SIZE = 200;
/**
 * Hand-overs remembered in the position (kit default 200): a burst of more orders than a page in one
 * second (a bulk status change) must not be handed over again when a run resumes inside it.
 */
const MAX_RECENT = 1000;

export interface DownloadDeps {
  client: BigCommerceClient;
  settings: BigCommerceSettings;
  ctx: CartContext;
  pageSize?: number;
}

/** Where the walk reads next: orders modified since a second, or one second's orders by id. */
type Walk = { kind: 'since'; since: string } | { kind: 'second'; second: string; afterId: number };

export async function* downloadOrders(deps: DownloadDeps, options: FetchOrdersOptions): AsyncGenerator<OrderPage> {
  const { client, settings, ctx } = deps;
  const limit = Math.min(MAX_PAGE_SIZE, deps.pageSize ?? ORDERS_PAGE_SIZE);
  const window = new IncrementalWindow({
    saved: options.cursor,
    earliestOrderDate: options.earliestOrderDate,
    platformName: 'BigCommerce',
    maxRecent: MAX_RECENT,
    // date_modified is kept to the second and a bulk status change saves many orders in one: never split one.
    wholeSeconds: true,
  });
  // Versions handed over in this run: the keyset re-reads the orders of a page's last second.
  const handed = new Set<string>();
  let walk: Walk | null = { kind: 'since', since: window.since };
  let handedOver = 0;

  while (walk) {
    if (ctx.signal.aborted) throw ctx.signal.reason ?? new Error('aborted');
    const result = await readOrderPage(client, request(walk, window.createdAtMin, limit));

    // The high-water mark first, from every order listed, mapped or not.
    window.observe(result.orders.map(updatedAtOf));

    const page: OrderPage = { orders: [], invalid: [], cursor: '' };
    for (const mapped of result.orders) {
      const id = mapped.ok ? mapped.order.cartOrderId : mapped.cartOrderId;
      const updatedAt = updatedAtOf(mapped);
      if (id !== undefined && updatedAt !== undefined) {
        const version = `${id}@${updatedAt}`;
        if (handed.has(version) || window.alreadyHandedOver(id, updatedAt)) continue;
        handed.add(version);
        window.handOver(id, updatedAt);
      }
      if (!mapped.ok) {
        page.invalid.push({ cartOrderId: mapped.cartOrderId, orderNumber: mapped.orderNumber, reason: mapped.reason });
        continue;
      }
      const order: CanonicalOrder = mapped.order;
      const skipReason = skipReasonFor(mapped.facts, settings.statusIds);
      if (skipReason) order.skipReason = skipReason;
      page.orders.push(order);
    }

    page.cursor = window.positionAfterPage();
    handedOver += page.orders.length;
    ctx.progress?.(handedOver);
    yield page;
    walk = nextWalk(client, walk, result, limit);
  }
}

/** One order by its number (BigCommerce's order number is its id), for diagnostics and change checks. */
export async function fetchOrderByNumber(deps: DownloadDeps, orderNumber: string): Promise<CanonicalOrder | null> {
  const id = orderNumber.trim().replace(/^#/, '');
  if (!/^\d+$/.test(id)) return null;
  let raw: unknown;
  try {
    raw = await deps.client.get(`/v2/orders/${id}`, { ...ORDER_INCLUDES });
  } catch (err) {
    if (err instanceof BigCommerceHttpError && err.status === 404) return null;
    throw err;
  }
  if (raw === null) return null;
  const mapped = await mapListedOrder(deps.client, raw);
  if (!mapped.ok) throw new DockhandError('data', `Order ${orderNumber} could not be read: ${mapped.reason}`);
  const skipReason = skipReasonFor(mapped.facts, deps.settings.statusIds);
  if (skipReason) mapped.order.skipReason = skipReason;
  return mapped.order;
}

function request(walk: Walk, createdSince: string | undefined, limit: number): OrderPageRequest {
  if (walk.kind === 'since') return { modifiedSince: walk.since, createdSince, page: 1, limit };
  return { modifiedSince: walk.second, modifiedUntil: walk.second, minId: walk.afterId + 1, createdSince, page: 1, limit };
}

/** After a page: where to read next, or null when the page was the last. */
function nextWalk(client: BigCommerceClient, walk: Walk, result: OrderPageResult, limit: number): Walk | null {
  if (result.received < limit) {
    // A second walked by id is done: go on from the next second.
    return walk.kind === 'second' ? { kind: 'since', since: new Date(Date.parse(walk.second) + 1000).toISOString() } : null;
  }
  if (walk.kind === 'second') {
    const ids = result.orders.map((o) => Number(o.ok ? o.order.cartOrderId : o.cartOrderId)).filter((n) => Number.isInteger(n));
    const afterId = Math.max(...ids);
    // min_id must move the walk on; a store that ignored it would hand the same page for ever.
    if (ids.length === 0 || afterId <= walk.afterId) throw client.malformed('a full page of orders that does not move on by id (min_id)');
    return { ...walk, afterId };
  }
  const times = result.orders.map(updatedAtOf).filter((t): t is string => t !== undefined).map((t) => Date.parse(t));
  if (times.length === 0) throw client.malformed('a full page of orders without a readable date_modified');
  const last = Math.max(...times);
  const since = wholeSecond(Date.parse(walk.since));
  if (last > since) return { kind: 'since', since: new Date(last).toISOString() };
  // Every order of the page was modified in the second the page started at: walk that second by id
  // from its first order (the order of ties in a date sort is not documented, so none is trusted).
  return { kind: 'second', second: new Date(since).toISOString(), afterId: 0 };
}

function updatedAtOf(mapped: BigCommerceOrderMapping): string | undefined {
  return mapped.ok ? mapped.order.updatedAt : mapped.updatedAt;
}

const wholeSecond = (ms: number): number => Math.floor(ms / 1000) * 1000;
