import type { CanonicalOrder } from '../../../../../shared/domain.js';
import { DockhandError } from '../../../../../shared/errors.js';
import type { EbaySettings } from '../../../../../shared/schemas/ebay.js';
import type { CartContext, FetchOrdersOptions, OrderPage } from '../cart-connector.js';
import { IncrementalWindow } from '../kit/incremental-window.js';
import { mapEbayOrder } from './order-mapper.js';
import type { EbayRestClient } from './rest-client.js';
import { orderPageSchema } from './schemas.js';

/**
 * Incremental download on lastModifiedDate through the kit's window (overlap, de-duplication, a position
 * that never moves backwards), filtered by fulfillment status as the settings say, paged by offset
 * following eBay's `next`.
 *
 * eBay's filter reaches back 90 days only: a first run (an earliest order date further back) or a
 * position older than that asks from 90 days ago instead, rather than sending a filter eBay refuses on
 * every run. The person is told which window was skipped (the run's record and a warning alert on the
 * cart, through ctx.onNotice), and the position moves up to where the asking began, so a quiet shop
 * (no order changed for 90 days) is not told again on every run about a window earlier runs covered. eBay uses only one of creationdate and lastmodifieddate,
 * so the earliest order date of the first run is applied here: an order created before it is left out
 * however often it changes.
 */

/** Orders per page: getOrders' maximum limit. */
export const EBAY_ORDERS_PAGE_SIZE = 200;
/** eBay's filter reaches back this far; a little is kept in hand so a slow request never crosses it. */
export const EBAY_LOOKBACK_MS = 90 * 86_400_000;
const LOOKBACK_MARGIN_MS = 10 * 60_000;
/** As Magento's: a mass change in Seller Hub can give thousands of orders one time (wholeSeconds). */
export const EBAY_MAX_RECENT = 1000;

interface DownloadDeps {
  client: EbayRestClient;
  settings: EbaySettings;
  ctx: CartContext;
  pageSize?: number;
}

/** getOrders' filter: lastmodifieddate from `since`, and the fulfillment statuses. */
export function ordersFilter(since: string, statuses: string): string {
  return `lastmodifieddate:[${since}..],orderfulfillmentstatus:{${statuses}}`;
}

/**
 * A saved position older than the lookback by less than this is a quiet shop's (its position moves up
 * to each run's start of asking, so it falls behind by the time between runs and the overlap only): the
 * earlier runs covered that time, so it is no news to a person. A first run is always told.
 */
export const SKIPPED_WINDOW_NOTICE_MS = 7 * 86_400_000;

/** What the person reads when eBay's 90 days left orders out: which window, and where to look for them. */
export function skippedWindowNotice(skippedFrom: string, from: string): string {
  return `eBay lists orders changed in the last 90 days only, so Dockhand could not ask for orders last changed between ${skippedFrom.slice(0, 10)} and ${from.slice(0, 10)} (UTC): an order changed only in that time was not downloaded. Look for such orders in Seller Hub.`;
}

/** The time to ask from: `since`, or 90 days ago (less a margin) when eBay would refuse it. */
export function clampToLookback(since: string, nowMs: number): { from: string; clamped: boolean } {
  const floor = nowMs - EBAY_LOOKBACK_MS + LOOKBACK_MARGIN_MS;
  return Date.parse(since) < floor ? { from: new Date(floor).toISOString(), clamped: true } : { from: since, clamped: false };
}

export async function* downloadEbayOrders(deps: DownloadDeps, options: FetchOrdersOptions): AsyncGenerator<OrderPage> {
  const { client, settings, ctx } = deps;
  const limit = deps.pageSize ?? EBAY_ORDERS_PAGE_SIZE;
  const window = new IncrementalWindow({ saved: options.cursor, earliestOrderDate: options.earliestOrderDate, platformName: 'eBay', maxRecent: EBAY_MAX_RECENT, wholeSeconds: true });
  const { from, clamped } = clampToLookback(window.since, ctx.clock.now().getTime());
  if (clamped) {
    ctx.log.log('warn', `eBay lists orders modified in the last 90 days only: downloading from ${from} instead of ${window.since}`, { since: window.since, from });
    const firstRun = options.cursor === null || options.cursor === undefined || options.cursor === '';
    if (firstRun || Date.parse(from) - Date.parse(window.highWater) >= SKIPPED_WINDOW_NOTICE_MS) ctx.onNotice?.(skippedWindowNotice(window.since, from));
    // Nothing before `from` can be asked for any more: the position starts there at least.
    window.observe([from]);
  }
  const createdMin = window.createdAtMin;
  const invalidSeen = new Set<string>();
  let offset = 0;
  let handedOver = 0;
  for (;;) {
    if (ctx.signal.aborted) throw ctx.signal.reason ?? new Error('aborted');
    const query = new URLSearchParams({ filter: ordersFilter(from, settings.fulfillmentStatuses), limit: String(limit), offset: String(offset) });
    const { value: reply } = await client.json('GET', '/sell/fulfillment/v1/order', orderPageSchema, { what: 'the order list', api: 'fulfillment', query });
    // The high-water mark first, from every item (invalid ones included), before anything is left out.
    window.observe(reply.orders.map((o) => (isRecord(o) ? o.lastModifiedDate : undefined)));

    const page: OrderPage = { orders: [], invalid: [], cursor: '' };
    for (const item of reply.orders) {
      const mapped = mapEbayOrder(item);
      if (!mapped.ok) {
        const key = `${mapped.cartOrderId ?? '?'}@${mapped.updatedAt ?? '?'}`;
        if (invalidSeen.has(key)) continue;
        invalidSeen.add(key);
        const { reason, cartOrderId, orderNumber } = mapped;
        page.invalid.push({ reason, ...(cartOrderId ? { cartOrderId } : {}), ...(orderNumber ? { orderNumber } : {}) });
        continue;
      }
      const order: CanonicalOrder = mapped.order;
      if (createdMin && order.orderDate < createdMin) continue;
      if (window.alreadyHandedOver(order.cartOrderId, order.updatedAt)) continue;
      window.handOver(order.cartOrderId, order.updatedAt);
      page.orders.push(order);
    }
    page.cursor = window.positionAfterPage();
    handedOver += page.orders.length;
    ctx.progress?.(handedOver, reply.total);
    yield page;

    const next = nextOffset(reply, offset);
    if (next === undefined) return;
    offset = next;
  }
}

/** Where the next page starts: eBay's `next` says there is one (its offset, or this page's end). */
function nextOffset(reply: { next?: string; offset: number; limit: number; orders: unknown[] }, offset: number): number | undefined {
  if (!reply.next || reply.orders.length === 0) return undefined;
  let fromNext: number | undefined;
  try {
    const value = new URL(reply.next, 'https://api.ebay.com').searchParams.get('offset');
    fromNext = value !== null && /^\d+$/.test(value) ? Number(value) : undefined;
  } catch {
    fromNext = undefined;
  }
  const end = reply.offset + reply.orders.length;
  // Never backwards or in place: a `next` that does not move on would walk for ever.
  return fromNext !== undefined && fromNext > offset ? fromNext : end > offset ? end : undefined;
}

/** One order by its id, for diagnostics and change checks. */
export async function fetchEbayOrderByNumber(client: EbayRestClient, orderNumber: string): Promise<CanonicalOrder | null> {
  const query = new URLSearchParams({ orderIds: orderNumber });
  const { value: reply } = await client.json('GET', '/sell/fulfillment/v1/order', orderPageSchema, { what: `order ${orderNumber}`, api: 'fulfillment', query });
  const raw = reply.orders[0];
  if (raw === undefined) return null;
  const mapped = mapEbayOrder(raw);
  if (!mapped.ok) throw new DockhandError('data', `Order ${orderNumber} could not be read: ${mapped.reason}`);
  return mapped.order;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
