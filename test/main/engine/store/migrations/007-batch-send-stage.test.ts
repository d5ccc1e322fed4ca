import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../../../main/engine/store/index.js';
import { migrations } from '../../../../../main/engine/store/migrations/index.js';
import { tempStoreDir } from '../fixtures/store-fixtures.js';

describe('migration 007: batch send stage', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it('marks a pending batch whose last send never concluded as unknown, and leaves every other batch without a stage', async () => {
    const { dir, cleanup } = await tempStoreDir();
    cleanups.push(cleanup);
    const before = migrations.filter((m) => m.version < 7);
    const old = await openStore({ dir, migrations: before });
    await old.write((db) => {
      const insert = `INSERT INTO batches (id, merchant_id, status, order_count, attempts, sends_started, created_at) VALUES (?, 1, ?, 3, ?, ?, '2026-11-27T00:00:00.000Z')`;
      db.run(insert, ['ACME-000001', 'delivered', 1, 1]);
      db.run(insert, ['ACME-000002', 'pending', 1, 1]); // its only send surely failed
      db.run(insert, ['ACME-000003', 'pending', 0, 1]); // a send began and never concluded
    });
    await old.close();

    const store = await openStore({ dir, migrations });
    expect(store.schemaVersion).toBe(migrations.at(-1)!.version);
    const rows = await store.read((db) => db.all<{ id: string; send_stage: string | null }>('SELECT id, send_stage FROM batches ORDER BY id'));
    expect(rows).toEqual([
      { id: 'ACME-000001', send_stage: null },
      { id: 'ACME-000002', send_stage: null },
      { id: 'ACME-000003', send_stage: 'unknown' },
    ]);
    await store.close();
  });
});
