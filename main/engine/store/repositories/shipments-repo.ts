import type { ShippedItem } from '../../../../shared/line-shipping.js';
import type { SqlReader, SqlRunner, SqlValue } from '../sql.js';
import { numberedRows, runInRowBatches, statementsBySize } from './row-batches.js';
import { parseJson } from './json-column.js';

/**
 * Where a shipment stands with the cart: waiting to go, taken by the cart but processed later
 * ('submitted': checked on later runs), accepted ('uploaded'), or refused ('error'). 'kept': on the order
 * only, not sent: a package with no lines of its own (a format of one row per package whose order's
 * lines all went out under an earlier package), which adds its tracking number to the order; a cart
 * shipment needs lines. Where the cart can add a tracking number to a shipment it holds (addTracking),
 * a kept package goes there once its order's shipments with lines are uploaded, and is then 'uploaded'
 * (its remote id: the shipment it joined); a refusal leaves it 'kept' with the cart's reason in `error`.
 */
export type ShipmentStatus = 'pending' | 'submitted' | 'uploaded' | 'error' | 'kept';

export interface ShipmentRow {
  id: number;
  orderId: number;
  cartId: number;
  trackingNumber: string;
  carrier: string;
  service: string | null;
  trackingUrl: string | null;
  shipDate: string;
  items: ShippedItem[];
  status: ShipmentStatus;
  error: string | null;
  attempts: number;
}

/** A row of the shipments table as stored. */
export interface ShipmentRecord {
  id: number;
  order_id: number;
  cart_id: number;
  tracking_number: string;
  carrier: string;
  service: string | null;
  tracking_url: string | null;
  ship_date: string;
  items_json: string;
  status: ShipmentStatus;
  error: string | null;
  attempts: number;
  remote_id: string | null;
  uploaded_at: string | null;
  submitted_at: string | null;
  created_at: string;
}

const toRow = (r: ShipmentRecord): ShipmentRow => ({
  id: r.id,
  orderId: r.order_id,
  cartId: r.cart_id,
  trackingNumber: r.tracking_number,
  carrier: r.carrier,
  service: r.service,
  trackingUrl: r.tracking_url,
  shipDate: r.ship_date,
  items: parseJson(r.items_json, []),
  status: r.status,
  error: r.error,
  attempts: r.attempts,
});

/**
 * A shipment to save: what a confirmation file (or a cart) says was shipped. `packageKey`: '' for a
 * shipment with a tracking number; what tells apart shipments without one (migration 018). `status`:
 * 'kept' for a package whose tracking number is only kept on the order (never sent).
 */
export type NewShipment = Omit<ShipmentRow, 'id' | 'status' | 'error' | 'attempts'> & {
  cost?: string;
  weight?: string;
  sourceFile: string;
  packageKey?: string;
  status?: 'pending' | 'kept';
};

/** Parameters of one shipment's row (the time it was saved is the statement's ?1: see numberedRows). */
const SHIPMENT_PARAMS = 13;

const INSERT_SHIPMENTS = statementsBySize(
  (n) => `INSERT INTO shipments (order_id, cart_id, tracking_number, carrier, service, tracking_url, ship_date, items_json,
       cost, weight, source_file, package_key, status, created_at)
     VALUES ${numberedRows(n, 1, SHIPMENT_PARAMS, ', ', (p) => `(${Array.from({ length: SHIPMENT_PARAMS }, (_, k) => p(k)).join(', ')}, ?1)`)}
     ON CONFLICT (order_id, tracking_number, package_key) DO NOTHING`,
);

/**
 * A batch's parameters: the time, then each shipment's SHIPMENT_PARAMS values, written into one array
 * (a confirmation file's 50,000 shipments made an array per shipment and a copy of them all).
 */
function shipmentParams(batch: readonly NewShipment[], now: string): SqlValue[] {
  const out = new Array<SqlValue>(1 + batch.length * SHIPMENT_PARAMS);
  out[0] = now;
  let k = 1;
  for (const s of batch) {
    out[k++] = s.orderId;
    out[k++] = s.cartId;
    out[k++] = s.trackingNumber;
    out[k++] = s.carrier;
    out[k++] = s.service;
    out[k++] = s.trackingUrl;
    out[k++] = s.shipDate;
    out[k++] = JSON.stringify(s.items);
    out[k++] = s.cost ?? null;
    out[k++] = s.weight ?? null;
    out[k++] = s.sourceFile;
    out[k++] = s.packageKey ?? '';
    out[k++] = s.status ?? 'pending';
  }
  return out;
}

/** Insert unless (order, tracking number, package key) exists: re-reading a file after a crash adds nothing twice. */
export function insertShipmentOnce(db: SqlRunner, s: NewShipment, now: string): boolean {
  return insertShipmentsOnce(db, [s], now) > 0;
}

/**
 * insertShipmentOnce for many shipments (a chunk of a confirmation file), several per statement, in
 * their order: how many were new.
 */
export function insertShipmentsOnce(db: SqlRunner, shipments: readonly NewShipment[], now: string): number {
  return runInRowBatches(db, shipments, INSERT_SHIPMENTS, (batch) => shipmentParams(batch, now));
}

/** A saved shipment as the next confirmation of its order sees it: tracking number, the file it came from, items. */
export interface SavedShipment {
  trackingNumber: string;
  /** '' for a shipment with a tracking number; see insertShipmentOnce. */
  packageKey: string;
  sourceFile: string | null;
  items: ShippedItem[];
}

/** The saved shipments of several orders, by order id, oldest first (one statement for a chunk of a file). */
export function shipmentsByOrder(db: SqlReader, orderIds: readonly number[]): Map<number, SavedShipment[]> {
  const out = new Map<number, SavedShipment[]>();
  if (orderIds.length === 0) return out;
  // Ids are integers from the store itself: listed inline, clear of the parameter limit.
  const list = [...new Set(orderIds)].map((id) => String(Math.trunc(id))).join(',');
  const rows = db.all<{ order_id: number; tracking_number: string; package_key: string; source_file: string | null; items_json: string }>(
    `SELECT order_id, tracking_number, package_key, source_file, items_json FROM shipments WHERE order_id IN (${list}) ORDER BY id`,
  );
  for (const r of rows) {
    const saved = out.get(r.order_id) ?? [];
    saved.push({ trackingNumber: r.tracking_number, packageKey: r.package_key, sourceFile: r.source_file, items: parseJson<ShippedItem[]>(r.items_json, []) });
    out.set(r.order_id, saved);
  }
  return out;
}

export function shipmentsOfOrder(db: SqlReader, orderId: number): SavedShipment[] {
  return shipmentsByOrder(db, [orderId]).get(orderId) ?? [];
}

/** How the cart knows a shipment's order; null when the order is gone (nothing to upload it for). */
export interface ShipmentOrderRefs {
  cartOrderId: string;
  orderNumber: string;
}

/**
 * The cart's pending shipments after shipment `afterId`, oldest first, each with its order's cart refs,
 * in one query: the upload reads 100k of them at 100k orders, and a lookup per shipment was a tenth of
 * its time. A partially shipped order's shipments wait here while its merchant sends shipments only
 * once the whole order has shipped.
 */
export function pendingShipments(
  db: SqlReader,
  cartId: number,
  limit: number,
  afterId = 0,
  options: { wholeOrdersOnly?: boolean } = {},
): { shipment: ShipmentRow; order: ShipmentOrderRefs | null }[] {
  // wholeOrdersOnly: a cart that takes tracking per order marks the whole order shipped on the first
  // tracking number, so a partially shipped order's shipments wait whatever the merchant chose.
  const waitForWhole = options.wholeOrdersOnly
    ? `AND (o.status IS NULL OR o.status <> 'partially_shipped')`
    : `AND (o.status IS NULL OR o.status <> 'partially_shipped' OR m.partial_shipments IS NULL OR m.partial_shipments <> 'when_complete')`;
  return db
    .all<ShipmentRecord & { ref_cart_order_id: string | null; ref_order_number: string | null }>(
      `SELECT s.*, o.cart_order_id AS ref_cart_order_id, o.order_number AS ref_order_number
       FROM shipments s LEFT JOIN orders o ON o.id = s.order_id LEFT JOIN merchants m ON m.id = o.merchant_id
       WHERE s.cart_id = ? AND s.status = 'pending' AND s.id > ?
         ${waitForWhole}
       ORDER BY s.id LIMIT ?`,
      [cartId, afterId, limit],
    )
    .map(withOrderRefs);
}

/** A kept package ready to join an uploaded shipment of its order at the cart, with that shipment's refs. */
export interface KeptPackageRow {
  shipment: ShipmentRow;
  order: ShipmentOrderRefs;
  /** The tracking number and cart id of its order's latest uploaded shipment with lines. */
  joins: { trackingNumber: string; remoteId: string };
}

/**
 * The cart's kept packages after shipment `afterId`, oldest first, that can join a shipment at the cart:
 * not refused before, and every other shipment of the order that carries lines uploaded (so the shipment
 * it joins exists, and no later one is still to come), at least one of them with the cart's id.
 */
export function keptPackagesToAdd(db: SqlReader, cartId: number, limit: number, afterId = 0): KeptPackageRow[] {
  return db
    .all<ShipmentRecord & { ref_cart_order_id: string; ref_order_number: string; joins_tracking: string; joins_remote_id: string }>(
      `SELECT s.*, o.cart_order_id AS ref_cart_order_id, o.order_number AS ref_order_number,
         j.tracking_number AS joins_tracking, j.remote_id AS joins_remote_id
       FROM shipments s
       JOIN orders o ON o.id = s.order_id
       JOIN shipments j ON j.id = (
         SELECT MAX(l.id) FROM shipments l
         WHERE l.order_id = s.order_id AND l.status = 'uploaded' AND l.items_json <> '[]' AND COALESCE(l.remote_id, '') <> '')
       WHERE s.cart_id = ? AND s.status = 'kept' AND s.error IS NULL AND s.id > ?
         AND NOT EXISTS (SELECT 1 FROM shipments x WHERE x.order_id = s.order_id AND x.status NOT IN ('uploaded', 'kept'))
       ORDER BY s.id LIMIT ?`,
      [cartId, afterId, limit],
    )
    .map((r) => ({
      shipment: toRow(r),
      order: { cartOrderId: r.ref_cart_order_id, orderNumber: r.ref_order_number },
      joins: { trackingNumber: r.joins_tracking, remoteId: r.joins_remote_id },
    }));
}

/** The cart refused to add a kept package's tracking number: it stays kept, with the reason, and is not sent again. */
export function markKeptRefused(db: SqlRunner, id: number, reason: string): void {
  db.run(`UPDATE shipments SET error = ?, attempts = attempts + 1 WHERE id = ? AND status = 'kept'`, [reason, id]);
}

/** A shipment the cart took to process later, with its reference there and when it was submitted. */
export interface SubmittedShipmentRow {
  shipment: ShipmentRow;
  order: ShipmentOrderRefs | null;
  remoteId: string;
  submittedAt: string;
}

/** The cart's submitted shipments after shipment `afterId`, oldest first (checked on later runs). */
export function submittedShipments(db: SqlReader, cartId: number, limit: number, afterId = 0): SubmittedShipmentRow[] {
  return db
    .all<ShipmentRecord & { ref_cart_order_id: string | null; ref_order_number: string | null }>(
      `SELECT s.*, o.cart_order_id AS ref_cart_order_id, o.order_number AS ref_order_number
       FROM shipments s LEFT JOIN orders o ON o.id = s.order_id
       WHERE s.cart_id = ? AND s.status = 'submitted' AND s.id > ?
       ORDER BY s.id LIMIT ?`,
      [cartId, afterId, limit],
    )
    .map((r) => ({ ...withOrderRefs(r), remoteId: r.remote_id ?? '', submittedAt: r.submitted_at ?? r.created_at }));
}

function withOrderRefs(r: ShipmentRecord & { ref_cart_order_id: string | null; ref_order_number: string | null }) {
  return {
    shipment: toRow(r),
    order: r.ref_cart_order_id === null ? null : { cartOrderId: r.ref_cart_order_id, orderNumber: r.ref_order_number ?? '' },
  };
}

/**
 * The cart took the shipment but processes it later: kept as submitted with the cart's reference of
 * the request. A still-processing answer on a later check saves the reference again (it may change)
 * and keeps the first submission time.
 */
export function markShipmentSubmitted(db: SqlRunner, id: number, remoteId: string, now: string): void {
  db.run(
    `UPDATE shipments SET status = 'submitted', remote_id = ?, submitted_at = COALESCE(submitted_at, ?), error = NULL,
       attempts = attempts + 1
     WHERE id = ?`,
    [remoteId, now, id],
  );
}

export function markShipmentUploaded(db: SqlRunner, id: number, remoteId: string, now: string): void {
  db.run(
    `UPDATE shipments SET status = 'uploaded', remote_id = ?, uploaded_at = ?, error = NULL, attempts = attempts + 1
     WHERE id = ?`,
    [remoteId, now, id],
  );
}

export function markShipmentFailed(db: SqlRunner, id: number, error: string, final: boolean): void {
  db.run(`UPDATE shipments SET status = ?, error = ?, attempts = attempts + 1 WHERE id = ?`, [
    final ? 'error' : 'pending',
    error,
    id,
  ]);
}

export function shipmentStatusCounts(db: SqlReader, orderId: number): Record<ShipmentStatus, number> {
  const rows = db.all<{ status: string; n: number }>(
    'SELECT status, COUNT(*) AS n FROM shipments WHERE order_id = ? GROUP BY status',
    [orderId],
  );
  const out = { pending: 0, submitted: 0, uploaded: 0, error: 0, kept: 0 };
  for (const r of rows) (out as Record<string, number>)[r.status] = r.n;
  return out;
}

export function resetShipmentsOfOrder(db: SqlRunner, orderId: number): void {
  db.run(`UPDATE shipments SET status = 'pending', error = NULL WHERE order_id = ? AND status = 'error'`, [orderId]);
}
