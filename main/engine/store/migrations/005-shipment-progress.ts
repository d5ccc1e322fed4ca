import type { OrderLine } from '../../../../shared/domain.js';
import { everyLineShipped, shippedByLine, type ShippedItem } from '../../../../shared/line-shipping.js';
import { parseJson } from '../repositories/json-column.js';
import type { SqlRunner } from '../sql.js';

/** Orders looked at per step of the re-check: bounds memory on a big database. */
const CHUNK = 1000;

/**
 * Partial shipments. `merchants.partial_shipments`: whether a merchant's shipments go to the cart as they
 * come ('as_shipped') or only once the whole order has shipped ('when_complete'). `orders.rest_canceled_at`:
 * a person gave up the units of a partially shipped order the warehouse had not shipped, so it counts as
 * shipped.
 *
 * Before this version one shipment of any part made the order shipped (and later confirmed). Shipped and
 * confirmed orders whose shipments do not cover every line go back to partially shipped, with a history
 * entry, so they show up as waiting on the warehouse instead of done. Times come from the rows themselves
 * (the order's last update), so a replay writes the same.
 */
export const shipmentProgress = {
  version: 5,
  name: 'shipment progress',
  up(db: SqlRunner): void {
    db.run(`ALTER TABLE merchants ADD COLUMN partial_shipments TEXT NOT NULL DEFAULT 'as_shipped'`);
    db.run('ALTER TABLE orders ADD COLUMN rest_canceled_at TEXT');
    let after = 0;
    for (;;) {
      const rows = db.all<{ id: number; status: string; updated_at: string; lines: string | null }>(
        `SELECT id, status, updated_at, json_extract(data_json, '$.lines') AS lines FROM orders
         WHERE id > ? AND status IN ('shipped', 'confirmed') ORDER BY id LIMIT ?`,
        [after, CHUNK],
      );
      if (rows.length === 0) break;
      for (const r of rows) {
        const lines = parseJson<OrderLine[]>(r.lines, []);
        const items = db
          .all<{ items_json: string }>('SELECT items_json FROM shipments WHERE order_id = ?', [r.id])
          .flatMap((s) => parseJson<ShippedItem[]>(s.items_json, []));
        if (lines.length === 0 || everyLineShipped(lines, shippedByLine(lines, items))) continue;
        const note = 'Only part of the order has shipped: waiting for the rest (found when Dockhand learned partial shipments)';
        db.run(`UPDATE orders SET status = 'partially_shipped', status_reason = ? WHERE id = ?`, [note, r.id]);
        db.run('INSERT INTO order_history (order_id, at, from_status, to_status, note) VALUES (?, ?, ?, ?, ?)', [
          r.id,
          r.updated_at,
          r.status,
          'partially_shipped',
          note,
        ]);
      }
      after = rows[rows.length - 1].id;
    }
  },
};
