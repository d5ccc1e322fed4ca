import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type OpenedStore, type SqlReader } from '../../../../../main/engine/store/index.js';
import { migrations } from '../../../../../main/engine/store/migrations/index.js';
import { upsertInventoryLevels } from '../../../../../main/engine/store/repositories/inventory-repo.js';
import { insertMerchant } from '../../../../../main/engine/store/repositories/merchants-repo.js';
import { crashImage, tempStoreDir } from '../fixtures/store-fixtures.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function open(dir: string): Promise<OpenedStore> {
  const store = await openStore({ dir, migrations });
  cleanups.push(() => store.close().catch(() => {}));
  return store;
}

const inventory = (db: SqlReader) =>
  db.all<{ merchant_id: number; sku: string; quantity: number; location: string | null; snapshot_at: string; source_file: string }>(
    'SELECT merchant_id, sku, quantity, location, snapshot_at, source_file FROM inventory ORDER BY merchant_id, sku',
  );

describe('saving the levels of an inventory file', () => {
  it('inserts new SKUs and overwrites known ones, per merchant, in counts that are not a multiple of a statement, and reads back the same after a crash', async () => {
    const t = await tempStoreDir();
    cleanups.push(t.cleanup);
    const store = await open(t.dir);
    const [acme, other] = await store.write((db) => [
      insertMerchant(db, { name: 'Acme', code: 'ACME', folders: null, errorContacts: [] }, '2026-12-01T00:00:00.000Z'),
      insertMerchant(db, { name: 'Other', code: 'OTHER', folders: null, errorContacts: [] }, '2026-12-01T00:00:00.000Z'),
    ]);
    const level = (i: number, quantity: number) => (i % 3 === 0 ? { sku: `SKU-${String(i).padStart(3, '0')}`, quantity } : { sku: `SKU-${String(i).padStart(3, '0')}`, quantity, location: `BIN-${i}` });
    const first = Array.from({ length: 150 }, (_, i) => level(i, i));
    await store.write((db) => {
      upsertInventoryLevels(db, acme, first, '2026-12-01T08:00:00.000Z', 'stock-1.csv');
      upsertInventoryLevels(db, other, [{ sku: 'SKU-000', quantity: 99 }], '2026-12-01T08:00:00.000Z', 'other.csv');
    });
    // The next file lists SKUs 100..186: 50 of them known (overwritten, a location dropped where it has none), 37 new.
    const second = Array.from({ length: 87 }, (_, k) => level(100 + k, 1000 + k));
    await store.write((db) => upsertInventoryLevels(db, acme, second, '2026-12-02T08:00:00.000Z', 'stock-2.csv'));

    const rows = await store.read(inventory);
    const expected = [
      ...first.slice(0, 100).map((l) => ({ merchant_id: acme, sku: l.sku, quantity: l.quantity, location: l.location ?? null, snapshot_at: '2026-12-01T08:00:00.000Z', source_file: 'stock-1.csv' })),
      ...second.map((l) => ({ merchant_id: acme, sku: l.sku, quantity: l.quantity, location: l.location ?? null, snapshot_at: '2026-12-02T08:00:00.000Z', source_file: 'stock-2.csv' })),
      { merchant_id: other, sku: 'SKU-000', quantity: 99, location: null, snapshot_at: '2026-12-01T08:00:00.000Z', source_file: 'other.csv' },
    ];
    expect(rows).toEqual(expected);

    const image = await crashImage(t.dir);
    cleanups.push(() => rm(image, { recursive: true, force: true }));
    const reopened = await open(image);
    expect(await reopened.read(inventory)).toEqual(expected);
  });
});
