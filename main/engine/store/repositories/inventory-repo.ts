import type { SqlReader, SqlRunner } from '../sql.js';
import { numberedRows, runInRowBatches, statementsBySize } from './row-batches.js';

/**
 * Apply (a chunk of) one WMS inventory file: each listed SKU's quantity as of the file's snapshot time.
 * Several levels per statement (one statement per level was much of the engine's time applying a 100k-SKU
 * file through sql.js), the merchant, snapshot time and file bound once per statement. Levels are one
 * per SKU (summed before), so their order does not matter.
 */
export function upsertInventoryLevels(
  db: SqlRunner,
  merchantId: number,
  levels: readonly { sku: string; quantity: number; location?: string }[],
  snapshotAt: string,
  sourceFile: string,
): void {
  runInRowBatches(db, levels, UPSERT_LEVELS, (batch) => {
    const params: (string | number | null)[] = [merchantId, snapshotAt, sourceFile];
    for (const level of batch) params.push(level.sku, level.quantity, level.location ?? null);
    return params;
  });
}

const UPSERT_LEVELS = statementsBySize(
  (n) => `INSERT INTO inventory (merchant_id, sku, quantity, location, snapshot_at, source_file)
     VALUES ${numberedRows(n, 3, 3, ', ', (p) => `(?1, ${p(0)}, ${p(1)}, ${p(2)}, ?2, ?3)`)}
     ON CONFLICT (merchant_id, sku) DO UPDATE SET quantity = excluded.quantity, location = excluded.location,
       snapshot_at = excluded.snapshot_at, source_file = excluded.source_file`,
);

export interface InventoryToPush {
  sku: string;
  /** Quantity to send: snapshot minus what was ordered since, floored at 0, 0 below the minimum level. */
  quantity: number;
}

/**
 * Quantities the cart should show, for SKUs whose WMS data is newer than the last push to this cart
 * or whose computed quantity differs from what was pushed (orders arrived since).
 * Orders downloaded after the snapshot that the WMS cannot know of yet are subtracted (no overselling).
 */
export function inventoryToPush(db: SqlReader, cartId: number, merchantId: number, minLevel: number): InventoryToPush[] {
  const rows = db.all<{ sku: string; quantity: number; snapshot_at: string; pushed_qty: number | null; pushed_at: string | null }>(
    `SELECT i.sku, i.quantity, i.snapshot_at, p.quantity AS pushed_qty, p.pushed_at
     FROM inventory i LEFT JOIN inventory_pushed p ON p.cart_id = ? AND p.sku = i.sku
     WHERE i.merchant_id = ?`,
    [cartId, merchantId],
  );
  if (rows.length === 0) return [];
  const ordered = orderedSinceSnapshot(db, merchantId);
  const out: InventoryToPush[] = [];
  for (const r of rows) {
    let qty = Math.max(0, r.quantity - (ordered.get(r.sku)?.(r.snapshot_at) ?? 0));
    if (qty < minLevel) qty = 0;
    const freshFromWms = r.pushed_at === null || r.snapshot_at > r.pushed_at;
    if (freshFromWms || r.pushed_qty !== qty) out.push({ sku: r.sku, quantity: qty });
  }
  return out;
}

/**
 * Per SKU, a function giving the quantity ordered after a time, over orders the WMS may not have
 * counted yet (new or held ones, and those delivered after that time).
 */
function orderedSinceSnapshot(db: SqlReader, merchantId: number): Map<string, (since: string) => number> {
  const rows = db.all<{ created_at: string; lines_json: string | null }>(
    `SELECT o.created_at, p.lines_json FROM orders o JOIN order_payloads p ON p.order_id = o.id
     WHERE o.merchant_id = ? AND o.status IN ('new', 'error', 'on_hold', 'at_wms')`,
    [merchantId],
  );
  const bySku = new Map<string, { at: string; qty: number }[]>();
  for (const r of rows) {
    const lines = r.lines_json === null ? [] : (JSON.parse(r.lines_json) as { sku: string; quantity: number }[]);
    for (const l of lines) {
      const list = bySku.get(l.sku) ?? [];
      list.push({ at: r.created_at, qty: l.quantity });
      bySku.set(l.sku, list);
    }
  }
  const out = new Map<string, (since: string) => number>();
  for (const [sku, list] of bySku) {
    out.set(sku, (since) => list.reduce((sum, e) => (e.at > since ? sum + e.qty : sum), 0));
  }
  return out;
}

export function recordPushed(db: SqlRunner, cartId: number, sku: string, quantity: number, now: string): void {
  db.run(
    `INSERT INTO inventory_pushed (cart_id, sku, quantity, pushed_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (cart_id, sku) DO UPDATE SET quantity = excluded.quantity, pushed_at = excluded.pushed_at`,
    [cartId, sku, quantity, now],
  );
}

export function recordInboundFile(
  db: SqlRunner,
  merchantId: number,
  kind: 'confirmations' | 'inventory',
  fileName: string,
  rowsApplied: number,
  rowErrors: unknown[],
  now: string,
): void {
  db.run(
    `INSERT INTO inbound_files (merchant_id, kind, file_name, processed_at, rows_applied, row_errors_json)
     VALUES (?, ?, ?, ?, ?, ?)`,
    [merchantId, kind, fileName, now, rowsApplied, JSON.stringify(rowErrors)],
  );
}
