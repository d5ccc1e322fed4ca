import type { SqlReader } from '../../main/engine/store/index.js';
import type { FakeShopState } from '../fakes/shopify/index.js';
import type { AckLedger } from './ack-ledger.js';
import { STATUS_RANK } from './crash-protocol.js';
import type { Warehouse } from './warehouse.js';

/**
 * The crash test's verdict: what must hold after any number of SIGKILLs once the loop ran to the end.
 * Each check returns readable violations ("order #1042 is in 2 order files: ..."); none means it held.
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
  /** Order files in the FTP orders folder at the end. */
  finalOrderFiles: string[];
  ledger: AckLedger;
  /** Alerts the final open of the store raised (damaged snapshot, lost journal tail). */
  openAlerts: string[];
}

const AT_WMS_OR_LATER = new Set(['at_wms', 'shipped', 'confirmed', 'cancel_sending']);

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

/** 2. Each order travels in exactly one order file; the files and the database agree on who is at the WMS. */
export function checkOrderFiles(e: Evidence): string[] {
  const out: string[] = [];
  const filesOf = new Map<string, string[]>();
  for (const [file, numbers] of e.warehouse.orderFiles) {
    for (const n of numbers) filesOf.set(n, [...(filesOf.get(n) ?? []), file]);
  }
  for (const [n, files] of filesOf) if (files.length > 1) out.push(`order ${n} is in ${files.length} order files: ${files.join(', ')}`);

  const byNumber = new Map(e.db.orders.map((o) => [o.orderNumber, o]));
  const batchFile = new Map(e.db.batches.map((b) => [b.id, b.fileName]));
  for (const o of e.db.orders) {
    const files = filesOf.get(o.orderNumber) ?? [];
    if (AT_WMS_OR_LATER.has(o.status) && files.length !== 1) {
      out.push(`order ${o.orderNumber} is ${o.status} but was in ${files.length} order files`);
    }
    if (AT_WMS_OR_LATER.has(o.status) && o.batchId === null && files.length === 1) {
      out.push(`order ${o.orderNumber} travelled in ${files[0]} but is ${o.status} with no batch recorded`);
    }
    if (AT_WMS_OR_LATER.has(o.status) && o.batchId !== null && files.length === 1 && batchFile.get(o.batchId) !== files[0]) {
      out.push(`order ${o.orderNumber} records batch ${o.batchId} (file ${batchFile.get(o.batchId)}) but travelled in ${files[0]}`);
    }
  }
  for (const [n, files] of filesOf) {
    const o = byNumber.get(n);
    if (!o) out.push(`order ${n} in ${files.join(', ')} is not in the database`);
    else if (!AT_WMS_OR_LATER.has(o.status)) out.push(`order ${n} was sent in ${files.join(', ')} but is ${o.status}`);
  }
  const delivered = new Set(e.db.batches.filter((b) => b.status === 'delivered').map((b) => b.fileName));
  for (const f of e.finalOrderFiles) {
    if (delivered.has(f)) continue;
    const batch = e.db.batches.find((b) => f === `orders-${b.id}.csv`);
    const orders = [...(e.warehouse.orderFiles.get(f) ?? [])].join(', ');
    out.push(
      `order file ${f} (orders ${orders}) is on the FTP server but no delivered batch records it` +
        (batch ? ` (batch ${batch.id} is ${batch.status} with file "${batch.fileName ?? ''}")` : ''),
    );
  }
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

/** 5. Nothing a child acknowledged was lost or went back; the store is sound and raised no damage alerts. */
export function checkAcknowledgedAndStore(e: Evidence): string[] {
  const out: string[] = [];
  const orders = new Map(e.db.orders.map((o) => [o.cartOrderId, o]));
  for (const [id, acked] of e.ledger.orders) {
    const o = orders.get(id);
    if (!o) {
      out.push(`acknowledged order ${id} (${acked}) is lost`);
      continue;
    }
    const want = STATUS_RANK[acked];
    const have = STATUS_RANK[o.status];
    if (want !== undefined && (have === undefined || have < want)) out.push(`order ${o.orderNumber} was acknowledged ${acked} but ended ${o.status}`);
  }
  const shipments = new Map(e.db.shipments.map((s) => [`${s.cartOrderId}\u0000${s.trackingNumber}`, s]));
  for (const [k, acked] of e.ledger.shipments) {
    const s = shipments.get(k);
    const [orderId, tracking] = k.split('\u0000');
    if (!s) out.push(`acknowledged shipment ${tracking} of ${orderId} is lost`);
    else if (acked === 'uploaded' && s.status !== 'uploaded') out.push(`shipment ${tracking} was acknowledged uploaded but ended ${s.status}`);
  }
  const batches = new Map(e.db.batches.map((b) => [b.id, b]));
  for (const [id, file] of e.ledger.batches) {
    const b = batches.get(id);
    if (!b || b.status !== 'delivered' || b.fileName !== file) out.push(`acknowledged batch ${id} (${file}) ended ${b ? `${b.status} ${b.fileName}` : 'missing'}`);
  }
  out.push(...e.ledger.conflicts);
  if (e.db.integrity !== 'ok') out.push(`PRAGMA integrity_check: ${e.db.integrity}`);
  if (e.db.searchRowsOutOfStep > 0) out.push(`${e.db.searchRowsOutOfStep} orders and search rows out of step (one was written without the other)`);
  for (const a of e.db.storeAlerts) out.push(`store alert raised during the run: ${a}`);
  for (const a of e.openAlerts) out.push(`store alert on the final open: ${a}`);
  return out;
}

export function checkAll(e: Evidence): { name: string; violations: string[] }[] {
  return [
    { name: 'every shop order in the database exactly once', violations: checkOrdersOnce(e) },
    { name: 'every order in exactly one order file', violations: checkOrderFiles(e) },
    { name: 'every confirmation row a shipment, once', violations: checkShipments(e) },
    { name: 'one fulfillment per order and tracking number', violations: checkFulfillments(e) },
    { name: 'nothing acknowledged lost; store sound', violations: checkAcknowledgedAndStore(e) },
  ];
}
