import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../../../main/engine/store/index.js';
import { migrations as all } from '../../../../../main/engine/store/migrations/index.js';

const migrations = all.slice(0, 1);
import { crashImage, tempStoreDir } from '../fixtures/store-fixtures.js';

describe('migration 001: the initial schema', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it('creates every table the repositories use, and survives a crash-replay', async () => {
    const { dir, cleanup } = await tempStoreDir();
    cleanups.push(cleanup);
    const store = await openStore({ dir, migrations });
    expect(store.schemaVersion).toBe(1);
    const tables = await store.read((db) =>
      db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").map((r) => r.name),
    );
    for (const t of ['account', 'merchants', 'cart_connections', 'wms', 'schedules', 'orders', 'order_history', 'batches', 'batch_orders', 'shipments', 'ship_methods', 'ship_code_map', 'inventory', 'inventory_pushed', 'inbound_files', 'runs', 'alerts']) {
      expect(tables).toContain(t);
    }
    const image = await crashImage(dir);
    cleanups.push(async () => (await import('node:fs/promises')).rm(image, { recursive: true, force: true }));
    await store.close();
    const replayed = await openStore({ dir: image, migrations });
    expect(replayed.schemaVersion).toBe(1);
    await replayed.close();
  });

  it('keeps one order per cart and cart order id, and one shipment per order and tracking number', async () => {
    const { dir, cleanup } = await tempStoreDir();
    cleanups.push(cleanup);
    const store = await openStore({ dir, migrations });
    const now = '2026-11-27T00:00:00.000Z';
    const insertOrder = () =>
      store.write((db) =>
        db.run(
          `INSERT INTO orders (cart_id, merchant_id, cart_order_id, order_number, status, ship_code, cart_updated_at, order_date, data_json, created_at, updated_at)
           VALUES (1, 1, 'gid://shopify/Order/1', '#1001', 'new', 'STD', ?, ?, '{}', ?, ?)`,
          [now, now, now, now],
        ),
      );
    await insertOrder();
    await expect(insertOrder()).rejects.toThrow(/UNIQUE/);
    const insertShipment = () =>
      store.write((db) =>
        db.run(
          `INSERT INTO shipments (order_id, cart_id, tracking_number, carrier, ship_date, items_json, status, created_at)
           VALUES (1, 1, '1Z999', 'UPS', ?, '[]', 'pending', ?)`,
          [now, now],
        ),
      );
    await insertShipment();
    await expect(insertShipment()).rejects.toThrow(/UNIQUE/);
    await store.close();
  });
});
