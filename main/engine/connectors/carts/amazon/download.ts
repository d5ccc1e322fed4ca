import type { CanonicalOrder } from '../../../../../shared/domain.js';
import { DockhandError } from '../../../../../shared/errors.js';
import type { AmazonSettings } from '../../../../../shared/schemas/amazon.js';
import type { CartContext, FetchOrdersOptions, OrderPage } from '../cart-connector.js';
import { IncrementalWindow } from '../kit/incremental-window.js';
import { toUtcIso } from '../kit/utc-time.js';
import { isFulfilledByAmazon, mapAmazonOrder, readAmazonOrder } from './order-mapper.js';
import { firstPageQuery, lastUpdatedBeforeAt, nextPageQuery } from './order-query.js';
import type { RestrictedOrdersToken } from './restricted-data.js';
import { getOrderItemsReplySchema, getOrdersReplySchema, type AmazonOrder } from './schemas.js';
import type { SpApiClient } from './sp-client.js';
import { AmazonApiError } from './sp-errors.js';

/**
 * Incremental download on LastUpdateDate through the kit's window: getOrders from the window's start
 * to two minutes ago, NextToken pages, and getOrderItems (with its own NextToken) for every order
 * handed over. getOrderItems, one call per order at 0.5/s, is what bounds the orders per hour
 * (about 1,800 once its burst of 30 is spent); getOrders pages 100 orders per call at one a minute.
 *
 * Amazon does not say in which order getOrders lists what it finds, so a page's times do not move the
 * position until the last page: a run stopped half way resumes from where it started, remembering what
 * it handed over (the window's `recent`), and loses nothing whatever the sort. Amazon keeps times to
 * the second, so the window keeps whole seconds.
 *
 * AFN orders (Amazon ships them) that come back are skipped with a reason and their items are not
 * asked for; orders created before the first run's earliest date are left out (getOrders cannot filter
 * by LastUpdatedAfter and CreatedAfter together).
 */

/** Orders remembered inside the overlap window (see magento's MAGENTO_MAX_RECENT for why 1,000). */
export const AMAZON_MAX_RECENT = 1000;

export const AFN_SKIP_REASON = 'Fulfilled by Amazon (FBA): Amazon ships this order, not the warehouse';

export interface DownloadDeps {
  client: SpApiClient;
  settings: AmazonSettings;
  ctx: CartContext;
  restricted: RestrictedOrdersToken;
  pageSize?: number;
}

export async function* downloadAmazonOrders(deps: DownloadDeps, options: FetchOrdersOptions): AsyncGenerator<OrderPage> {
  const { client, settings, ctx } = deps;
  const window = new IncrementalWindow({ saved: options.cursor, earliestOrderDate: options.earliestOrderDate, platformName: 'Amazon', maxRecent: AMAZON_MAX_RECENT, wholeSeconds: true });
  const before = lastUpdatedBeforeAt(ctx.clock.now().getTime());
  const beforeIso = new Date(before).toISOString();
  // Nothing can be asked for yet: the window starts inside the last two minutes.
  if (Date.parse(window.since) >= Date.parse(before)) return;

  const seen: string[] = [];
  const invalidSeen = new Set<string>();
  let query = firstPageQuery(settings, window.since, before, deps.pageSize);
  let handedOver = 0;
  let afnSkipped = 0;
  for (;;) {
    if (ctx.signal.aborted) throw ctx.signal.reason ?? new Error('aborted');
    const { reply, restrictedData } = await orderListPage(deps, query);
    const { Orders: rawOrders, NextToken: nextToken } = reply.payload;
    const last = !nextToken;
    const page: OrderPage = { orders: [], invalid: [], cursor: '' };
    for (const raw of rawOrders) {
      const header = readAmazonOrder(raw);
      const at = (header.ok ? toUtcIso(header.order.LastUpdateDate) : header.updatedAt) ?? undefined;
      if (at) seen.push(at);
      if (!header.ok) {
        recordInvalid(page, invalidSeen, header.cartOrderId, at, header.reason);
        continue;
      }
      const order = header.order;
      const updatedAt = at!;
      if (window.createdAtMin && toUtcIso(order.PurchaseDate)! < window.createdAtMin) continue;
      if (window.alreadyHandedOver(order.AmazonOrderId, updatedAt)) continue;
      if (isFulfilledByAmazon(order) && !settings.includeAfn) {
        // Not the warehouse's: kept as Skipped with the reason, without spending getOrderItems on it.
        afnSkipped += 1;
        const skipped = mapAmazonOrder(order, [], { settings, restrictedData });
        if (skipped.ok) {
          skipped.order.skipReason = AFN_SKIP_REASON;
          page.orders.push(skipped.order);
          window.handOver(order.AmazonOrderId, updatedAt);
        } else recordInvalid(page, invalidSeen, order.AmazonOrderId, updatedAt, skipped.reason);
        continue;
      }
      const items = await fetchOrderItems(client, order.AmazonOrderId);
      const mapped = mapAmazonOrder(order, items, { settings, restrictedData });
      if (!mapped.ok) {
        recordInvalid(page, invalidSeen, order.AmazonOrderId, updatedAt, mapped.reason);
        continue;
      }
      if (isFulfilledByAmazon(order)) mapped.order.skipReason = AFN_SKIP_REASON;
      window.handOver(order.AmazonOrderId, updatedAt);
      page.orders.push(mapped.order);
    }
    // The high-water mark from every order of the run (invalid ones too), once the whole list is read,
    // never past LastUpdatedBefore: an order changed during a long run shows its newer time on a later
    // page, yet orders changed or placed after `before` were not asked for, and must be by the next run.
    if (last) window.observe(seen.map((at) => (at > beforeIso ? beforeIso : at)));
    page.cursor = window.positionAfterPage();
    handedOver += page.orders.length;
    ctx.progress?.(handedOver);
    if (last && afnSkipped > 0) ctx.log.log('info', `${client.label}: ${afnSkipped} Fulfilled-by-Amazon order(s) skipped (Amazon ships them)`, { afnSkipped });
    yield page;
    if (last) return;
    query = nextPageQuery(settings, nextToken);
  }
}

/**
 * One getOrders page with the Restricted Data Token, asked per page (cached for its hour: a run bound by
 * getOrderItems outlives one token), and asked anew once when Amazon refuses it as expired.
 */
async function orderListPage(deps: DownloadDeps, query: URLSearchParams) {
  for (let renewed = false; ; renewed = true) {
    const piiToken = await deps.restricted.token();
    try {
      const reply = await deps.client.call('getOrders', 'GET', '/orders/v0/orders', getOrdersReplySchema, {
        what: 'the order list',
        query,
        ...(piiToken ? { restrictedToken: piiToken } : {}),
      });
      return { reply, restrictedData: piiToken !== null };
    } catch (err) {
      if (renewed || piiToken === null || !(err instanceof AmazonApiError) || err.status !== 403) throw err;
      deps.restricted.forget();
    }
  }
}

function recordInvalid(page: OrderPage, seen: Set<string>, cartOrderId: string | undefined, at: string | undefined, reason: string): void {
  const key = `${cartOrderId ?? '?'}@${at ?? '?'}`;
  if (seen.has(key)) return;
  seen.add(key);
  page.invalid.push({ reason, ...(cartOrderId ? { cartOrderId, orderNumber: cartOrderId } : {}) });
}

/** Every item of an order: getOrderItems and its own NextToken pages. */
export async function fetchOrderItems(client: SpApiClient, orderId: string): Promise<unknown[]> {
  const items: unknown[] = [];
  let nextToken: string | undefined;
  for (let pageNo = 1; ; pageNo++) {
    const reply = await client.call('getOrderItems', 'GET', `/orders/v0/orders/${encodeURIComponent(orderId)}/orderItems`, getOrderItemsReplySchema, {
      what: `the items of order ${orderId}`,
      ...(nextToken ? { query: new URLSearchParams({ NextToken: nextToken }) } : {}),
    });
    items.push(...reply.payload.OrderItems);
    nextToken = reply.payload.NextToken;
    if (!nextToken) return items;
    if (pageNo >= 100) throw new DockhandError('transient', `${client.label} kept paging the items of order ${orderId} (over 100 pages)`);
  }
}

/** One order by its Amazon order id, for diagnostics ("fetch this one order now"). */
export async function fetchAmazonOrder(deps: DownloadDeps, orderId: string): Promise<CanonicalOrder | null> {
  const piiToken = await deps.restricted.token();
  let raw: unknown;
  try {
    const reply = await deps.client.call('getOrders', 'GET', '/orders/v0/orders', getOrdersReplySchema, {
      what: `order ${orderId}`,
      query: new URLSearchParams({ MarketplaceIds: deps.settings.marketplaceIds.join(','), AmazonOrderIds: orderId.trim() }),
      ...(piiToken ? { restrictedToken: piiToken } : {}),
    });
    raw = reply.payload.Orders[0];
  } catch (err) {
    if (err instanceof DockhandError && err.kind === 'data') return null;
    throw err;
  }
  if (raw === undefined) return null;
  const header = readAmazonOrder(raw);
  if (!header.ok) throw new DockhandError('data', `Order ${orderId} could not be read: ${header.reason}`);
  const order: AmazonOrder = header.order;
  const mapped = mapAmazonOrder(order, isFulfilledByAmazon(order) ? [] : await fetchOrderItems(deps.client, orderId), {
    settings: deps.settings,
    restrictedData: piiToken !== null,
  });
  if (!mapped.ok) throw new DockhandError('data', `Order ${orderId} could not be read: ${mapped.reason}`);
  if (isFulfilledByAmazon(order)) mapped.order.skipReason = AFN_SKIP_REASON;
  return mapped.order;
}
