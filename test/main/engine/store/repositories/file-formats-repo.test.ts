import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_INVENTORY_PROFILE } from '../../../../../shared/csv-defaults.js';
import { openStore, type Store } from '../../../../../main/engine/store/index.js';
import { migrations } from '../../../../../main/engine/store/migrations/index.js';
import {
  deleteFileFormat,
  getMerchantFormatIds,
  insertFileFormat,
  listFileFormats,
  listMerchantFormatIds,
  merchantsUsingFormat,
  setMerchantFormatIds,
  uniqueFormatName,
} from '../../../../../main/engine/store/repositories/file-formats-repo.js';
import { deleteMerchant, insertMerchant } from '../../../../../main/engine/store/repositories/merchants-repo.js';
import { tempStoreDir } from '../fixtures/store-fixtures.js';

const NOW = '2026-12-01T10:00:00.000Z';

describe('the file formats repository', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });
  async function store(): Promise<Store> {
    const { dir, cleanup } = await tempStoreDir();
    const s = await openStore({ dir, migrations });
    cleanups.push(async () => {
      await s.close();
      await cleanup();
    });
    return s;
  }
  const stock = (name: string) => ({ kind: 'inventory' as const, name, profile: DEFAULT_INVENTORY_PROFILE });

  it('keeps names unique per kind without regard to case, and finds the next free "(n)"', async () => {
    const s = await store();
    await s.write((db) => {
      insertFileFormat(db, stock('Stock'), NOW);
      insertFileFormat(db, stock('Stock (2)'), NOW);
      insertFileFormat(db, { ...stock('Stock'), kind: 'confirmation' }, NOW);
    });
    await expect(s.write((db) => insertFileFormat(db, stock('STOCK'), NOW))).rejects.toThrow();
    expect(await s.read((db) => uniqueFormatName(db, 'inventory', 'stock'))).toBe('stock (3)');
    expect(await s.read((db) => uniqueFormatName(db, 'order', 'Stock'))).toBe('Stock');
    expect(await s.read((db) => uniqueFormatName(db, 'order', 'Stock', new Set(['order:stock'])))).toBe('Stock (2)');
    expect((await s.read((db) => listFileFormats(db))).map((f) => `${f.kind}:${f.name}`)).toEqual(['confirmation:Stock', 'inventory:Stock', 'inventory:Stock (2)']);
  });

  it('keeps a merchant\'s overrides until its merchant goes, and will not drop a format a merchant uses', async () => {
    const s = await store();
    const { formatId, merchantId } = await s.write((db) => {
      const formatId = insertFileFormat(db, stock('Bins'), NOW);
      const merchantId = insertMerchant(db, { name: 'Acme', code: 'ACME', folders: null, errorContacts: [] }, NOW);
      setMerchantFormatIds(db, merchantId, { inventory: formatId });
      return { formatId, merchantId };
    });
    expect(await s.read((db) => getMerchantFormatIds(db, merchantId))).toEqual({ inventory: formatId });
    expect(await s.read((db) => merchantsUsingFormat(db, formatId))).toEqual([{ id: merchantId, name: 'Acme' }]);
    await expect(s.write((db) => deleteFileFormat(db, formatId))).rejects.toThrow();
    await s.write((db) => deleteMerchant(db, merchantId));
    expect(await s.read((db) => listMerchantFormatIds(db).size)).toBe(0);
    await s.write((db) => deleteFileFormat(db, formatId));
    expect(await s.read((db) => listFileFormats(db))).toEqual([]);
  });
});
