import type { CanonicalOrder } from '../../../../../shared/domain.js';
import { DockhandError } from '../../../../../shared/errors.js';
import type { MagentoSettings } from '../../../../../shared/platforms/magento.js';
import type { CartContext, FetchOrdersOptions, OrderPage } from '../cart-connector.js';
import { IncrementalWindow } from '../kit/incremental-window.js';
import { mapMagentoOrder } from './order-mapper.js';
import { magentoOrderRules, magentoSkipReason } from './order-filters.js';
import { fetchOrderByIncrementId, fetchOrderPage, type OrderPageRequest } from './order-search.js';
import type { MagentoRestClient } from './rest-client.js';
import { magentoTimeToIso } from './values.js';

/**
 * Incremental order download on updated_at through the kit's window (overlap, de-duplication, a
 * position that never moves backwards). Pages are walked by keyset (after the last order of the page
 * in the updated_at, entity_id sort), not by currentPage: an order changed during the walk jumps to the
 * end of the sort, which with offsets would shift an unread order onto a page already read.
 *
 * Every status is downloaded; the settings' statuses only set a skip reason. An order that does not
 * match the documented shape is recorded as invalid (once per version in a run) and its updated_at
 * still moves the position.
 */

/** Orders per request: Magento's REST default maximum is 300; 100 keeps each reply small. */
export const MAGENTO_ORDERS_PAGE_SIZE = 100;

/**
 * Orders remembered inside the overlap window (the kit's default is 200), about 50 bytes each in the
 * saved position. Magento keeps updated_at to the second, and a mass action in the admin (Actions >
 * Hold, an import) gives thousands of orders the same second: the window keeps whole seconds
 * (wholeSeconds), so every order of the high-water second, and of the second that reaches this bound,
 * is remembered however many it holds, and none of them is handed over again by the next run's overlap.
 */
export const MAGENTO_MAX_RECENT = 1000;

interface DownloadDeps {
  client: MagentoRestClient;
  settings: MagentoSettings;
  ctx: CartContext;
  pageSize?: number;
}

export async function* downloadMagentoOrders(deps: DownloadDeps, options: FetchOrdersOptions): AsyncGenerator<OrderPage> {
  const { client, settings, ctx } = deps;
  const pageSize = deps.pageSize ?? MAGENTO_ORDERS_PAGE_SIZE;
  const window = new IncrementalWindow({ saved: options.cursor, earliestOrderDate: options.earliestOrderDate, platformName: 'Magento', maxRecent: MAGENTO_MAX_RECENT, wholeSeconds: true });
  const rules = magentoOrderRules(settings);
  const invalidSeen = new Set<string>();
  let request: OrderPageRequest = {
    updatedFrom: window.since,
    ...(window.createdAtMin ? { createdFrom: window.createdAtMin } : {}),
    page: 1,
    pageSize,
  };
  let handedOver = 0;
  for (;;) {
    if (ctx.signal.aborted) throw ctx.signal.reason ?? new Error('aborted');
    const reply = await fetchOrderPage(client, request);
    // The high-water mark first, from every item (invalid ones included), before anything is left out.
    window.observe(reply.items.map((item) => magentoTimeToIso(isRecord(item) ? item.updated_at : undefined)));

    const page: OrderPage = { orders: [], invalid: [], cursor: '' };
    for (const item of reply.items) {
      const mapped = mapMagentoOrder(item);
      if (!mapped.ok) {
        const key = `${mapped.cartOrderId ?? '?'}@${mapped.updatedAt ?? '?'}`;
        if (invalidSeen.has(key)) continue;
        invalidSeen.add(key);
        const { reason, cartOrderId, orderNumber } = mapped;
        page.invalid.push({ reason, ...(cartOrderId ? { cartOrderId } : {}), ...(orderNumber ? { orderNumber } : {}) });
        continue;
      }
      const order: CanonicalOrder = mapped.order;
      if (window.alreadyHandedOver(order.cartOrderId, order.updatedAt)) continue;
      window.handOver(order.cartOrderId, order.updatedAt);
      const skipReason = magentoSkipReason(order, rules);
      if (skipReason) order.skipReason = skipReason;
      page.orders.push(order);
    }
    page.cursor = window.positionAfterPage();
    handedOver += page.orders.length;
    ctx.progress?.(handedOver);
    yield page;

    if (!reply.hasMore) return;
    const last = lastStamp(reply.items);
    // A page whose items carry no readable id and time cannot be stepped past by keyset: take the next
    // page of the same query instead (rare: a whole page of broken orders).
    request =
      last && (request.after?.entityId !== last.entityId || request.after.updatedAt !== last.updatedAt)
        ? { ...request, after: last, page: 1 }
        : { ...request, page: request.page + 1 };
  }
}

/** The last item of a page that has an entity id and a readable updated_at: where the next page starts. */
function lastStamp(items: unknown[]): { updatedAt: string; entityId: number } | undefined {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (!isRecord(item)) continue;
    const updatedAt = magentoTimeToIso(item.updated_at);
    const entityId = typeof item.entity_id === 'string' && /^\d+$/.test(item.entity_id) ? Number(item.entity_id) : item.entity_id;
    if (updatedAt && typeof entityId === 'number' && Number.isSafeInteger(entityId)) return { updatedAt, entityId };
  }
  return undefined;
}

/** One order by its number ("000000042"), for diagnostics and change checks; its skip reason applied. */
export async function fetchMagentoOrderByNumber(deps: DownloadDeps, orderNumber: string): Promise<CanonicalOrder | null> {
  const raw = await fetchOrderByIncrementId(deps.client, orderNumber);
  if (raw === null) return null;
  const mapped = mapMagentoOrder(raw);
  if (!mapped.ok) throw new DockhandError('data', `Order ${orderNumber} could not be read: ${mapped.reason}`);
  const skipReason = magentoSkipReason(mapped.order, magentoOrderRules(deps.settings));
  if (skipReason) mapped.order.skipReason = skipReason;
  return mapped.order;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
