import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../../../main/engine/store/index.js';
import { migrations } from '../../../../../main/engine/store/migrations/index.js';
import { tempStoreDir } from '../fixtures/store-fixtures.js';

describe('migration 002: batch send attempts', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it('adds sends_started to a version-1 database, keeping its batches, with 0 for each', async () => {
    const { dir, cleanup } = await tempStoreDir();
    cleanups.push(cleanup);
    const v1 = await openStore({ dir, migrations: migrations.slice(0, 1) });
    await v1.write((db) =>
      db.run(`INSERT INTO batches (id, merchant_id, status, order_count, created_at) VALUES ('ACME-000001', 1, 'pending', 3, '2026-11-27T00:00:00.000Z')`),
    );
    await v1.close();

    const v2 = await openStore({ dir, migrations: migrations.slice(0, 2) });
    expect(v2.schemaVersion).toBe(2);
    const row = await v2.read((db) => db.get<{ sends_started: number; order_count: number }>('SELECT sends_started, order_count FROM batches'));
    expect(row).toEqual({ sends_started: 0, order_count: 3 });
    await v2.close();
  });
});
