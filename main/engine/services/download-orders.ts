import { keepRunFile } from '../kept-files/keep-run-file.js';
import { DockhandError } from '../../../shared/errors.js';
import type { CanonicalOrder, OrderStatus } from '../../../shared/domain.js';
import { raiseAlert } from '../store/repositories/alerts-repo.js';
import { ORDERS_STREAM, otherStreamPositions } from '../connectors/carts/sync-streams.js';
import { getCart, type CartRow } from '../store/repositories/carts-repo.js';
import {
  addHistory,
  findOrderState,
  findOrderStates,
  flagChangedAfterDelivery,
  getOrderPayload,
  insertOrder,
  setCartUpdatedAt,
  setStatus,
  updateOrderPayload,
  type OrderState,
} from '../store/repositories/orders-repo.js';
import { seeShipCode, UNMAPPED_REASON_PREFIX } from '../store/repositories/ship-methods-repo.js';
import { setSyncPosition } from '../store/repositories/sync-positions-repo.js';
import type { SqlRunner } from '../store/sql.js';
import { nothingToShipReason } from './nothing-to-ship.js';
import { changedAfterDeliveryAlertKey, changesThatMatter, keepDeliveredQuantities } from './order-changes.js';
import { throwIfAborted, type RunContext } from './run-context.js';

/**
 * Past the WMS, the statuses at which nothing of ours was shipped to the cart yet: there, units the cart
 * shows as fulfilled were fulfilled by someone else, and its "still to ship" counts are the truth.
 */
const NOTHING_UPLOADED_YET: readonly OrderStatus[] = ['at_wms', 'cancel_sending'];

/**
 * The statuses at which the warehouse still works on the order (all of it, or the rest of a partial
 * shipment), so a change must reach it: an alert asks a person to tell it (or Resend). Later, the change
 * is only recorded.
 */
const WAREHOUSE_STILL_SHIPPING: readonly OrderStatus[] = ['at_wms', 'partially_shipped'];

/**
 * Order Download (per cart connection): pages of orders from the cart, each page saved together with
 * the sync position it reaches (the cart's 'orders' stream, and any other stream the page moves), so a
 * crash repeats at most one page and re-downloads never duplicate (orders are upserted by cart + cart
 * order id).
 */
export async function downloadOrders(rc: RunContext, cartId: number): Promise<void> {
  const cart = await rc.store.read((db) => getCart(db, cartId));
  if (!cart) throw new DockhandError('not_found', `Cart connection ${cartId} does not exist`);
  const notices: string[] = [];
  const { connector } = rc.connectors.cart(cart, {
    signal: rc.signal,
    onThrottle: (ms) => (rc.report.throttleWaitMs += ms),
    onNotice: (message) => {
      rc.report.notice(message);
      if (!notices.includes(message)) notices.push(message);
    },
  });

  // Each page is applied at once (store.write runs its statements synchronously) but its durability is
  // awaited only after the next page was requested, so the fsync overlaps the round trip to the cart.
  // At most one page is in flight: its commit is awaited before the next page is applied, and before
  // the run ends, so a failed commit still fails the run and nothing is acknowledged early.
  let inFlight: Promise<void> | undefined;
  try {
    for await (const page of connector.fetchOrders({ cursor: cart.syncCursor /* the 'orders' stream */, earliestOrderDate: cart.earliestOrderDate })) {
      throwIfAborted(rc.signal);
      if (inFlight) await inFlight;
      inFlight = undefined;
      const now = rc.nowIso();
      const otherPositions = otherStreamPositions(page.positions ?? {});
      const committed = rc.store.write((db) => {
        const lookup = pageLookup(db, cart, page.orders, now);
        for (const order of page.orders) applyDownloadedOrder(db, rc, cart, order, now, lookup);
        for (const bad of page.invalid) {
          rc.report.add('invalid');
          rc.report.error(bad.reason, bad.orderNumber ?? bad.cartOrderId ?? 'order');
        }
        setSyncPosition(db, cart.id, ORDERS_STREAM, page.cursor, now);
        for (const [stream, position] of otherPositions) setSyncPosition(db, cart.id, stream, position, now);
      });
      inFlight = committed.then(async () => {
        rc.report.add('pages');
        rc.progress(rc.report.counts.downloaded ?? 0);
        // A source file is kept once its orders are saved (keeping never fails the run).
        if (page.file) await keepRunFile(rc, 'received', { ...page.file, merchantId: cart.merchantId, cartId: cart.id, kind: 'order_source', rows: page.orders.length, problems: page.invalid });
      });
      inFlight.catch(() => {}); // awaited below; not an unhandled rejection while the next page loads
    }
  } finally {
    // Whether the pages ended or the cart failed mid-way, the last applied page is made durable.
    if (inFlight) await inFlight;
    // The run's message has the notice already; an alert that cannot be written must not hide why a run failed.
    if (notices.length > 0) await raiseDownloadNotice(rc, cart, notices).catch((err: unknown) => rc.log.log('warn', 'the download notice alert was not saved', { cartId: cart.id, error: String(err) }));
  }
}

/** The alert key of what a download of the cart told the person (one per cart, the latest notice). */
export function downloadNoticeAlertKey(cartId: number): string {
  return `download-notice:cart:${cartId}`;
}

/**
 * A notice of the connector's (a window of orders it could not ask for) stands as a warning alert on the
 * cart until a person dismisses it: later runs do not clear it, since what it says stays true.
 */
function raiseDownloadNotice(rc: RunContext, cart: CartRow, notices: string[]): Promise<void> {
  const message = `${cart.name}: ${notices.join(' ')}`;
  return rc.store.write((db) => {
    raiseAlert(db, { key: downloadNoticeAlertKey(cart.id), severity: 'warning', targetType: 'cart', targetId: cart.id, message }, rc.nowIso());
  });
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
  // The cart's filters first; then an order with nothing left to ship is kept as Skipped, with why.
  if (!order.skipReason) {
    const nothingToShip = nothingToShipReason(order);
    if (nothingToShip) order = { ...order, skipReason: nothingToShip };
  }
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
  applyUpdate({ db, rc, cart, existing, order, now, lookup });
}

/** A newer version of an order we hold, and what applying it needs. */
interface OrderUpdate {
  db: SqlRunner;
  rc: RunContext;
  cart: CartRow;
  existing: OrderState;
  order: CanonicalOrder;
  now: string;
  lookup: PageLookup;
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

function applyUpdate(update: OrderUpdate): void {
  const { db, rc, cart, existing, order, now, lookup } = update;
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
  applyChangeAfterDelivery(update);
}

/**
 * Past the WMS. Our own writes (a fulfillment we uploaded) move the cart's updatedAt, its fulfillment
 * status and what it still has to ship: those must not echo back as a change. A change the warehouse
 * acts on (address, lines, ship method, notes) is kept, recorded in the history in words and, while the
 * warehouse still ships the order, raised as an alert; Resend then sends what the cart now says.
 */
function applyChangeAfterDelivery({ db, rc, cart, existing, order, now, lookup }: OrderUpdate): void {
  const held = getOrderPayload(db, existing.id);
  const cartIsTruth = NOTHING_UPLOADED_YET.includes(existing.status);
  const changes = held ? changesThatMatter(held, order, { countCartFulfilments: cartIsTruth }) : ['the order could not be compared'];
  if (changes.length === 0) {
    setCartUpdatedAt(db, existing.id, order.updatedAt);
    rc.report.add('unchanged');
    return;
  }
  const kept = held && !cartIsTruth ? keepDeliveredQuantities(held, order) : order;
  const mapping = resolveShipCode(lookup, cart, order.shipCode);
  if (mapping.held && order.shipCode !== existing.shipCode) changes.push(`the new ship code "${order.shipCode || '(none)'}" is not mapped to a WMS ship method: map it before sending the order again`);
  const { skipReason: _skipReason, ...withoutSkip } = kept;
  updateOrderPayload(db, existing.id, withoutSkip, mapping.code, now);
  flagChangedAfterDelivery(db, existing.id, order.updatedAt, now);
  const what = changes.join('; ');
  addHistory(db, existing.id, existing.status, existing.status, `Changed in the cart after delivery: ${what}`, now);
  if (WAREHOUSE_STILL_SHIPPING.includes(existing.status)) {
    raiseAlert(
      db,
      {
        key: changedAfterDeliveryAlertKey(existing.id),
        severity: 'warning',
        targetType: 'order',
        targetId: existing.id,
        // A partially shipped order cannot be resent (the warehouse would ship its shipped lines again).
        message:
          existing.status === 'at_wms'
            ? `Order ${order.orderNumber} (${cart.name}) changed in the cart after it reached the WMS (${what}): tell the warehouse, or Resend to WMS to send what the cart now says`
            : `Order ${order.orderNumber} (${cart.name}) changed in the cart while the warehouse is shipping the rest of it (${what}): tell the warehouse`,
      },
      now,
    );
  }
  rc.report.add('changedAfterDelivery');
}

function resolveShipCode(lookup: PageLookup, cart: CartRow, shipCode: string): { code: string | null; held: boolean } {
  const mapped = lookup.shipCode(shipCode);
  if (mapped) return { code: mapped, held: false };
  if (cart.rejectUnmapped) return { code: null, held: true };
  return { code: shipCode, held: false };
}
