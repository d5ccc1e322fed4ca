import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../../../main/engine/store/index.js';
import { shipmentProgress } from '../../../../../main/engine/store/migrations/005-shipment-progress.js';
import { migrations } from '../../../../../main/engine/store/migrations/index.js';
import type { SqlRunner } from '../../../../../main/engine/store/sql.js';
import { sampleLine, sampleOrder } from '../../csv/sample-orders.js';
import { tempStoreDir } from '../fixtures/store-fixtures.js';

const AT = '2026-11-27T00:00:00.000Z';
const UPDATED = '2026-11-28T09:00:00.000Z';
/** The migrations before this one (the list may be renumbered at merge: found by identity, not number). */
const BEFORE = migrations.slice(0, migrations.indexOf(shipmentProgress));

function insertOrder(db: SqlRunner, n: number, status: string, lines: { sku: string; quantity: number }[]): number {
  const order = sampleOrder({ cartOrderId: `o${n}`, orderNumber: `#${n}`, lines: lines.map((l, i) => sampleLine(i + 1, { ...l, cartLineId: `L${n}-${i + 1}` })) });
  return db.run(
    `INSERT INTO orders (cart_id, merchant_id, cart_order_id, order_number, status, ship_code, cart_updated_at, order_date, data_json, created_at, updated_at)
     VALUES (1, 1, ?, ?, ?, 'Std', ?, ?, ?, ?, ?)`,
    [order.cartOrderId, order.orderNumber, status, AT, AT, JSON.stringify(order), AT, UPDATED],
  ).lastInsertRowid;
}

function insertShipment(db: SqlRunner, orderId: number, tracking: string, items: unknown[]): void {
  db.run(
    `INSERT INTO shipments (order_id, cart_id, tracking_number, carrier, ship_date, items_json, status, created_at)
     VALUES (?, 1, ?, 'UPS', ?, ?, 'uploaded', ?)`,
    [orderId, tracking, AT, JSON.stringify(items), AT],
  );
}

describe('migration 005: shipment progress', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it('sends an older database\'s merchants\' shipments as they come, and reopens orders marked done with lines never shipped', async () => {
    const { dir, cleanup } = await tempStoreDir();
    cleanups.push(cleanup);
    const before = await openStore({ dir, migrations: BEFORE });
    const ids = await before.write((db) => {
      db.run(`INSERT INTO merchants (name, code, created_at, updated_at) VALUES ('Acme', 'ACME', ?, ?)`, [AT, AT]);
      const whole = insertOrder(db, 1001, 'confirmed', [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1 }]);
      insertShipment(db, whole, '1Z1', [{ sku: 'A', quantity: 2, cartLineId: 'L1001-1' }, { sku: 'B', quantity: 1, cartLineId: 'L1001-2' }]);
      const partial = insertOrder(db, 1002, 'confirmed', [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1 }, { sku: 'C', quantity: 4 }]);
      insertShipment(db, partial, '1Z2', [{ sku: 'B', quantity: 1, cartLineId: 'L1002-2' }]);
      // Saved before shipments named their lines: a SKU only, on two lines of that SKU.
      const bySku = insertOrder(db, 1003, 'shipped', [{ sku: 'A', quantity: 2 }, { sku: 'A', quantity: 3 }]);
      insertShipment(db, bySku, '1Z3', [{ sku: 'A', quantity: 5 }]);
      const atWms = insertOrder(db, 1004, 'at_wms', [{ sku: 'A', quantity: 1 }]);
      return { whole, partial, bySku, atWms };
    });
    await before.close();

    const after = await openStore({ dir, migrations: [...BEFORE, shipmentProgress] });
    const statuses = await after.read((db) => db.all<{ id: number; status: string; rest_canceled_at: string | null }>('SELECT id, status, rest_canceled_at FROM orders ORDER BY id'));
    expect(statuses).toEqual([
      { id: ids.whole, status: 'confirmed', rest_canceled_at: null },
      { id: ids.partial, status: 'partially_shipped', rest_canceled_at: null },
      { id: ids.bySku, status: 'shipped', rest_canceled_at: null },
      { id: ids.atWms, status: 'at_wms', rest_canceled_at: null },
    ]);
    const history = await after.read((db) => db.all<{ order_id: number; at: string; from_status: string; to_status: string }>('SELECT order_id, at, from_status, to_status FROM order_history'));
    expect(history).toEqual([{ order_id: ids.partial, at: UPDATED, from_status: 'confirmed', to_status: 'partially_shipped' }]);
    expect(await after.read((db) => db.all('SELECT code, partial_shipments FROM merchants'))).toEqual([{ code: 'ACME', partial_shipments: 'as_shipped' }]);
    await after.close();
  });
});
