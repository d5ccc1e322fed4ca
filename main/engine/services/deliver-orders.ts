import { DockhandError, isDockhandError } from '../../../shared/errors.js';
import type { OrderForDelivery } from '../connectors/wms/wms-connector.js';
import { raiseAlert } from '../store/repositories/alerts-repo.js';
import {
  addOrdersToBatch,
  createBatch,
  detachFromBatch,
  markBatchDelivered,
  nextBatchId,
  pendingBatch,
  recordBatchFailure,
  recordSendStarted,
} from '../store/repositories/batches-repo.js';
import { listCarts } from '../store/repositories/carts-repo.js';
import { getMerchant } from '../store/repositories/merchants-repo.js';
import {
  addHistory,
  batchOrderStates,
  getOrderState,
  markDeliveredIfNew,
  newOrderIds,
  ordersForDelivery,
  setStatus,
} from '../store/repositories/orders-repo.js';
import { throwIfAborted, type RunContext } from './run-context.js';

/** Upper bound of orders in one file; more wait for the next run (keeps files and memory sane). */
export const MAX_ORDERS_PER_BATCH = 200_000;

/**
 * Orders read from the store (and parsed) at a time while the file is built: a 100k batch never has
 * all its payloads in memory at once, only the file's bytes and this many parsed orders.
 */
export const DELIVERY_READ_CHUNK = 5_000;

/**
 * Orders changed per write transaction when a batch is created or recorded as delivered: SQLite keeps
 * a copy of every page a transaction changes until it ends, and sql.js's memory never shrinks again.
 * A transaction also holds the engine thread (a screen's call waits behind it) and its journal record
 * is fsynced whole: 1,000 orders are ~30 ms of work and a ~220 KB record, where 5,000 made ~1 MB
 * records whose commits were the slowest of a 100k run.
 */
export const DELIVERY_WRITE_CHUNK = 1_000;

/**
 * Order Delivery (per merchant): one file per run. The batch and its orders are recorded before the
 * upload; only after the upload succeeded are the orders marked "at WMS". A failed upload leaves the
 * batch pending, and the next run sends the same batch under the same file name.
 */
export async function deliverOrders(rc: RunContext, merchantId: number): Promise<void> {
  const merchant = await rc.store.read((db) => getMerchant(db, merchantId));
  if (!merchant) throw new DockhandError('not_found', `Merchant ${merchantId} does not exist`);

  const pending = await rc.store.read((db) => pendingBatch(db, merchantId));
  let batchId = pending?.id;
  if (batchId) {
    rc.report.add('resentBatches');
  } else {
    const created = await rc.store.write((db) => {
      const ids = newOrderIds(db, merchantId, MAX_ORDERS_PER_BATCH);
      if (ids.length === 0) return undefined;
      const id = nextBatchId(db, merchant.code, merchantId);
      createBatch(db, id, merchantId, ids.slice(0, DELIVERY_WRITE_CHUNK), rc.nowIso());
      return { id, rest: ids.slice(DELIVERY_WRITE_CHUNK) };
    });
    // The rest joins in further transactions. A crash in between leaves a smaller pending batch, sent
    // as it is; the orders not yet attached are still new and go in the next batch.
    for (let at = 0; created && at < created.rest.length; at += DELIVERY_WRITE_CHUNK) {
      const ids = created.rest.slice(at, at + DELIVERY_WRITE_CHUNK);
      await rc.store.write((db) => addOrdersToBatch(db, created.id, ids));
    }
    batchId = created?.id;
  }
  if (!batchId) {
    rc.report.message = 'No new orders to deliver';
    return;
  }
  const theBatch = batchId;

  const { rows, sourceOf } = await rc.store.read((db) => {
    const carts = new Map(listCarts(db, merchantId).map((c) => [c.id, c.orderSource]));
    return { rows: batchOrderStates(db, theBatch), sourceOf: (cartId: number) => carts.get(cartId) ?? '' };
  });
  // A send that began but never concluded (a crash, a drop or a timeout mid-upload) may have reached the
  // WMS: then the batch goes again whole, under the same name, whatever happened to its orders meanwhile
  // (the WMS may have them already; the final step below tells a person about cancellations). Only when
  // every earlier send surely failed may orders canceled or held meanwhile drop out.
  const maybeSent = pending !== undefined && pending.sendsStarted > pending.attempts;
  const sendable = maybeSent ? rows : rows.filter((r) => r.status === 'new');
  const dropped = maybeSent ? [] : rows.filter((r) => r.status !== 'new');
  if (dropped.length) await rc.store.write((db) => dropped.forEach((r) => detachFromBatch(db, theBatch, r.id)));
  throwIfAborted(rc.signal);
  if (sendable.length === 0) {
    await rc.store.write((db) => markBatchDelivered(db, theBatch, '', rc.nowIso()));
    rc.report.message = 'Every order of the batch was canceled or held before it was ever sent';
    return;
  }

  // The payloads are read chunk by chunk as the connector consumes them; the set of orders was fixed above.
  const sendableIds = sendable.map((r) => r.id);
  async function* orders(): AsyncGenerator<OrderForDelivery> {
    for (let at = 0; at < sendableIds.length; at += DELIVERY_READ_CHUNK) {
      const ids = sendableIds.slice(at, at + DELIVERY_READ_CHUNK);
      const chunk = await rc.store.read((db) => ordersForDelivery(db, ids));
      for (const r of chunk) {
        yield { order: r.data, mappedShipCode: r.mappedShipCode ?? r.shipCode, orderSource: sourceOf(r.cartId) };
      }
    }
  }
  const wms = await rc.connectors.wms(rc.signal);
  let result;
  try {
    const target = await rc.connectors.merchantTarget(merchantId);
    await rc.store.write((db) => recordSendStarted(db, theBatch));
    result = await wms.deliverOrders({ batchId: theBatch, merchant: target, orders: orders() });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const surelyNotSent = isDockhandError(err) && (err.kind === 'auth' || err.kind === 'config');
    await rc.store.write((db) => recordBatchFailure(db, theBatch, message, surelyNotSent));
    throw err;
  } finally {
    await wms.close().catch(() => {});
  }

  const rejected = new Map(result.rejected.map((r) => [r.cartOrderId, r.reason]));
  const fileName = result.fileName;
  // Recorded in chunks, the batch marked delivered with the last one. A crash in between leaves the
  // batch pending with a send that may have reached the WMS: the next run sends it whole again and
  // records it again (orders already at the WMS just get another "Delivered" note).
  const at = rc.nowIso();
  for (let from = 0; from < sendable.length; from += DELIVERY_WRITE_CHUNK) {
    const chunk = sendable.slice(from, from + DELIVERY_WRITE_CHUNK);
    const last = from + DELIVERY_WRITE_CHUNK >= sendable.length;
    await rc.store.write((db) => {
      for (const r of chunk) {
        const reason = rejected.get(r.cartOrderId);
        // The usual case first, in one statement: still new, so now at the WMS.
        if (!reason && markDeliveredIfNew(db, r.id, fileName, at)) continue;
        const current = getOrderState(db, r.id);
        if (!current) continue;
        if (reason) {
          detachFromBatch(db, theBatch, r.id);
          if (current.status === 'new') setStatus(db, r.id, 'new', 'error', reason, at);
          rc.report.add('rejected');
          rc.report.error(reason, r.orderNumber);
        } else if (current.status === 'canceled') {
          // Canceled in the cart while its file was on the way: the warehouse has it now.
          setStatus(db, r.id, 'canceled', 'cancel_sending', `Canceled while being delivered in ${fileName}: stop it in the warehouse`, at);
          raiseAlert(db, { key: `canceled-after-delivery:${r.id}`, severity: 'error', targetType: 'order', targetId: r.id, message: `Order ${r.orderNumber} was canceled while being delivered in ${fileName}: stop it in the warehouse` }, at);
        } else if (current.status !== 'cancel_sending') {
          // It moved on (shipped, held, ...) while its file was on the way: the WMS has it; say so.
          addHistory(db, r.id, current.status, current.status, `Delivered in ${fileName}`, at);
        }
      }
      if (last) markBatchDelivered(db, theBatch, fileName, at);
    });
  }
  rc.report.add('delivered', result.delivered);
  rc.report.message = `Sent ${result.delivered} order(s) in ${fileName}`;
}
