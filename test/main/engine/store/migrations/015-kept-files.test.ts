import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../../../main/engine/store/index.js';
import { migrations } from '../../../../../main/engine/store/migrations/index.js';
import { insertKeptFile, listKeptFiles, type NewKeptFile } from '../../../../../main/engine/store/repositories/kept-files-repo.js';
import { tempStoreDir } from '../fixtures/store-fixtures.js';

function keptFile(over: Partial<NewKeptFile> = {}): NewKeptFile {
  return {
    merchantId: 1,
    cartId: null,
    direction: 'sent',
    kind: 'order',
    remotePath: 'ACME/orders/orders-ACME-1.csv',
    name: 'orders-ACME-1.csv',
    size: 10,
    rows: 2,
    errors: 0,
    firstErrors: '',
    sha256: 'ab',
    keptPath: '2026-12-06/x-orders-ACME-1.csv',
    createdAt: '2026-12-06T14:00:00.000Z',
    ...over,
  };
}

describe('migration 015: kept files', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it('adds the table to a version-14 database, and a kept file row survives a reopen', async () => {
    const { dir, cleanup } = await tempStoreDir();
    cleanups.push(cleanup);
    const v14 = await openStore({ dir, migrations: migrations.filter((m) => m.version <= 14) });
    await v14.close();

    const store = await openStore({ dir, migrations });
    await store.write((db) => insertKeptFile(db, keptFile()));
    await store.close();
    const again = await openStore({ dir, migrations });
    const { items, total } = await again.read((db) => listKeptFiles(db, {}, { limit: 10, offset: 0 }));
    expect(total).toBe(1);
    expect(items[0]).toMatchObject({ merchantId: 1, direction: 'sent', kind: 'order', name: 'orders-ACME-1.csv', rows: 2 });
    await again.close();
  });

  it('lists newest first through its index and filters by merchant, direction, kind, dates and text in the name', async () => {
    const { dir, cleanup } = await tempStoreDir();
    cleanups.push(cleanup);
    const store = await openStore({ dir, migrations });
    await store.write((db) => {
      insertKeptFile(db, keptFile({ createdAt: '2026-12-01T10:00:00.000Z', name: 'orders-ACME-1.csv' }));
      insertKeptFile(db, keptFile({ createdAt: '2026-12-03T10:00:00.000Z', name: 'conf_50%.csv', direction: 'received', kind: 'confirmation' }));
      insertKeptFile(db, keptFile({ createdAt: '2026-12-05T10:00:00.000Z', name: 'stock.csv', direction: 'received', kind: 'inventory', merchantId: 2 }));
    });
    const names = (filter: Parameters<typeof listKeptFiles>[1]) =>
      store.read((db) => listKeptFiles(db, filter, { limit: 10, offset: 0 }).items.map((f) => f.name));
    expect(await names({})).toEqual(['stock.csv', 'conf_50%.csv', 'orders-ACME-1.csv']);
    expect(await names({ merchantId: 2 })).toEqual(['stock.csv']);
    expect(await names({ direction: 'sent' })).toEqual(['orders-ACME-1.csv']);
    expect(await names({ kind: 'confirmation' })).toEqual(['conf_50%.csv']);
    expect(await names({ from: '2026-12-02T00:00:00.000Z', to: '2026-12-04T00:00:00.000Z' })).toEqual(['conf_50%.csv']);
    expect(await names({ text: '50%' })).toEqual(['conf_50%.csv']);
    expect(await names({ text: 'ACME' })).toEqual(['orders-ACME-1.csv']);
    const plan = await store.read((db) => db.all<{ detail: string }>('EXPLAIN QUERY PLAN SELECT * FROM kept_files ORDER BY created_at DESC, id DESC LIMIT 50'));
    expect(plan.map((p) => p.detail).join(' ')).toContain('kept_files_by_time');
    await store.close();
  });
});
