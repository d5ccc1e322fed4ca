import type { SqlReader, SqlRunner } from '../sql.js';

/**
 * Delivery batches: recorded with their orders BEFORE the file is uploaded, so a crash or a failed
 * upload resends the same batch under the same file name instead of losing or duplicating orders.
 */

/**
 * How far the latest send of a batch got; null when no send is in flight (none began, or the last one
 * concluded). Each step is recorded durably before the step itself:
 * - 'staging': the file is being built and uploaded under its temporary name. The WMS cannot have it:
 *   a send cut short here is concluded as not delivered, and the batch goes again.
 * - 'publishing': the file was complete under its temporary name and is being renamed to its final
 *   name, after which the WMS may take it at any moment. A send cut short here is resolved by looking
 *   at the destination (deliver-orders.ts): never by sending blindly again, since a WMS that imports
 *   and deletes files would import a second copy.
 * - 'unknown': left by a Dockhand that did not record the steps (migration 007).
 */
export type BatchSendStage = 'staging' | 'publishing' | 'unknown';

export interface BatchRow {
  id: string;
  merchantId: number;
  status: 'pending' | 'delivered';
  fileName: string | null;
  orderCount: number;
  attempts: number;
  /** Sends begun; more than `attempts` (concluded ones) means a send may have reached the WMS unrecorded. */
  sendsStarted: number;
  sendStage: BatchSendStage | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

interface Raw {
  sends_started: number;
  send_stage: BatchSendStage | null;
  id: string;
  merchant_id: number;
  status: 'pending' | 'delivered';
  file_name: string | null;
  order_count: number;
  attempts: number;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

const toRow = (r: Raw): BatchRow => ({
  id: r.id,
  merchantId: r.merchant_id,
  status: r.status,
  fileName: r.file_name,
  orderCount: r.order_count,
  attempts: r.attempts,
  sendsStarted: r.sends_started,
  sendStage: r.send_stage,
  lastError: r.last_error,
  createdAt: r.created_at,
  deliveredAt: r.delivered_at,
});

export function pendingBatch(db: SqlReader, merchantId: number): BatchRow | undefined {
  const r = db.get<Raw>(
    `SELECT * FROM batches WHERE merchant_id = ? AND status = 'pending' ORDER BY created_at, id LIMIT 1`,
    [merchantId],
  );
  return r ? toRow(r) : undefined;
}

/** Next batch id for a merchant: derived from the data (a per-merchant count), never from the clock. */
export function nextBatchId(db: SqlReader, merchantCode: string, merchantId: number): string {
  const n = (db.get<{ n: number }>('SELECT COUNT(*) AS n FROM batches WHERE merchant_id = ?', [merchantId])?.n ?? 0) + 1;
  return `${merchantCode}-${String(n).padStart(6, '0')}`;
}

/** Record a batch and attach the orders to it (they stay 'new' until the upload succeeded). */
export function createBatch(
  db: SqlRunner,
  batchId: string,
  merchantId: number,
  orderIds: number[],
  now: string,
): void {
  db.run(
    `INSERT INTO batches (id, merchant_id, status, order_count, created_at) VALUES (?, ?, 'pending', ?, ?)`,
    [batchId, merchantId, orderIds.length, now],
  );
  attach(db, batchId, orderIds);
}

/**
 * Attach more orders to a batch being created. A big batch is built over several transactions so no
 * single one touches every order (SQLite keeps a copy of each page a transaction changes until it ends).
 */
export function addOrdersToBatch(db: SqlRunner, batchId: string, orderIds: number[]): void {
  db.run('UPDATE batches SET order_count = order_count + ? WHERE id = ?', [orderIds.length, batchId]);
  attach(db, batchId, orderIds);
}

function attach(db: SqlRunner, batchId: string, orderIds: number[]): void {
  for (const id of orderIds) {
    db.run('INSERT INTO batch_orders (batch_id, order_id) VALUES (?, ?)', [batchId, id]);
    db.run('UPDATE orders SET batch_id = ? WHERE id = ?', [batchId, id]);
  }
}

/** Recorded (durably) before each upload of the batch's file: the 'staging' step. */
export function recordSendStarted(db: SqlRunner, batchId: string): void {
  db.run(`UPDATE batches SET sends_started = sends_started + 1, send_stage = 'staging' WHERE id = ?`, [batchId]);
}

/**
 * Recorded (durably) once the file is complete under its temporary name, right before it is renamed to
 * `fileName`: from here on the WMS may have it (the 'publishing' step).
 */
export function recordPublishing(db: SqlRunner, batchId: string, fileName: string): void {
  db.run(`UPDATE batches SET send_stage = 'publishing', file_name = ? WHERE id = ?`, [fileName, batchId]);
}

/**
 * The send in flight is known never to have been published (it stopped while staging, or its file was
 * found only under the temporary name): it concludes as not delivered, and the batch may go again.
 */
export function concludeUnpublishedSend(db: SqlRunner, batchId: string): void {
  db.run(`UPDATE batches SET attempts = sends_started, send_stage = NULL WHERE id = ?`, [batchId]);
}

/**
 * A send failed. One that failed while staging concluded (nothing reached the WMS); one that failed
 * while publishing (a drop or a refusal during the rename) stays unconcluded, for the next run to
 * resolve by looking at the destination.
 */
export function recordBatchFailure(db: SqlRunner, batchId: string, message: string): void {
  db.run(
    `UPDATE batches SET last_error = ?,
       attempts = CASE WHEN send_stage = 'staging' THEN sends_started ELSE attempts END,
       send_stage = CASE WHEN send_stage = 'staging' THEN NULL ELSE send_stage END
     WHERE id = ?`,
    [message, batchId],
  );
  db.run(
    `UPDATE orders SET failed_sends = failed_sends + 1 WHERE id IN (SELECT order_id FROM batch_orders WHERE batch_id = ?)`,
    [batchId],
  );
}

export function markBatchDelivered(db: SqlRunner, batchId: string, fileName: string, now: string): void {
  db.run(
    `UPDATE batches SET status = 'delivered', file_name = ?, attempts = sends_started, send_stage = NULL, last_error = NULL,
       delivered_at = ?
     WHERE id = ?`,
    [fileName, now, batchId],
  );
}

/**
 * Orders of a batch that must never go into a re-sent file because the warehouse already shipped
 * them: any shipment recorded for the order, or a status past the warehouse's receipt. The statuses
 * are listed as the ones BEFORE any shipment, so a status added later (partially shipped, ...) counts
 * as shipped unless it is added here.
 */
export function batchOrdersAlreadyShipped(db: SqlReader, batchId: string): Set<number> {
  const rows = db.all<{ id: number }>(
    `SELECT o.id FROM batch_orders b JOIN orders o ON o.id = b.order_id
     WHERE b.batch_id = ?
       AND (o.status NOT IN ('new', 'at_wms', 'error', 'on_hold', 'cancel_sending', 'canceled', 'skipped')
            OR EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id))`,
    [batchId],
  );
  return new Set(rows.map((r) => r.id));
}

/** Drop an order from a pending batch (it was rejected by the format, canceled or held meanwhile). */
export function detachFromBatch(db: SqlRunner, batchId: string, orderId: number): void {
  db.run('DELETE FROM batch_orders WHERE batch_id = ? AND order_id = ?', [batchId, orderId]);
  db.run('UPDATE batches SET order_count = order_count - 1 WHERE id = ?', [batchId]);
  db.run('UPDATE orders SET batch_id = NULL WHERE id = ? AND batch_id = ?', [orderId, batchId]);
}

export function listBatches(db: SqlReader, merchantId: number, limit = 50): BatchRow[] {
  return db
    .all<Raw>('SELECT * FROM batches WHERE merchant_id = ? ORDER BY created_at DESC, id DESC LIMIT ?', [
      merchantId,
      limit,
    ])
    .map(toRow);
}
