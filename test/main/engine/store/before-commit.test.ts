import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { atTransactionEnd } from '../../../../main/engine/store/before-commit.js';
import { openStore, type SqlRunner } from '../../../../main/engine/store/index.js';
import { crashImage, itemsMigration, tempStoreDir } from './fixtures/store-fixtures.js';

describe('work saved for the end of a write transaction', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  const saveSum = (db: SqlRunner, key: object, sum: { n: number }) =>
    atTransactionEnd(key, () => db.run('INSERT INTO items (n, label) VALUES (?, ?)', [sum.n, 'sum']));

  it('runs once per key before the commit, is journaled like the rest, and is dropped with a failed transaction', async () => {
    const { dir, cleanup } = await tempStoreDir();
    cleanups.push(cleanup);
    const store = await openStore({ dir, migrations: [itemsMigration] });
    await store.write((db) => {
      const key = {};
      const sum = { n: 0 };
      for (let i = 1; i <= 3; i++) {
        sum.n += i;
        expect(saveSum(db, key, sum)).toBe(true);
      }
      // Not yet: the work waits for the end.
      expect(db.get('SELECT n FROM items')).toBeUndefined();
    });
    await expect(
      store.write((db) => {
        saveSum(db, {}, { n: 100 });
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    // No transaction open: the caller is told to do its work at once.
    expect(atTransactionEnd({}, () => {})).toBe(false);

    const items = async (s: typeof store) => s.read((db) => db.all<{ n: number; label: string }>('SELECT n, label FROM items ORDER BY n'));
    expect(await items(store)).toEqual([{ n: 6, label: 'sum' }]);
    const image = await crashImage(dir);
    cleanups.push(() => rm(image, { recursive: true, force: true }));
    await store.close();
    const replayed = await openStore({ dir: image, migrations: [itemsMigration] });
    expect(await items(replayed)).toEqual([{ n: 6, label: 'sum' }]);
    await replayed.close();
  });
});
