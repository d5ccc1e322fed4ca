import type { CartContext, FetchOrdersOptions, OrderPage } from '../cart-connector.js';
import { IncrementalWindow } from '../kit/incremental-window.js';
import { statusesToQuery } from './order-filters.js';
import { readOrdersPage } from './order-page.js';
import { walkOrders } from './order-walk.js';
import type { WooRestClient } from './rest-client.js';
import { gmtToUtcIso } from './values.js';

/**
 * The incremental order download: the kit's window (high-water mark on date_modified_gmt, overlap,
 * de-duplication) over the order walk (order-walk.ts, which never skips an order that moves between
 * pages). Each page of the walk is one OrderPage with the position after it. The high-water mark is
 * raised from every item, invalid ones included, before anything is filtered, so a page of bad orders
 * still moves the position; an invalid order re-read by the overlap is not recorded twice.
 */
/**
 * WooCommerce stamps date_modified as it saves, and the save commits within the same request, so a
 * minute of overlap covers orders committed late. What the overlap re-reads is left out by the window's
 * list of recent hand-overs, which must hold every order of that minute: a bulk edit in wp-admin saves
 * hundreds of orders in it, hence room for a thousand (an order left out of the list would be handed
 * over twice in the same version).
 */
export const WOO_OVERLAP_MS = 60_000;
export const WOO_MAX_RECENT = 1000;

export async function* downloadWooOrders(
  client: WooRestClient,
  chosenStatuses: readonly string[],
  ctx: CartContext,
  options: FetchOrdersOptions,
  perPage?: number,
): AsyncGenerator<OrderPage> {
  const window = new IncrementalWindow({
    saved: options.cursor,
    earliestOrderDate: options.earliestOrderDate,
    platformName: 'WooCommerce',
    overlapMs: WOO_OVERLAP_MS,
    maxRecent: WOO_MAX_RECENT,
    // WooCommerce keeps dates to the second and a bulk edit saves many orders in one: never split one.
    wholeSeconds: true,
  });
  let handedOver = 0;
  const walk = walkOrders(client, {
    since: window.since,
    createdAfter: window.createdAtMin,
    statuses: statusesToQuery(chosenStatuses),
    ...(perPage ? { perPage } : {}),
  });
  for await (const items of walk) {
    if (ctx.signal.aborted) throw ctx.signal.reason ?? new Error('aborted');
    const read = readOrdersPage(items, chosenStatuses);
    window.observe(read.updatedAts);
    const page: OrderPage = { orders: [], invalid: [], cursor: '' };
    for (const order of read.orders) {
      if (window.alreadyHandedOver(order.cartOrderId, order.updatedAt)) continue;
      window.handOver(order.cartOrderId, order.updatedAt);
      page.orders.push(order);
    }
    for (const bad of read.invalid) {
      // Same order, same version, already recorded by an earlier run's page: the overlap re-read it.
      const version = invalidVersion(bad, items);
      if (version && window.alreadyHandedOver(version.key, version.updatedAt)) continue;
      if (version) window.handOver(version.key, version.updatedAt);
      page.invalid.push(bad);
    }
    page.cursor = window.positionAfterPage();
    handedOver += page.orders.length;
    ctx.progress?.(handedOver);
    yield page;
  }
}

/** An invalid order's key in the window ("invalid:<id>") and its date_modified_gmt, when readable. */
function invalidVersion(bad: { cartOrderId?: string }, items: readonly unknown[]): { key: string; updatedAt: string } | undefined {
  if (!bad.cartOrderId) return undefined;
  const item = items.find((i) => typeof i === 'object' && i !== null && String((i as { id?: unknown }).id) === bad.cartOrderId);
  const modified = item ? (item as { date_modified_gmt?: unknown }).date_modified_gmt : undefined;
  // In the window's own form (UTC ISO), so its pruning compares like with like.
  const updatedAt = typeof modified === 'string' ? gmtToUtcIso(modified) : null;
  return updatedAt ? { key: `invalid:${bad.cartOrderId}`, updatedAt } : undefined;
}
