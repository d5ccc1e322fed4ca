import { afterEach, describe, expect, it } from 'vitest';
import { orderFileProfileSchema } from '../../../../shared/schemas/csv-profile.js';
import { DEFAULT_CONFIRMATION_PROFILE, DEFAULT_ORDER_PROFILE, defaultCsvWmsSettings } from '../../../../shared/csv-defaults.js';
import { FORMAT_PRESETS } from '../../../../shared/format-presets.js';
import type { CsvWmsSettings } from '../../../../shared/schemas/wms.js';
import { profilesResolver } from '../../../../main/engine/formats/resolve-formats.js';
import { openStore, type Store } from '../../../../main/engine/store/index.js';
import { migrations } from '../../../../main/engine/store/migrations/index.js';
import { insertFileFormat, setMerchantFormatIds } from '../../../../main/engine/store/repositories/file-formats-repo.js';
import { insertMerchant } from '../../../../main/engine/store/repositories/merchants-repo.js';
import { tempStoreDir } from '../store/fixtures/store-fixtures.js';

const NOW = '2026-12-01T10:00:00.000Z';
const horizontal = FORMAT_PRESETS.find((p) => p.key === 'order-horizontal-10-items')!.profile;

describe('which profiles a merchant\'s files use', () => {
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

  it('takes the merchant\'s override, else the warehouse\'s format, else the embedded profile, else the standard one', async () => {
    const s = await store();
    const ids = await s.write((db) => ({
      mine: insertFileFormat(db, { kind: 'order', name: 'Mine', profile: horizontal }, NOW),
      acme: insertMerchant(db, { name: 'Acme', code: 'ACME', folders: null, errorContacts: [] }, NOW),
      beta: insertMerchant(db, { name: 'Beta', code: 'BETA', folders: null, errorContacts: [] }, NOW),
      stock: insertFileFormat(db, { kind: 'inventory', name: 'Stock', profile: { delimiter: ';', headerRow: true, columns: { sku: 'sku', quantity: 'qty' } } }, NOW),
    }));
    await s.write((db) => setMerchantFormatIds(db, ids.acme, { order: ids.mine }));
    // No order format chosen and none embedded: the standard one. The confirmation profile is embedded (settings from before 013).
    const settings: CsvWmsSettings = { ...defaultCsvWmsSettings({ kind: 'folder', path: '/srv/wms' }), orderProfile: undefined, inventoryProfile: undefined, formats: { inventory: ids.stock } };
    settings.confirmationProfile = { ...DEFAULT_CONFIRMATION_PROFILE, delimiter: '|' };
    const profilesFor = await s.read((db) => profilesResolver(db, settings));
    expect(profilesFor(ids.acme).order).toEqual(orderFileProfileSchema.parse(horizontal));
    expect(profilesFor(ids.beta).order).toEqual(DEFAULT_ORDER_PROFILE);
    expect(profilesFor(ids.beta).confirmation).toEqual({ ...DEFAULT_CONFIRMATION_PROFILE, delimiter: '|' });
    expect(profilesFor(ids.acme).inventory).toMatchObject({ delimiter: ';', columns: { quantity: { source: { kind: 'column', column: 'qty' } } } });
    expect(profilesFor(ids.beta).inventory).toMatchObject({ delimiter: ';', columns: { quantity: { source: { kind: 'column', column: 'qty' } } } });
  });

  it('stops only the file whose saved format is damaged, naming it, and leaves the others to work', async () => {
    const s = await store();
    const broken = await s.write((db) => insertFileFormat(db, { kind: 'inventory', name: 'Old stock layout', profile: { columns: { sku: 'SKU' } } }, NOW));
    const settings: CsvWmsSettings = { ...defaultCsvWmsSettings({ kind: 'folder', path: '/srv/wms' }), formats: { inventory: broken } };
    const profiles = (await s.read((db) => profilesResolver(db, settings)))(1);
    expect(profiles.order).toEqual(DEFAULT_ORDER_PROFILE);
    expect(() => profiles.inventory).toThrow(/The inventory file format "Old stock layout" cannot be used: .*columns\.quantity.*Open Formats and save it again/);
    const gone: CsvWmsSettings = { ...settings, formats: { order: 999 } };
    await expect(s.read((db) => profilesResolver(db, gone)(1).order)).rejects.toThrow(/order file format chosen for this merchant no longer exists/);
  });
});
