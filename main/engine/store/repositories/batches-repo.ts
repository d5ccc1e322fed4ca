import type { SqlReader, SqlRunner } from '../sql.js';

/**
 * Delivery batches: recorded with their orders BEFORE the file is uploaded, so a crash or a failed
 * upload resends the same batch under the same file name instead of losing or duplicating orders.
 */
export interface BatchRow {
  id: string;
  merchantId: number;
  status: 'pending' | 'delivered';
  fileName: string | null;
  orderCount: number;
  attempts: number;
  /** Sends begun; more than `attempts` (concluded ones) means a send may have reached the WMS unrecorded. */
  sendsStarted: number;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

interface Raw {
  sends_started: number;
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

/** Recorded (durably) before each upload of the batch's file. */
export function recordSendStarted(db: SqlRunner, batchId: string): void {
  db.run('UPDATE batches SET sends_started = sends_started + 1 WHERE id = ?', [batchId]);
}

/**
 * A send failed. `surelyNotSent`: it failed before any byte could reach the WMS (login refused, folder
 * missing); the send counts as concluded. Otherwise (a drop, a timeout: maybe during the final rename)
 * it stays unconcluded, so the next send of this batch goes whole.
 */
export function recordBatchFailure(db: SqlRunner, batchId: string, message: string, surelyNotSent: boolean): void {
  db.run(`UPDATE batches SET attempts = attempts + ?, last_error = ? WHERE id = ?`, [surelyNotSent ? 1 : 0, message, batchId]);
  db.run(
    `UPDATE orders SET failed_sends = failed_sends + 1 WHERE id IN (SELECT order_id FROM batch_orders WHERE batch_id = ?)`,
    [batchId],
  );
}

export function markBatchDelivered(db: SqlRunner, batchId: string, fileName: string, now: string): void {
  db.run(
    `UPDATE batches SET status = 'delivered', file_name = ?, attempts = attempts + 1, last_error = NULL, delivered_at = ?
     WHERE id = ?`,
    [fileName, now, batchId],
  );
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
