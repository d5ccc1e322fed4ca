import { DockhandError, isDockhandError } from '../../../shared/errors.js';
import type { OrderForDelivery } from '../connectors/wms/wms-connector.js';
import { raiseAlert } from '../store/repositories/alerts-repo.js';
import {
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
import { addHistory, getOrderState, newOrderIds, ordersOfBatch, setStatus } from '../store/repositories/orders-repo.js';
import { throwIfAborted, type RunContext } from './run-context.js';

/** Upper bound of orders in one file; more wait for the next run (keeps files and memory sane). */
export const MAX_ORDERS_PER_BATCH = 200_000;

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
    batchId = await rc.store.write((db) => {
      const ids = newOrderIds(db, merchantId, MAX_ORDERS_PER_BATCH);
      if (ids.length === 0) return undefined;
      const id = nextBatchId(db, merchant.code, merchantId);
      createBatch(db, id, merchantId, ids, rc.nowIso());
      return id;
    });
  }
  if (!batchId) {
    rc.report.message = 'No new orders to deliver';
    return;
  }
  const theBatch = batchId;

  const { rows, sourceOf } = await rc.store.read((db) => {
    const carts = new Map(listCarts(db, merchantId).map((c) => [c.id, c.orderSource]));
    return { rows: ordersOfBatch(db, theBatch), sourceOf: (cartId: number) => carts.get(cartId) ?? '' };
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

  const orders: OrderForDelivery[] = sendable.map((r) => ({
    order: r.data,
    mappedShipCode: r.mappedShipCode ?? r.shipCode,
    orderSource: sourceOf(r.cartId),
  }));
  const wms = await rc.connectors.wms(rc.signal);
  let result;
  try {
    const target = await rc.connectors.merchantTarget(merchantId);
    await rc.store.write((db) => recordSendStarted(db, theBatch));
    result = await wms.deliverOrders({ batchId: theBatch, merchant: target, orders });
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
  await rc.store.write((db) => {
    const at = rc.nowIso();
    markBatchDelivered(db, theBatch, fileName, at);
    for (const r of sendable) {
      const reason = rejected.get(r.data.cartOrderId);
      const current = getOrderState(db, r.id);
      if (!current) continue;
      if (reason) {
        detachFromBatch(db, theBatch, r.id);
        if (current.status === 'new') setStatus(db, r.id, 'new', 'error', reason, at);
        rc.report.add('rejected');
        rc.report.error(reason, r.data.orderNumber);
      } else if (current.status === 'new') {
        db.run(
          `UPDATE orders SET status = 'at_wms', status_reason = NULL, at_wms_at = ?, updated_at = ? WHERE id = ?`,
          [at, at, r.id],
        );
        addHistory(db, r.id, 'new', 'at_wms', `Delivered in ${fileName}`, at);
      } else if (current.status === 'canceled') {
        // Canceled in the cart while its file was on the way: the warehouse has it now.
        setStatus(db, r.id, 'canceled', 'cancel_sending', `Canceled while being delivered in ${fileName}: stop it in the warehouse`, at);
        raiseAlert(db, { key: `canceled-after-delivery:${r.id}`, severity: 'error', targetType: 'order', targetId: r.id, message: `Order ${r.data.orderNumber} was canceled while being delivered in ${fileName}: stop it in the warehouse` }, at);
      } else if (current.status !== 'cancel_sending') {
        // It moved on (shipped, held, ...) while its file was on the way: the WMS has it; say so.
        addHistory(db, r.id, current.status, current.status, `Delivered in ${fileName}`, at);
      }
    }
  });
  rc.report.add('delivered', result.delivered);
  rc.report.message = `Sent ${result.delivered} order(s) in ${fileName}`;
}
