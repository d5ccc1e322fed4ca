import type { SqlReader } from '../../main/engine/store/index.js';

/** What the order loop has recorded for one cart and merchant, read in one go from the store. */
export interface LoopState {
  /** cart order id -> status */
  orders: Map<string, string>;
  shipments: { cartOrderId: string; trackingNumber: string; status: string }[];
  /** batch id -> file name */
  deliveredBatches: Map<string, string>;
  /** Work still in flight ("order #1001 at_wms", "batch X pending", ...); empty when the loop is done. */
  unfinished: string[];
  /** Changes whenever anything above changes (for "no progress" detection). */
  signature(): string;
}

const IN_FLIGHT_STATUSES = new Set(['new', 'at_wms', 'shipped']);

export function readLoopState(db: SqlReader, cartId: number, merchantId: number): LoopState {
  const orderRows = db.all<{ cart_order_id: string; order_number: string; status: string }>(
    'SELECT cart_order_id, order_number, status FROM orders WHERE cart_id = ? ORDER BY id',
    [cartId],
  );
  const shipmentRows = db.all<{ cart_order_id: string; tracking_number: string; status: string }>(
    `SELECT o.cart_order_id, s.tracking_number, s.status FROM shipments s JOIN orders o ON o.id = s.order_id
     WHERE s.cart_id = ? ORDER BY s.id`,
    [cartId],
  );
  const batchRows = db.all<{ id: string; status: string; file_name: string | null }>(
    'SELECT id, status, file_name FROM batches WHERE merchant_id = ? ORDER BY id',
    [merchantId],
  );
  const unfinished: string[] = [];
  for (const o of orderRows) if (IN_FLIGHT_STATUSES.has(o.status)) unfinished.push(`order ${o.order_number} ${o.status}`);
  for (const s of shipmentRows) if (s.status === 'pending') unfinished.push(`shipment ${s.tracking_number} pending`);
  for (const b of batchRows) if (b.status === 'pending') unfinished.push(`batch ${b.id} pending`);
  return {
    orders: new Map(orderRows.map((o) => [o.cart_order_id, o.status])),
    shipments: shipmentRows.map((s) => ({ cartOrderId: s.cart_order_id, trackingNumber: s.tracking_number, status: s.status })),
    deliveredBatches: new Map(batchRows.filter((b) => b.status === 'delivered').map((b) => [b.id, b.file_name ?? ''])),
    unfinished,
    signature: () =>
      JSON.stringify([
        orderRows.map((o) => o.status),
        shipmentRows.map((s) => `${s.tracking_number}:${s.status}`),
        batchRows.map((b) => `${b.id}:${b.status}`),
      ]),
  };
}
