import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../../../main/engine/store/index.js';
import { migrations } from '../../../../../main/engine/store/migrations/index.js';
import { getSetting, putSetting } from '../../../../../main/engine/store/repositories/settings-repo.js';
import { tempStoreDir } from '../fixtures/store-fixtures.js';

describe('migration 003: settings', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it('adds a settings table to a version-2 database, keeping its data, and its values survive a reopen', async () => {
    const { dir, cleanup } = await tempStoreDir();
    cleanups.push(cleanup);
    const v2 = await openStore({ dir, migrations: migrations.slice(0, 2) });
    await v2.write((db) => db.run(`INSERT INTO merchants (name, code, created_at, updated_at) VALUES ('Acme', 'ACME', 'x', 'x')`));
    await v2.close();

    const v3 = await openStore({ dir, migrations: migrations.slice(0, 3) });
    expect(v3.schemaVersion).toBe(3);
    expect(await v3.read((db) => getSetting(db, 'demo_warehouse'))).toBeUndefined();
    await v3.write((db) => {
      putSetting(db, 'demo_warehouse', { enabled: true }, '2026-11-27T00:00:00.000Z');
      putSetting(db, 'demo_warehouse', { enabled: false }, '2026-11-27T00:01:00.000Z');
    });
    await v3.close();

    const again = await openStore({ dir, migrations: migrations.slice(0, 3) });
    expect(await again.read((db) => getSetting(db, 'demo_warehouse'))).toEqual({ enabled: false });
    expect(await again.read((db) => db.get<{ n: number }>('SELECT COUNT(*) AS n FROM merchants'))).toEqual({ n: 1 });
    await again.close();
  });
});
