import type { CanonicalOrder } from '../../../../../shared/domain.js';
import { DockhandError } from '../../../../../shared/errors.js';
import type { ShopifySettings } from '../../../../../shared/schemas/shopify.js';
import type { CartContext, FetchOrdersOptions, OrderPage } from '../cart-connector.js';
import { IncrementalWindow } from '../kit/incremental-window.js';
import type { ShopifyGraphqlClient } from './graphql-client.js';
import { skipReasonFor } from './order-filters.js';
import { mapShopifyOrder } from './order-mapper.js';
import { ORDER_LINE_ITEMS_QUERY, ORDER_NODE_COST, ORDERS_PAGE_SIZE, ORDERS_QUERY } from './queries.js';
import { quoteSearchValue, searchTime } from './search-syntax.js';

/**
 * Incremental order download on updatedAt. Every status is fetched (a cancellation of an order we hold
 * must reach the service); the settings' filters only set skipReason. The cursor of each page is computed
 * from every node of the page before anything is filtered or found invalid, and never moves backwards.
 */

interface DownloadDeps {
  client: ShopifyGraphqlClient;
  settings: ShopifySettings;
  ctx: CartContext;
}

export async function* downloadOrders(deps: DownloadDeps, options: FetchOrdersOptions): AsyncGenerator<OrderPage> {
  const { client, settings, ctx } = deps;
  const incremental = new IncrementalWindow({
    saved: options.cursor,
    earliestOrderDate: options.earliestOrderDate,
    platformName: 'Shopify',
    // updatedAt is kept to the second and a bulk action in the admin saves thousands in one: never split one.
    wholeSeconds: true,
  });
  const terms = [`updated_at:>=${quoteSearchValue(searchTime(incremental.since))}`];
  if (incremental.createdAtMin) terms.push(`created_at:>=${quoteSearchValue(searchTime(incremental.createdAtMin))}`);
  const query = terms.join(' AND ');

  const fetchPage = (after: string | null) => {
    const pending = client.query<unknown>(
      ORDERS_QUERY,
      { first: ORDERS_PAGE_SIZE, after, query },
      { costKey: 'orders', estimatedCost: 2 + ORDERS_PAGE_SIZE * ORDER_NODE_COST },
    );
    pending.catch(() => {}); // awaited below; a consumer that stops early must not leave it unhandled
    return pending;
  };

  let next = fetchPage(null);
  let handedOver = 0;
  for (;;) {
    if (ctx.signal.aborted) throw ctx.signal.reason ?? new Error('aborted');
    const { nodes, pageInfo } = readConnection(client, await next);
    if (pageInfo.hasNextPage) {
      if (!pageInfo.endCursor) throw client.malformed('orders.pageInfo has a next page but no endCursor');
      // Ask for the next page while this one is mapped and saved: one request ahead, never more.
      next = fetchPage(pageInfo.endCursor);
    }

    // The high-water mark first, from every node, before any is filtered out or found invalid.
    incremental.observe(nodes.map((node) => (isRecord(node) ? node.updatedAt : undefined)));

    const page: OrderPage = { orders: [], invalid: [], cursor: '' };
    for (const node of nodes) {
      const complete = await withAllLineItems(client, node);
      const mapped = mapShopifyOrder(complete);
      if (!mapped.ok) {
        page.invalid.push({ cartOrderId: mapped.cartOrderId, orderNumber: mapped.orderNumber, reason: mapped.reason });
        continue;
      }
      const order: CanonicalOrder = mapped.order;
      if (incremental.alreadyHandedOver(order.cartOrderId, order.updatedAt)) continue;
      incremental.handOver(order.cartOrderId, order.updatedAt);
      const skipReason = skipReasonFor(order, mapped.facts, settings.filters);
      if (skipReason) order.skipReason = skipReason;
      page.orders.push(order);
    }

    page.cursor = incremental.positionAfterPage();
    handedOver += page.orders.length;
    ctx.progress?.(handedOver);
    yield page;

    if (!pageInfo.hasNextPage) return;
  }
}

/** One order looked up by its number ("#1001"), for diagnostics and change checks. */
export async function fetchOrderByNumber(deps: DownloadDeps, orderNumber: string): Promise<CanonicalOrder | null> {
  const data = await deps.client.query<unknown>(
    ORDERS_QUERY,
    { first: 1, after: null, query: `name:${quoteSearchValue(orderNumber)}` },
    { costKey: 'order-by-number', estimatedCost: 2 + ORDER_NODE_COST },
  );
  const { nodes } = readConnection(deps.client, data);
  const node = nodes.find((n) => isRecord(n) && n.name === orderNumber);
  if (!node) return null;
  const mapped = mapShopifyOrder(await withAllLineItems(deps.client, node));
  if (!mapped.ok) throw new DockhandError('data', `Order ${orderNumber} could not be read: ${mapped.reason}`);
  const skipReason = skipReasonFor(mapped.order, mapped.facts, deps.settings.filters);
  if (skipReason) mapped.order.skipReason = skipReason;
  return mapped.order;
}

function readConnection(
  client: ShopifyGraphqlClient,
  data: unknown,
): { nodes: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } {
  const orders = isRecord(data) ? data.orders : undefined;
  if (!isRecord(orders) || !Array.isArray(orders.nodes) || !isRecord(orders.pageInfo)) {
    throw client.malformed('orders is missing its nodes or pageInfo');
  }
  const { hasNextPage, endCursor } = orders.pageInfo;
  if (typeof hasNextPage !== 'boolean') throw client.malformed('orders.pageInfo.hasNextPage is not a boolean');
  return { nodes: orders.nodes, pageInfo: { hasNextPage, endCursor: typeof endCursor === 'string' ? endCursor : null } };
}

/** Orders with more than LINE_ITEMS_PER_ORDER lines get the rest fetched before mapping. */
async function withAllLineItems(client: ShopifyGraphqlClient, node: unknown): Promise<unknown> {
  if (!isRecord(node) || !isRecord(node.lineItems) || !isRecord(node.lineItems.pageInfo)) return node;
  if (node.lineItems.pageInfo.hasNextPage !== true || !Array.isArray(node.lineItems.nodes)) return node;
  const lines: unknown[] = [...node.lineItems.nodes];
  let after = node.lineItems.pageInfo.endCursor;
  while (typeof after === 'string') {
    const data = await client.query<unknown>(
      ORDER_LINE_ITEMS_QUERY,
      { id: node.id, after },
      { costKey: 'order-lines', estimatedCost: 3 + 100 * 5 },
    );
    const order = isRecord(data) ? data.order : undefined;
    const connection = isRecord(order) ? order.lineItems : undefined;
    if (!isRecord(connection) || !Array.isArray(connection.nodes) || !isRecord(connection.pageInfo)) {
      throw client.malformed(`order ${String(node.name)} lineItems are missing`);
    }
    lines.push(...connection.nodes);
    after = connection.pageInfo.hasNextPage === true ? connection.pageInfo.endCursor : undefined;
  }
  return { ...node, lineItems: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: lines } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
