import { DockhandError } from '../../../shared/errors.js';
import type { DeliveryRejection, FileBytes, OrderForDelivery, WmsConnector, WmsMerchantTarget } from '../connectors/wms/wms-connector.js';
import { keepRunFile } from '../kept-files/keep-run-file.js';
import { clearAlert, raiseAlert } from '../store/repositories/alerts-repo.js';
import {
  addOrdersToBatch,
  batchOrdersAlreadyShipped,
  concludeUnpublishedSend,
  createBatch,
  detachFromBatch,
  markBatchDelivered,
  nextBatchId,
  pendingBatch,
  recordBatchFailure,
  recordPublishing,
  recordSendStarted,
  type BatchRow,
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
  type BatchOrderState,
} from '../store/repositories/orders-repo.js';
import type { SqlRunner } from '../store/sql.js';
import { throwIfAborted, type RunContext } from './run-context.js';

/** Upper bound of orders in one file; more wait for the next run (keeps files and memory sane). */
export const MAX_ORDERS_PER_BATCH = 200_000;

/**
 * Orders read from the store (and parsed) at a time while the file is built: a 100k batch never has
 * all its payloads in memory at once, only the file's bytes and this many parsed orders. Small, because
 * the engine is one thread: a screen's call waits behind a whole chunk (read, parse, write into the
 * file), and 5,000 made stalls of half a second on a busy machine. Between chunks the thread is let go.
 */
export const DELIVERY_READ_CHUNK = 250;

/**
 * Orders changed per write transaction when a batch is created or recorded as delivered: SQLite keeps
 * a copy of every page a transaction changes until it ends, and sql.js's memory never shrinks again.
 * A transaction also holds the engine thread (a screen's call waits behind it) and its journal record
 * is fsynced whole: 250 orders are a few ms of work and a ~55 KB record (1,000 were ~30 ms, too long for
 * a screen to wait on while a sync runs; 5,000 made ~1 MB records whose commits were the slowest).
 */
export const DELIVERY_WRITE_CHUNK = 250;

/** Lets the engine thread answer what waits (a screen's call) before the next chunk of a delivery. */
const letOthersRun = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Order Delivery (per merchant): one file per run. The batch and its orders are recorded before the
 * upload; only after the upload succeeded are the orders marked "at WMS".
 *
 * A warehouse imports a file and then deletes or moves it, so sending a file again under the same name
 * is NOT harmless: it would be imported twice. Each send therefore records its steps (batches-repo.ts,
 * BatchSendStage), and a pending batch whose last send was cut short is resolved first:
 * - cut short while staging (the file never had its final name): send again;
 * - cut short while publishing: look at the destination. The file is waiting under its final name, or
 *   gone (the WMS took it): it was delivered, so record that and send nothing. Only the unpublished
 *   copy is there: the rename never happened, so send again.
 * A batch sent again never carries an order the warehouse already shipped.
 */
export async function deliverOrders(rc: RunContext, merchantId: number): Promise<void> {
  const merchant = await rc.store.read((db) => getMerchant(db, merchantId));
  if (!merchant) throw new DockhandError('not_found', `Merchant ${merchantId} does not exist`);

  // The WMS connector is only opened when there is something to send or to look up.
  let wms: WmsConnector | undefined;
  const connect = async (): Promise<Connected> => {
    wms ??= await rc.connectors.wms(rc.signal);
    return { wms, target: await rc.connectors.merchantTarget(merchantId) };
  };
  try {
    const pending = await rc.store.read((db) => pendingBatch(db, merchantId));
    let mode: SendMode = 'fresh';
    if (pending) {
      const resolved = await resolvePendingSend(rc, connect, pending);
      if (resolved === 'delivered') return;
      mode = resolved;
      rc.report.add('resentBatches');
    }
    const batchId = pending?.id ?? (await createNextBatch(rc, merchantId, merchant.code));
    if (!batchId) {
      rc.report.message = 'No new orders to deliver';
      return;
    }
    await sendBatch(rc, await connect(), batchId, mode);
  } finally {
    await wms?.close().catch(() => {});
  }
}

interface Connected {
  wms: WmsConnector;
  target: WmsMerchantTarget;
}

/**
 * fresh: the batch never reached the WMS; only orders still new go, the others drop out of it.
 * whole: an older Dockhand's send that may have reached the WMS (and was not found there): the batch
 * goes again whole, as that version did, so cancellations meanwhile are reported to the warehouse.
 */
type SendMode = 'fresh' | 'whole';

/** Settles the last send of a pending batch; says whether the batch turned out delivered or how to send it. */
async function resolvePendingSend(rc: RunContext, connect: () => Promise<Connected>, batch: BatchRow): Promise<'delivered' | SendMode> {
  if (batch.sendStage === null) return 'fresh';
  if (batch.sendStage === 'staging') {
    await rc.store.write((db) => concludeUnpublishedSend(db, batch.id));
    return 'fresh';
  }
  const { wms, target } = await connect();
  const { trace, fileName } = await wms.traceDelivery(target, batch.id);
  if (trace === 'unpublished') {
    await rc.store.write((db) => concludeUnpublishedSend(db, batch.id));
    return 'fresh';
  }
  if (trace === 'taken' && batch.sendStage === 'unknown') {
    await rc.store.write((db) =>
      raiseAlert(
        db,
        {
          key: `batch-maybe-resent:${batch.id}`,
          severity: 'warning',
          targetType: 'merchant',
          targetId: batch.merchantId,
          message: `Batch ${batch.id} is sent again: an earlier Dockhand stopped while sending it and did not record how far it got. If the warehouse already imported it, its orders are there twice`,
        },
        rc.nowIso(),
      ),
    );
    return 'whole';
  }
  const rows = await rc.store.read((db) => batchOrderStates(db, batch.id));
  await recordDelivered(rc, batch.id, fileName, rows);
  rc.report.add('recoveredBatches');
  rc.report.message =
    trace === 'waiting'
      ? `${fileName} was already at the warehouse, waiting to be imported: recorded as delivered, not sent again`
      : `${fileName} was already taken by the warehouse: recorded as delivered, not sent again`;
  return 'delivered';
}

/** Records a new batch of the merchant's new orders; undefined when there are none. */
async function createNextBatch(rc: RunContext, merchantId: number, merchantCode: string): Promise<string | undefined> {
  const created = await rc.store.write((db) => {
    const ids = newOrderIds(db, merchantId, MAX_ORDERS_PER_BATCH);
    if (ids.length === 0) return undefined;
    const id = nextBatchId(db, merchantCode, merchantId);
    createBatch(db, id, merchantId, ids.slice(0, DELIVERY_WRITE_CHUNK), rc.nowIso());
    return { id, rest: ids.slice(DELIVERY_WRITE_CHUNK) };
  });
  // The rest joins in further transactions. A crash in between leaves a smaller pending batch, sent
  // as it is; the orders not yet attached are still new and go in the next batch.
  for (let at = 0; created && at < created.rest.length; at += DELIVERY_WRITE_CHUNK) {
    const ids = created.rest.slice(at, at + DELIVERY_WRITE_CHUNK);
    await letOthersRun();
    await rc.store.write((db) => addOrdersToBatch(db, created.id, ids));
  }
  return created?.id;
}

async function sendBatch(rc: RunContext, { wms, target }: Connected, batchId: string, mode: SendMode): Promise<void> {
  const { rows, shipped, sourceOf } = await rc.store.read((db) => {
    const carts = new Map(listCarts(db, target.merchantId).map((c) => [c.id, c.orderSource]));
    return {
      rows: batchOrderStates(db, batchId),
      shipped: batchOrdersAlreadyShipped(db, batchId),
      sourceOf: (cartId: number) => carts.get(cartId) ?? '',
    };
  });
  // An order the warehouse already shipped never goes again; in a fresh send, neither does one canceled
  // or held meanwhile (the WMS never saw the batch, so it simply drops out).
  const sendable = rows.filter((r) => !shipped.has(r.id) && (mode === 'whole' || r.status === 'new'));
  const dropped = mode === 'whole' ? [] : rows.filter((r) => !sendable.includes(r));
  if (dropped.length) await rc.store.write((db) => dropped.forEach((r) => detachFromBatch(db, batchId, r.id)));
  throwIfAborted(rc.signal);
  if (sendable.length === 0) {
    await rc.store.write((db) => markBatchDelivered(db, batchId, '', rc.nowIso()));
    rc.report.message = 'Every order of the batch was canceled, held or shipped before it was ever sent';
    return;
  }

  // The payloads are read chunk by chunk as the connector consumes them; the set of orders was fixed above.
  // Progress runs over both halves of the work: writing the file, then recording the orders delivered.
  const sendableIds = sendable.map((r) => r.id);
  const progress = new DeliveryProgress(rc, sendableIds.length);
  async function* orders(): AsyncGenerator<OrderForDelivery> {
    for (let at = 0; at < sendableIds.length; at += DELIVERY_READ_CHUNK) {
      // The connector consumes this generator in one go (no await of its own that waits on anything):
      // without this, building a 100k-order file held the engine thread for seconds.
      if (at > 0) await letOthersRun();
      const ids = sendableIds.slice(at, at + DELIVERY_READ_CHUNK);
      const chunk = await rc.store.read((db) => ordersForDelivery(db, ids));
      for (const r of chunk) {
        yield { order: r.data, mappedShipCode: r.mappedShipCode ?? r.shipCode, orderSource: sourceOf(r.cartId) };
      }
      progress.written(chunk.length);
    }
  }
  // Rejected orders are not in the file: they leave the batch when it is published (in the same
  // durable step), so a send resolved later knows the batch's orders are exactly the file's.
  let rejectionsRecorded = false;
  let result;
  try {
    await rc.store.write((db) => recordSendStarted(db, batchId));
    result = await wms.deliverOrders({
      batchId,
      merchant: target,
      orders: orders(),
      beforePublish: async (file) => {
        await rc.store.write((db) => {
          recordPublishing(db, batchId, file.fileName);
          recordRejections(rc, db, batchId, sendable, file.rejected);
        });
        rejectionsRecorded = true;
      },
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await rc.store.write((db) => recordBatchFailure(db, batchId, message));
    throw err;
  }
  if (!rejectionsRecorded) await rc.store.write((db) => recordRejections(rc, db, batchId, sendable, result.rejected));
  const rejected = new Set(result.rejected.map((r) => r.cartOrderId));
  await recordDelivered(rc, batchId, result.fileName, sendable.filter((r) => !rejected.has(r.cartOrderId)), progress);
  const problems = result.rejected.map((r) => ({ reason: `Order ${r.cartOrderId} left out: ${r.reason}` }));
  await keepRunFile(rc, 'sent', { ...fileBytes(result), merchantId: target.merchantId, kind: 'order', name: result.fileName, rows: result.delivered, problems });
  rc.report.message = `Sent ${result.delivered} order(s) in ${result.fileName}`;
  await reportDeliveryWarnings(rc, batchId, target.merchantId, result.warnings ?? []);
}

/**
 * What the connector said about a file that still counts as delivered (e-mail: some WMS addresses
 * refused it): on the run, and as a warning alert for the merchant, since nobody else will tell. One
 * alert per merchant, saying what the latest file met (an address gone for good would otherwise raise
 * one per file), cleared by the next file delivered without a warning.
 */
async function reportDeliveryWarnings(rc: RunContext, batchId: string, merchantId: number, warnings: string[]): Promise<void> {
  const key = deliveryWarningKey(merchantId);
  if (warnings.length === 0) {
    await rc.store.write((db) => clearAlert(db, key, rc.nowIso()));
    return;
  }
  for (const w of warnings) rc.report.notice(w);
  const message = `${warnings.join(' ')} (order file of batch ${batchId})`;
  await rc.store.write((db) => raiseAlert(db, { key, severity: 'warning', targetType: 'merchant', targetId: merchantId, message }, rc.nowIso()));
}

const deliveryWarningKey = (merchantId: number) => `delivery-warning:merchant:${merchantId}`;

/** Only the bytes of a connector's result (it carries other fields too). */
function fileBytes({ content, remotePath }: FileBytes): FileBytes {
  return { content, remotePath };
}

/** Orders the file format could not write: out of the batch, and held with the reason if still new. */
function recordRejections(rc: RunContext, db: SqlRunner, batchId: string, rows: BatchOrderState[], rejections: DeliveryRejection[]): void {
  const byCartId = new Map(rows.map((r) => [r.cartOrderId, r]));
  const at = rc.nowIso();
  for (const { cartOrderId, reason } of rejections) {
    const r = byCartId.get(cartOrderId);
    if (!r) continue;
    detachFromBatch(db, batchId, r.id);
    if (getOrderState(db, r.id)?.status === 'new') setStatus(db, r.id, 'new', 'error', reason, at);
    rc.report.add('rejected');
    rc.report.error(reason, r.orderNumber);
  }
}

/**
 * The batch's file reached the WMS: its orders are at the WMS now. Recorded in chunks, the batch marked
 * delivered with the last one. A crash in between leaves the batch pending and publishing: the next
 * run finds the file waiting or taken and records it again (orders already at the WMS stay as they are).
 */
async function recordDelivered(rc: RunContext, batchId: string, fileName: string, rows: BatchOrderState[], progress?: DeliveryProgress): Promise<void> {
  const at = rc.nowIso();
  const chunks: BatchOrderState[][] = [];
  for (let from = 0; from < rows.length; from += DELIVERY_WRITE_CHUNK) chunks.push(rows.slice(from, from + DELIVERY_WRITE_CHUNK));
  if (chunks.length === 0) chunks.push([]);
  for (const [i, chunk] of chunks.entries()) {
    const last = i === chunks.length - 1;
    if (i > 0) await letOthersRun();
    await rc.store.write((db) => {
      for (const r of chunk) {
        // The usual case first, in one statement: still new, so now at the WMS.
        if (markDeliveredIfNew(db, r.id, fileName, at)) continue;
        const current = getOrderState(db, r.id);
        if (!current || current.status === 'at_wms' || current.status === 'cancel_sending') continue;
        if (current.status === 'canceled') {
          // Canceled in the cart while its file was on the way: the warehouse has it now.
          setStatus(db, r.id, 'canceled', 'cancel_sending', `Canceled while being delivered in ${fileName}: stop it in the warehouse`, at);
          raiseAlert(db, { key: `canceled-after-delivery:${r.id}`, severity: 'error', targetType: 'order', targetId: r.id, message: `Order ${r.orderNumber} was canceled while being delivered in ${fileName}: stop it in the warehouse` }, at);
        } else {
          // It moved on (shipped, held, ...) while its file was on the way: the WMS has it; say so.
          addHistory(db, r.id, current.status, current.status, `Delivered in ${fileName}`, at);
        }
      }
      if (last) markBatchDelivered(db, batchId, fileName, at);
    });
    progress?.recorded(chunk.length);
  }
}

/**
 * What a delivery tells the Activity screen while it runs: `done` of `total` over both halves (each order
 * written into the file, then recorded as at the warehouse), and the count of orders delivered so far,
 * which grows as each chunk is recorded (it ends equal to the orders in the file).
 */
class DeliveryProgress {
  private done = 0;

  constructor(
    private readonly rc: RunContext,
    private readonly orders: number,
  ) {
    rc.progress(0, 2 * orders);
  }

  written(n: number): void {
    this.done += n;
    this.rc.progress(this.done, 2 * this.orders);
  }

  recorded(n: number): void {
    this.done += n;
    this.rc.report.add('delivered', n);
    this.rc.progress(Math.min(this.done, 2 * this.orders), 2 * this.orders);
  }
}
