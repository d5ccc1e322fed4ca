import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../../../main/engine/store/index.js';
import { migrations } from '../../../../../main/engine/store/migrations/index.js';
import { insertShipmentOnce, shipmentsOfOrder } from '../../../../../main/engine/store/repositories/shipments-repo.js';
import { tempStoreDir } from '../fixtures/store-fixtures.js';

const SHIPMENT = `INSERT INTO shipments (order_id, cart_id, tracking_number, carrier, ship_date, items_json, status, submitted_at, created_at)
  VALUES (?, 1, ?, 'UPS', '2026-03-01', '[{"sku":"A","quantity":1}]', 'submitted', '2026-03-02', '2026-03-01T00:00:00.000Z')`;

const untracked = (packageKey: string) => ({
  orderId: 7,
  cartId: 1,
  trackingNumber: '',
  carrier: '',
  service: null,
  trackingUrl: null,
  shipDate: '2026-03-03',
  items: [{ sku: 'B', quantity: 1 }],
  sourceFile: 'later.csv',
  packageKey,
});

describe('migration 018: untracked packages and file name search', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it('keeps every shipment, column and index of a version-15 database, and lets two packages without tracking of one order be saved, each once', async () => {
    const { dir, cleanup } = await tempStoreDir();
    cleanups.push(cleanup);
    const v15 = await openStore({ dir, migrations: migrations.filter((m) => m.version <= 15) });
    await v15.write((db) => {
      db.run(SHIPMENT, [7, '1Z1']);
      db.run(SHIPMENT, [7, '']);
    });
    await v15.close();

    const store = await openStore({ dir, migrations });
    cleanups.unshift(() => store.close());
    const indexes = await store.read((db) => db.all<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'shipments' AND sql IS NOT NULL`).map((r) => r.name));
    expect(indexes).toContain('shipments_by_cart_status');
    expect(await store.read((db) => db.all(`SELECT order_id, tracking_number, package_key, status, submitted_at FROM shipments ORDER BY id`))).toEqual([
      { order_id: 7, tracking_number: '1Z1', package_key: '', status: 'submitted', submitted_at: '2026-03-02' },
      { order_id: 7, tracking_number: '', package_key: '', status: 'submitted', submitted_at: '2026-03-02' },
    ]);

    const inserted = await store.write((db) => [
      insertShipmentOnce(db, untracked('file:abc:line:2'), '2026-03-03T00:00:00.000Z'),
      insertShipmentOnce(db, untracked('file:abc:line:2'), '2026-03-03T00:00:00.000Z'),
      insertShipmentOnce(db, untracked('file:def:line:2'), '2026-03-04T00:00:00.000Z'),
      insertShipmentOnce(db, { ...untracked(''), trackingNumber: '1Z1' }, '2026-03-04T00:00:00.000Z'),
    ]);
    expect(inserted).toEqual([true, false, true, false]);
    expect((await store.read((db) => shipmentsOfOrder(db, 7))).map((s) => [s.trackingNumber, s.packageKey])).toEqual([
      ['1Z1', ''],
      ['', ''],
      ['', 'file:abc:line:2'],
      ['', 'file:def:line:2'],
    ]);
  });
});
