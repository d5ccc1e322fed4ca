import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../../../main/engine/store/index.js';
import type { SqlParams, SqlReader } from '../../../../../main/engine/store/sql.js';
import { migrations } from '../../../../../main/engine/store/migrations/index.js';
import { deleteKeptFiles, insertKeptFile, listKeptFiles, type NewKeptFile } from '../../../../../main/engine/store/repositories/kept-files-repo.js';
import { nameWords } from '../../../../../main/engine/store/repositories/kept-file-words.js';
import { insertShipmentOnce, shipmentsOfOrder } from '../../../../../main/engine/store/repositories/shipments-repo.js';
import { tempStoreDir } from '../fixtures/store-fixtures.js';

const SHIPMENT = `INSERT INTO shipments (order_id, cart_id, tracking_number, carrier, ship_date, items_json, status, submitted_at, created_at)
  VALUES (?, 1, ?, 'UPS', '2026-03-01', '[{"sku":"A","quantity":1}]', 'submitted', '2026-03-02', '2026-03-01T00:00:00.000Z')`;

const kept = (name: string, createdAt: string): NewKeptFile => ({
  merchantId: 1,
  cartId: null,
  direction: 'received',
  kind: 'confirmation',
  remotePath: `ACME/confirmations/${name}`,
  name,
  size: 10,
  rows: 1,
  errors: 0,
  firstErrors: '',
  sha256: 'ab',
  keptPath: `2026-12-06/${name}`,
  createdAt,
});

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

  it('cuts a file name into words at separators and where letters and digits meet', () => {
    expect(nameWords('orders-ACME-20261206_1530.csv')).toEqual(['orders', 'acme', '20261206', '1530', 'csv']);
    expect(nameWords('ACME2026 Bestätigung.CSV')).toEqual(['acme', '2026', 'bestätigung', 'csv']);
    expect(nameWords('--')).toEqual([]);
  });

  it('indexes the names of files kept before it, and finds text that starts a word of the name through that index', async () => {
    const { dir, cleanup } = await tempStoreDir();
    cleanups.push(cleanup);
    const v15 = await openStore({ dir, migrations: migrations.filter((m) => m.version <= 15) });
    await v15.write((db) => {
      db.run(`INSERT INTO kept_files (merchant_id, cart_id, direction, kind, remote_path, name, size, rows_count, errors_count, first_errors, sha256, kept_path, created_at)
        VALUES (1, NULL, 'sent', 'order', 'ACME/orders/orders-ACME-20261201-0900.csv', 'orders-ACME-20261201-0900.csv', 1, 1, 0, '', 'ab', 'x', '2026-12-01T09:00:00.000Z')`);
    });
    await v15.close();

    const store = await openStore({ dir, migrations });
    cleanups.unshift(() => store.close());
    await store.write((db) => {
      insertKeptFile(db, kept('SHIPCONF_Globex_20261202.csv', '2026-12-02T09:00:00.000Z'));
      insertKeptFile(db, kept('conf_50%.csv', '2026-12-03T09:00:00.000Z'));
    });
    const names = (text: string) => store.read((db) => listKeptFiles(db, { text }, { limit: 10, offset: 0 }).items.map((f) => f.name));

    expect(await names('acme')).toEqual(['orders-ACME-20261201-0900.csv']);
    expect(await names('ACME-2026')).toEqual(['orders-ACME-20261201-0900.csv']);
    expect(await names('2026120')).toEqual(['SHIPCONF_Globex_20261202.csv', 'orders-ACME-20261201-0900.csv']);
    expect(await names('globex_2026')).toEqual(['SHIPCONF_Globex_20261202.csv']);
    expect(await names('50%')).toEqual(['conf_50%.csv']);
    expect(await names('.csv')).toHaveLength(3);
    // Inside a word is not a start of one.
    expect(await names('lobex')).toEqual([]);
    // No letter or digit at all: the names are read one by one, as before.
    expect(await names('%')).toEqual(['conf_50%.csv']);

    // The page and the total of a search read the word index, never every kept file.
    const plans = await store.read((db) => {
      const statements: { sql: string; params?: SqlParams }[] = [];
      const recording: SqlReader = {
        get: (sql, params) => (statements.push({ sql, params }), db.get(sql, params)),
        all: (sql, params) => (statements.push({ sql, params }), db.all(sql, params)),
      };
      listKeptFiles(recording, { text: 'globex_2026', merchantId: 1 }, { limit: 10, offset: 0 });
      return statements.map((s) => db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${s.sql}`, s.params).map((p) => p.detail).join('; '));
    });
    expect(plans.length).toBeGreaterThanOrEqual(2);
    for (const plan of plans) {
      expect(plan).toMatch(/INDEX sqlite_autoindex_kept_file_words_1 \(word>\? AND word<\?\)/);
      expect(plan).not.toMatch(/SCAN k\b/);
    }

    const [gone] = await store.read((db) => listKeptFiles(db, { text: 'globex' }, { limit: 1, offset: 0 }).items);
    await store.write((db) => deleteKeptFiles(db, [gone.id]));
    expect(await store.read((db) => db.get<{ n: number }>('SELECT COUNT(*) AS n FROM kept_file_words WHERE file_id = ?', [gone.id])?.n)).toBe(0);
  });
});
