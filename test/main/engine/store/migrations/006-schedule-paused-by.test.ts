import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../../../main/engine/store/index.js';
import { migrations } from '../../../../../main/engine/store/migrations/index.js';
import { listSchedules, setSchedulePause } from '../../../../../main/engine/store/repositories/schedules-repo.js';
import { tempStoreDir } from '../fixtures/store-fixtures.js';

describe('migration 006: a saved pause says who paused the job', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it("tells a person's pause from an auth pause in a version-4 database, drops the old flag, and keeps it across a reopen", async () => {
    const { dir, cleanup } = await tempStoreDir();
    cleanups.push(cleanup);
    const before = migrations.filter((m) => m.version <= 4);
    const v4 = await openStore({ dir, migrations: before });
    await v4.write((db) => {
      db.run(`INSERT INTO schedules (service, target_id, minutes, paused, pause_reason) VALUES ('order_download', 1, 15, 1, NULL)`);
      db.run(`INSERT INTO schedules (service, target_id, minutes, paused, pause_reason) VALUES ('order_download', 2, 15, 1, 'Shopify refused the access token')`);
      db.run(`INSERT INTO schedules (service, target_id, minutes, paused, pause_reason) VALUES ('order_delivery', 1, 5, 0, 'stale reason')`);
    });
    await v4.close();

    const migrated = await openStore({ dir, migrations });
    expect(migrated.schemaVersion).toBe(migrations.at(-1)!.version);
    expect(await migrated.read((db) => listSchedules(db).map((r) => [r.service, r.targetId, r.pause]))).toEqual([
      ['order_delivery', 1, null],
      ['order_download', 1, { by: 'person', reason: 'Paused by a person' }],
      ['order_download', 2, { by: 'auth', reason: 'Shopify refused the access token' }],
    ]);
    const columns = await migrated.read((db) => db.all<{ name: string }>('SELECT name FROM pragma_table_info(?)', ['schedules']).map((c) => c.name));
    expect(columns).not.toContain('paused');
    await migrated.write((db) => setSchedulePause(db, 'order_delivery', 1, { by: 'config', reason: 'No WMS is set up yet' }));
    await migrated.close();

    const again = await openStore({ dir, migrations });
    expect(await again.read((db) => listSchedules(db).find((r) => r.service === 'order_delivery')?.pause)).toEqual({
      by: 'config',
      reason: 'No WMS is set up yet',
    });
    await again.close();
  });
});
