import type { SqlReader } from '../../main/engine/store/index.js';
import type { FakeShopState } from '../fakes/shopify/index.js';
import { shipmentKey, type AckLedger, type AckView } from './ack-ledger.js';
import type { Warehouse } from './warehouse.js';

/**
 * The crash test's verdict: what must hold after any number of SIGKILLs once the loop ran to the end.
 * Each check returns readable violations ("order #1042 reached the warehouse 2 times: ..."); none
 * means it held. Deliveries are judged by content (what the warehouse imported), not by file names.
 */

export interface FinalDatabase {
  orders: { id: number; cartOrderId: string; orderNumber: string; status: string; batchId: string | null }[];
  shipments: {
    orderNumber: string;
    cartOrderId: string;
    trackingNumber: string;
    status: string;
    items: { sku: string; quantity: number }[];
    remoteId: string | null;
  }[];
  batches: { id: string; status: string; fileName: string | null }[];
  storeAlerts: string[];
  /** Orders without their search row, plus search rows without their order: the two are written together. */
  searchRowsOutOfStep: number;
  integrity: string;
}

export function readFinalDatabase(db: SqlReader, cartId: number, integrity: string): FinalDatabase {
  return {
    orders: db
      .all<{ id: number; cart_order_id: string; order_number: string; status: string; batch_id: string | null }>(
        'SELECT id, cart_order_id, order_number, status, batch_id FROM orders WHERE cart_id = ? ORDER BY id',
        [cartId],
      )
      .map((o) => ({ id: o.id, cartOrderId: o.cart_order_id, orderNumber: o.order_number, status: o.status, batchId: o.batch_id })),
    shipments: db
      .all<{ order_number: string; cart_order_id: string; tracking_number: string; status: string; items_json: string; remote_id: string | null }>(
        `SELECT o.order_number, o.cart_order_id, s.tracking_number, s.status, s.items_json, s.remote_id
         FROM shipments s JOIN orders o ON o.id = s.order_id WHERE s.cart_id = ? ORDER BY s.id`,
        [cartId],
      )
      .map((s) => ({
        orderNumber: s.order_number,
        cartOrderId: s.cart_order_id,
        trackingNumber: s.tracking_number,
        status: s.status,
        items: JSON.parse(s.items_json) as { sku: string; quantity: number }[],
        remoteId: s.remote_id,
      })),
    batches: db
      .all<{ id: string; status: string; file_name: string | null }>('SELECT id, status, file_name FROM batches ORDER BY id')
      .map((b) => ({ id: b.id, status: b.status, fileName: b.file_name })),
    storeAlerts: db
      .all<{ message: string }>(`SELECT message FROM alerts WHERE alert_key LIKE 'store:%'`)
      .map((a) => a.message),
    searchRowsOutOfStep:
      db.get<{ n: number }>(
        `SELECT (SELECT COUNT(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_search s WHERE s.order_id = o.id))
              + (SELECT COUNT(*) FROM order_search s WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = s.order_id)) AS n`,
      )?.n ?? 0,
    integrity,
  };
}

export interface Evidence {
  db: FinalDatabase;
  shop: FakeShopState;
  /** Cart order ids (gids) the loop must take all the way to confirmed; every other shop order is skipped or canceled. */
  mustConfirm: Set<string>;
  warehouse: Warehouse;
  ledger: AckLedger;
  /** Alerts the final open of the store raised (damaged snapshot, lost journal tail). */
  openAlerts: string[];
  /** Violations found while the loop ran (acknowledged state missing right after a restart, API errors). */
  duringRun: string[];
}

/**
 * Statuses an order has before it ever reached the warehouse; every other status (at WMS, shipped,
 * partially shipped, confirmed, cancel sending, ...) means it did.
 */
const NEVER_DELIVERED = new Set(['new', 'error', 'on_hold', 'canceled', 'skipped']);

/** 1. Every shop order is in the database exactly once, in the status the loop must end it in. */
export function checkOrdersOnce(e: Evidence): string[] {
  const out: string[] = [];
  const byId = new Map<string, FinalDatabase['orders']>();
  for (const o of e.db.orders) byId.set(o.cartOrderId, [...(byId.get(o.cartOrderId) ?? []), o]);
  for (const [id, rows] of byId) if (rows.length > 1) out.push(`order ${id} is in the database ${rows.length} times`);
  const shopIds = new Set<string>();
  for (let i = 0; i < e.shop.orderCount; i++) {
    const order = e.shop.orderAt(i);
    shopIds.add(order.id);
    const rows = byId.get(order.id);
    if (!rows) {
      out.push(`shop order ${order.name} (${order.id}) is not in the database`);
      continue;
    }
    const status = rows[0].status;
    if (e.mustConfirm.has(order.id)) {
      if (status !== 'confirmed') out.push(`order ${order.name} ended ${status}, expected confirmed`);
    } else if (status !== 'skipped' && status !== 'canceled') {
      out.push(`order ${order.name} is outside the filters but ended ${status}`);
    }
  }
  for (const id of byId.keys()) if (!shopIds.has(id)) out.push(`order ${id} is in the database but not in the shop`);
  return out;
}

/**
 * 2. Each order reached the warehouse exactly once, counted by content over every file it imported
 * (and deleted); the warehouse and the database agree on which orders it has, and in which batch.
 */
export function checkDeliveredOnce(e: Evidence): string[] {
  const out: string[] = [];
  const deliveries = e.warehouse.deliveries;
  for (const [n, files] of deliveries) {
    if (files.length > 1) out.push(`order ${n} reached the warehouse ${files.length} times: ${files.join(', ')}`);
  }
  const byNumber = new Map(e.db.orders.map((o) => [o.orderNumber, o]));
  const batchFile = new Map(e.db.batches.map((b) => [b.id, b.fileName]));
  for (const o of e.db.orders) {
    const files = deliveries.get(o.orderNumber) ?? [];
    if (NEVER_DELIVERED.has(o.status)) continue;
    if (files.length === 0) {
      out.push(`order ${o.orderNumber} is ${o.status} but never reached the warehouse`);
    } else if (o.batchId === null) {
      out.push(`order ${o.orderNumber} reached the warehouse in ${files[0]} but is ${o.status} with no batch recorded`);
    } else if (batchFile.get(o.batchId) !== files[0]) {
      out.push(`order ${o.orderNumber} records batch ${o.batchId} (file ${batchFile.get(o.batchId)}) but reached the warehouse in ${files[0]}`);
    }
  }
  for (const [n, files] of deliveries) {
    const o = byNumber.get(n);
    if (!o) out.push(`order ${n} in ${files.join(', ')} is not in the database`);
    else if (NEVER_DELIVERED.has(o.status)) out.push(`order ${n} reached the warehouse in ${files.join(', ')} but is ${o.status}`);
  }
  const waiting = e.warehouse.waitingOrderFiles();
  if (waiting.length > 0) out.push(`order files never imported: ${waiting.join(', ')}`);
  for (const b of e.db.batches) if (b.status !== 'delivered') out.push(`batch ${b.id} ended ${b.status}`);
  out.push(...e.warehouse.problems);
  return out;
}

/** 3. Every confirmation row became exactly one shipment; every confirmation file was consumed and archived. */
export function checkShipments(e: Evidence): string[] {
  const out: string[] = [];
  const key = (orderNumber: string, tracking: string) => `${orderNumber}\u0000${tracking}`;
  const dbShipments = new Map<string, FinalDatabase['shipments']>();
  for (const s of e.db.shipments) {
    const k = key(s.orderNumber, s.trackingNumber);
    dbShipments.set(k, [...(dbShipments.get(k) ?? []), s]);
  }
  const expected = new Map<string, Map<string, number>>();
  for (const file of e.warehouse.confirmationFiles) {
    for (const r of file.rows) {
      const k = key(r.orderNumber, r.trackingNumber);
      const skus = expected.get(k) ?? new Map<string, number>();
      skus.set(r.sku, (skus.get(r.sku) ?? 0) + r.quantity);
      expected.set(k, skus);
    }
  }
  for (const [k, skus] of expected) {
    const [orderNumber, tracking] = k.split('\u0000');
    const found = dbShipments.get(k) ?? [];
    if (found.length !== 1) {
      out.push(`shipment ${tracking} of order ${orderNumber} is in the database ${found.length} times`);
      continue;
    }
    const got = new Map<string, number>();
    for (const item of found[0].items) got.set(item.sku, (got.get(item.sku) ?? 0) + item.quantity);
    const want = [...skus].sort().join(',');
    const have = [...got].sort().join(',');
    if (want !== have) out.push(`shipment ${tracking} of order ${orderNumber} holds ${have}, the warehouse shipped ${want}`);
  }
  for (const [k, rows] of dbShipments) {
    if (!expected.has(k)) out.push(`shipment ${rows[0].trackingNumber} of order ${rows[0].orderNumber} was never shipped by the warehouse`);
  }
  const inbox = e.warehouse.inboxFiles();
  if (inbox.length > 0) out.push(`confirmation files never picked up: ${inbox.join(', ')}`);
  const errored = e.warehouse.filesIn('error');
  if (errored.length > 0) out.push(`confirmation files moved to the error folder: ${errored.join(', ')}`);
  const archived = new Set(e.warehouse.filesIn('archive'));
  for (const f of e.warehouse.confirmationFiles) {
    if (!archived.has(f.name) && !inbox.includes(f.name)) out.push(`confirmation file ${f.name} vanished (neither archived nor in the inbox)`);
  }
  return out;
}

/** 4. The shop got exactly one fulfillment per (order, tracking number), and every uploaded shipment has its own. */
export function checkFulfillments(e: Evidence): string[] {
  const out: string[] = [];
  const dbByOrder = new Map<string, FinalDatabase['shipments']>();
  for (const s of e.db.shipments) dbByOrder.set(s.cartOrderId, [...(dbByOrder.get(s.cartOrderId) ?? []), s]);
  for (let i = 0; i < e.shop.orderCount; i++) {
    const order = e.shop.orderAt(i);
    const byTracking = new Map<string, string[]>();
    for (const f of order.fulfillments) {
      if (f.status !== 'SUCCESS') continue;
      for (const t of f.trackingInfo) if (t.number) byTracking.set(t.number, [...(byTracking.get(t.number) ?? []), f.id]);
    }
    for (const [tracking, ids] of byTracking) {
      if (ids.length > 1) out.push(`order ${order.name} got ${ids.length} fulfillments for tracking ${tracking}: ${ids.join(', ')}`);
    }
    const ours = dbByOrder.get(order.id) ?? [];
    for (const s of ours) {
      const ids = byTracking.get(s.trackingNumber) ?? [];
      if (s.status === 'uploaded' && ids.length === 0) out.push(`shipment ${s.trackingNumber} of ${order.name} is marked uploaded but the shop has no fulfillment for it`);
      if (s.status === 'uploaded' && ids.length > 0 && s.remoteId !== null && !ids.includes(s.remoteId)) {
        out.push(`shipment ${s.trackingNumber} of ${order.name} records fulfillment ${s.remoteId}, the shop has ${ids.join(', ')}`);
      }
      if (s.status !== 'uploaded') out.push(`shipment ${s.trackingNumber} of ${order.name} ended ${s.status}`);
    }
    for (const tracking of byTracking.keys()) {
      if (!ours.some((s) => s.trackingNumber === tracking)) out.push(`the shop has a fulfillment ${tracking} for ${order.name} that the database does not know`);
    }
  }
  return out;
}

/** 5. Nothing the host acknowledged was lost or went back, at any restart or at the end; the store is sound. */
export function checkAcknowledgedAndStore(e: Evidence): string[] {
  const out: string[] = [...e.duringRun];
  out.push(...e.ledger.lostIn(finalView(e.db), 'at the end'));
  if (e.db.integrity !== 'ok') out.push(`PRAGMA integrity_check: ${e.db.integrity}`);
  if (e.db.searchRowsOutOfStep > 0) out.push(`${e.db.searchRowsOutOfStep} orders and search rows out of step (one was written without the other)`);
  for (const a of e.db.storeAlerts) out.push(`store alert raised during the run: ${a}`);
  for (const a of e.openAlerts) out.push(`store alert on the final open: ${a}`);
  return out;
}

/** The final database as the ledger reads a host's answers: every order detailed. */
function finalView(db: FinalDatabase): AckView {
  return {
    orders: new Map(db.orders.map((o) => [o.orderNumber, o.status])),
    detailed: new Set(db.orders.map((o) => o.orderNumber)),
    batchOf: new Map(db.orders.map((o) => [o.orderNumber, o.batchId])),
    shipments: new Map(db.shipments.map((s) => [shipmentKey(s.orderNumber, s.trackingNumber), s.status])),
  };
}

export function checkAll(e: Evidence): { name: string; violations: string[] }[] {
  return [
    { name: 'every shop order in the database exactly once', violations: checkOrdersOnce(e) },
    { name: 'every order delivered to the warehouse exactly once (by content)', violations: checkDeliveredOnce(e) },
    { name: 'every confirmation row a shipment, once', violations: checkShipments(e) },
    { name: 'one fulfillment per order and tracking number', violations: checkFulfillments(e) },
    { name: 'nothing acknowledged lost; store sound', violations: checkAcknowledgedAndStore(e) },
  ];
}
