import { afterEach, describe, expect, it } from 'vitest';
import { confirmationFileProfileSchema, inventoryFileProfileSchema, orderFileProfileSchema } from '../../../../../shared/schemas/csv-profile.js';
import { DEFAULT_CONFIRMATION_PROFILE, DEFAULT_ORDER_PROFILE, defaultCsvWmsSettings } from '../../../../../shared/csv-defaults.js';
import { csvWmsSettingsSchema } from '../../../../../shared/schemas/wms.js';
import { profilesResolver } from '../../../../../main/engine/formats/resolve-formats.js';
import { openStore } from '../../../../../main/engine/store/index.js';
import { migrations } from '../../../../../main/engine/store/migrations/index.js';
import { listFileFormats, merchantsUsingFormat } from '../../../../../main/engine/store/repositories/file-formats-repo.js';
import { getWms } from '../../../../../main/engine/store/repositories/wms-repo.js';
import { tempStoreDir } from '../fixtures/store-fixtures.js';

/** A WMS setup as version 12 saved it: the three profiles inside the settings, the order one edited. */
function oldSettings() {
  const settings = defaultCsvWmsSettings({ kind: 'folder', path: '/srv/wms' });
  settings.orderProfile = { ...DEFAULT_ORDER_PROFILE, name: 'Acme WMS import', delimiter: ';', layout: 'horizontal', maxItemsPerRow: 4 };
  // Written as version 12 saved it: plain column references (today's schema still reads them).
  settings.inventoryProfile = { delimiter: '|', headerRow: false, columns: { sku: 1, quantity: 2 } } as unknown as typeof settings.inventoryProfile;
  return settings;
}

describe('migration 013: the WMS setup\'s embedded file formats become saved formats', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it('turns the three embedded profiles into records named "Warehouse ... file", points the setup at them and resolves the same profiles', async () => {
    const { dir, cleanup } = await tempStoreDir();
    cleanups.push(cleanup);
    const old = oldSettings();
    const v12 = await openStore({ dir, migrations: migrations.filter((m) => m.version <= 12) });
    await v12.write((db) => {
      db.run(`INSERT INTO wms (id, kind, settings_json, secrets_sealed, updated_at) VALUES (1, 'csv', ?, NULL, '2026-11-01T08:00:00.000Z')`, [JSON.stringify(old)]);
      db.run(`INSERT INTO merchants (name, code, created_at, updated_at) VALUES ('Acme', 'ACME', 'x', 'x')`);
    });
    await v12.close();

    const store = await openStore({ dir, migrations });
    const { formats, wms, profiles } = await store.read((db) => {
      const wms = getWms(db)!;
      return { formats: listFileFormats(db), wms, profiles: profilesResolver(db, wms.settings)(1) };
    });
    expect(formats.map((f) => [f.kind, f.name, f.createdAt])).toEqual([
      ['order', 'Warehouse order file', '2026-11-01T08:00:00.000Z'],
      ['confirmation', 'Warehouse confirmation file', '2026-11-01T08:00:00.000Z'],
      ['inventory', 'Warehouse inventory file', '2026-11-01T08:00:00.000Z'],
    ]);
    // Copied as saved; read through today's schemas when used (old column references in today's shape).
    expect(formats.map((f) => f.profile)).toEqual([old.orderProfile, DEFAULT_CONFIRMATION_PROFILE, old.inventoryProfile]);
    const readToday = { order: orderFileProfileSchema.parse(old.orderProfile), confirmation: confirmationFileProfileSchema.parse(old.confirmationProfile), inventory: inventoryFileProfileSchema.parse(old.inventoryProfile) };
    expect(wms.settings.formats).toEqual({ order: formats[0].id, confirmation: formats[1].id, inventory: formats[2].id });
    expect(wms.settings).not.toHaveProperty('orderProfile');
    expect(wms.settings.transport).toEqual(old.transport);
    // The files an existing install writes and reads come from exactly the profiles it had.
    expect({ ...profiles }).toEqual(readToday);
    expect(await store.read((db) => merchantsUsingFormat(db, formats[0].id))).toEqual([]);
    await store.close();
  });

  it('adds the tables to a database without a WMS setup and creates no formats', async () => {
    const { dir, cleanup } = await tempStoreDir();
    cleanups.push(cleanup);
    const v12 = await openStore({ dir, migrations: migrations.filter((m) => m.version <= 12) });
    await v12.close();
    const store = await openStore({ dir, migrations });
    expect(await store.read((db) => listFileFormats(db))).toEqual([]);
    expect(await store.read((db) => db.all('SELECT * FROM merchant_file_formats'))).toEqual([]);
    await store.close();
  });

  it('still reads settings saved before it: the old JSON with embedded profiles parses', () => {
    const parsed = csvWmsSettingsSchema.parse(JSON.parse(JSON.stringify(oldSettings())));
    expect(parsed.orderProfile?.name).toBe('Acme WMS import');
    expect(parsed.formats).toBeUndefined();
    expect(csvWmsSettingsSchema.parse({ ...parsed, orderProfile: undefined, formats: { order: 1 } }).formats).toEqual({ order: 1 });
  });
});
