import { DockhandError } from '../../../shared/errors.js';
import type { CanonicalOrder } from '../../../shared/domain.js';
import { raiseAlert } from '../store/repositories/alerts-repo.js';
import { getCart, setCartCursor, type CartRow } from '../store/repositories/carts-repo.js';
import {
  findOrderState,
  findOrderStates,
  flagChangedAfterDelivery,
  getOrderPayload,
  insertOrder,
  setStatus,
  updateOrderPayload,
  type OrderState,
} from '../store/repositories/orders-repo.js';
import { seeShipCode, UNMAPPED_REASON_PREFIX } from '../store/repositories/ship-methods-repo.js';
import type { SqlRunner } from '../store/sql.js';
import { throwIfAborted, type RunContext } from './run-context.js';

/**
 * Order Download (per cart connection): pages of orders from the cart, each page saved together with
 * the sync position it reaches, so a crash repeats at most one page and re-downloads never duplicate
 * (orders are upserted by cart + cart order id).
 */
export async function downloadOrders(rc: RunContext, cartId: number): Promise<void> {
  const cart = await rc.store.read((db) => getCart(db, cartId));
  if (!cart) throw new DockhandError('not_found', `Cart connection ${cartId} does not exist`);
  const { connector } = rc.connectors.cart(cart, {
    signal: rc.signal,
    onThrottle: (ms) => (rc.report.throttleWaitMs += ms),
  });

  // Each page is applied at once (store.write runs its statements synchronously) but its durability is
  // awaited only after the next page was requested, so the fsync overlaps the round trip to the cart.
  // At most one page is in flight: its commit is awaited before the next page is applied, and before
  // the run ends, so a failed commit still fails the run and nothing is acknowledged early.
  let inFlight: Promise<void> | undefined;
  try {
    for await (const page of connector.fetchOrders({ cursor: cart.syncCursor, earliestOrderDate: cart.earliestOrderDate })) {
      throwIfAborted(rc.signal);
      if (inFlight) await inFlight;
      inFlight = undefined;
      const now = rc.nowIso();
      const committed = rc.store.write((db) => {
        const lookup = pageLookup(db, cart, page.orders, now);
        for (const order of page.orders) applyDownloadedOrder(db, rc, cart, order, now, lookup);
        for (const bad of page.invalid) {
          rc.report.add('invalid');
          rc.report.error(bad.reason, bad.orderNumber ?? bad.cartOrderId ?? 'order');
        }
        setCartCursor(db, cart.id, page.cursor);
      });
      inFlight = committed.then(() => {
        rc.report.add('pages');
        rc.progress(rc.report.counts.downloaded ?? 0);
      });
      inFlight.catch(() => {}); // awaited below; not an unhandled rejection while the next page loads
    }
  } finally {
    // Whether the pages ended or the cart failed mid-way, the last applied page is made durable.
    if (inFlight) await inFlight;
  }
}

/**
 * What one write transaction (a page) looks up, fetched once for the page rather than per order: the
 * orders we already hold among the page's, and the ship-code mappings seen so far. Valid only inside
 * that transaction.
 */
export interface PageLookup {
  existing(cartOrderId: string): OrderState | undefined;
  /** Call after an order of the page was inserted or changed: later look-ups of it go to the store. */
  touched(cartOrderId: string): void;
  shipCode(cartCode: string): string | null;
}

export function pageLookup(db: SqlRunner, cart: CartRow, orders: readonly CanonicalOrder[], now: string): PageLookup {
  const held = findOrderStates(db, cart.id, [...new Set(orders.map((o) => o.cartOrderId))]);
  // A page may name an order twice: once touched, its state comes fresh from the store.
  const touched = new Set<string>();
  const shipCodes = new Map<string, string | null>();
  return {
    existing: (id) => (touched.has(id) ? findOrderState(db, cart.id, id) : held.get(id)),
    touched: (id) => void touched.add(id),
    shipCode(cartCode) {
      if (shipCodes.has(cartCode)) return shipCodes.get(cartCode) ?? null;
      const mapped = seeShipCode(db, cart.id, cartCode, now);
      shipCodes.set(cartCode, mapped);
      return mapped;
    },
  };
}

/** Decide what one downloaded order means for the order we hold (if any). */
export function applyDownloadedOrder(
  db: SqlRunner,
  rc: RunContext,
  cart: CartRow,
  order: CanonicalOrder,
  now: string,
  lookup: PageLookup = pageLookup(db, cart, [order], now),
): void {
  rc.report.add('downloaded');
  const existing = lookup.existing(order.cartOrderId);
  if (existing && order.updatedAt > existing.cartUpdatedAt) lookup.touched(order.cartOrderId);
  if (!existing) {
    lookup.touched(order.cartOrderId);
    insertNew(db, rc, cart, order, now, lookup);
    return;
  }
  // The overlap window re-reads orders we already hold: only a newer version of the order counts.
  if (order.updatedAt <= existing.cartUpdatedAt) {
    rc.report.add('unchanged');
    return;
  }
  applyUpdate(db, rc, cart, existing, order, now, lookup);
}

function insertNew(db: SqlRunner, rc: RunContext, cart: CartRow, order: CanonicalOrder, now: string, lookup: PageLookup): void {
  if (order.cartState.canceled) {
    insertOrder(db, { cartId: cart.id, merchantId: cart.merchantId, order, status: 'canceled', reason: 'Canceled in the cart before download', mappedShipCode: null }, now);
    rc.report.add('canceled');
    return;
  }
  if (order.skipReason) {
    insertOrder(db, { cartId: cart.id, merchantId: cart.merchantId, order, status: 'skipped', reason: order.skipReason, mappedShipCode: null }, now);
    rc.report.add('skipped');
    return;
  }
  const mapping = resolveShipCode(lookup, cart, order.shipCode);
  insertOrder(
    db,
    {
      cartId: cart.id,
      merchantId: cart.merchantId,
      order,
      status: mapping.held ? 'error' : 'new',
      reason: mapping.held ? `${UNMAPPED_REASON_PREFIX}${order.shipCode || '(none)'}` : null,
      mappedShipCode: mapping.code,
    },
    now,
  );
  if (mapping.held) {
    rc.report.add('held');
    raiseAlert(
      db,
      {
        key: `unmapped:${cart.id}:${order.shipCode}`,
        severity: 'warning',
        targetType: 'cart',
        targetId: cart.id,
        message: `${cart.name}: ship code "${order.shipCode || '(none)'}" is not mapped to a WMS ship method; orders with it are held`,
      },
      now,
    );
  } else {
    rc.report.add('new');
  }
}

function applyUpdate(
  db: SqlRunner,
  rc: RunContext,
  cart: CartRow,
  existing: OrderState,
  order: CanonicalOrder,
  now: string,
  lookup: PageLookup,
): void {
  const beforeWms = existing.status === 'new' || existing.status === 'error' || existing.status === 'on_hold' || existing.status === 'skipped';
  if (order.cartState.canceled) {
    if (existing.status === 'canceled') {
      updateOrderPayload(db, existing.id, order, null, now);
      return;
    }
    if (beforeWms) {
      // Still with us (a pending batch drops it before it is sent).
      updateOrderPayload(db, existing.id, order, null, now);
      setStatus(db, existing.id, existing.status, 'canceled', 'Canceled in the cart before delivery', now);
      rc.report.add('canceled');
      return;
    }
    // Already with the warehouse: a person must stop it there.
    flagChangedAfterDelivery(db, existing.id, order.updatedAt, now);
    if (existing.status === 'at_wms') {
      setStatus(db, existing.id, 'at_wms', 'cancel_sending', 'Canceled in the cart after delivery: stop it in the warehouse', now);
    }
    raiseAlert(
      db,
      {
        key: `canceled-after-delivery:${existing.id}`,
        severity: 'error',
        targetType: 'order',
        targetId: existing.id,
        message: `Order ${order.orderNumber} (${cart.name}) was canceled in the cart after it reached the WMS: stop it in the warehouse`,
      },
      now,
    );
    rc.report.add('canceledAfterDelivery');
    return;
  }
  if (beforeWms) {
    const mapping = resolveShipCode(lookup, cart, order.shipCode);
    updateOrderPayload(db, existing.id, order, mapping.code, now);
    if (existing.status === 'skipped' && !order.skipReason) {
      // Filters now accept it (e.g. payment captured): it joins the flow, visibly.
      setStatus(db, existing.id, 'skipped', mapping.held ? 'error' : 'new', mapping.held ? `${UNMAPPED_REASON_PREFIX}${order.shipCode}` : 'Now passes the download filters', now);
      rc.report.add('unskipped');
    } else if (existing.status === 'new' && order.skipReason) {
      setStatus(db, existing.id, 'new', 'skipped', order.skipReason, now);
      rc.report.add('skipped');
    } else {
      rc.report.add('updated');
    }
    return;
  }
  // Past the WMS. Our own writes (a fulfillment we uploaded) move the cart's updatedAt and its
  // fulfillment status too: those must not echo back as a change; only the order's content counts.
  const held = getOrderPayload(db, existing.id);
  if (held && contentOf(held) === contentOf(order)) {
    db.run('UPDATE orders SET cart_updated_at = ? WHERE id = ?', [order.updatedAt, existing.id]);
    rc.report.add('unchanged');
    return;
  }
  flagChangedAfterDelivery(db, existing.id, order.updatedAt, now);
  rc.report.add('changedAfterDelivery');
}

/** What the warehouse acts on: the order without the cart's timestamps and statuses. */
function contentOf(order: CanonicalOrder): string {
  const { updatedAt: _updatedAt, cartState: _cartState, skipReason: _skipReason, ...content } = order;
  return JSON.stringify(content);
}

function resolveShipCode(lookup: PageLookup, cart: CartRow, shipCode: string): { code: string | null; held: boolean } {
  const mapped = lookup.shipCode(shipCode);
  if (mapped) return { code: mapped, held: false };
  if (cart.rejectUnmapped) return { code: null, held: true };
  return { code: shipCode, held: false };
}
