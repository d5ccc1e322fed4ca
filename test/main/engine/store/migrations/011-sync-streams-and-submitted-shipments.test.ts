import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../../../main/engine/store/index.js';
import { migrations } from '../../../../../main/engine/store/migrations/index.js';
import { getCart, listCarts } from '../../../../../main/engine/store/repositories/carts-repo.js';
import { listSyncPositions, setSyncPosition } from '../../../../../main/engine/store/repositories/sync-positions-repo.js';
import { tempStoreDir } from '../fixtures/store-fixtures.js';

const CART = `INSERT INTO cart_connections (id, merchant_id, platform, name, order_source, settings_json, earliest_order_date, sync_cursor, created_at, updated_at)
  VALUES (?, 1, 'demo', ?, 'shop', '{}', '2026-01-01T00:00:00.000Z', ?, '2026-01-02T00:00:00.000Z', ?)`;

describe("migration 011: a cart's sync positions by stream, and shipments submitted to be checked later", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it("turns each cart's cursor of a version-10 database into its 'orders' position, drops the old column, and keeps it across a reopen", async () => {
    const { dir, cleanup } = await tempStoreDir();
    cleanups.push(cleanup);
    const v10 = await openStore({ dir, migrations: migrations.filter((m) => m.version <= 10) });
    expect(v10.schemaVersion).toBe(10);
    await v10.write((db) => {
      db.run(`INSERT INTO merchants (id, name, code, created_at, updated_at) VALUES (1, 'Acme', 'ACME', '2026-01-01', '2026-01-01')`);
      db.run(CART, [1, 'Started', '{"issued":12}', '2026-03-04T05:06:07.000Z']);
      db.run(CART, [2, 'Never run', null, '2026-01-02T00:00:00.000Z']);
      db.run(
        `INSERT INTO shipments (order_id, cart_id, tracking_number, carrier, ship_date, items_json, status, created_at)
         VALUES (7, 1, '1Z1', 'UPS', '2026-03-01', '[]', 'pending', '2026-03-01T00:00:00.000Z')`,
      );
    });
    await v10.close();

    const migrated = await openStore({ dir, migrations });
    expect(migrated.schemaVersion).toBe(migrations.at(-1)!.version);
    expect(await migrated.read((db) => listCarts(db).map((c) => [c.name, c.syncCursor]))).toEqual([
      ['Never run', null],
      ['Started', '{"issued":12}'],
    ]);
    expect(await migrated.read((db) => listSyncPositions(db, 1))).toEqual([
      { stream: 'orders', position: '{"issued":12}', updatedAt: '2026-03-04T05:06:07.000Z' },
    ]);
    expect(await migrated.read((db) => listSyncPositions(db, 2))).toEqual([]);
    const columns = (table: string) => migrated.read((db) => db.all<{ name: string }>('SELECT name FROM pragma_table_info(?)', [table]).map((c) => c.name));
    expect(await columns('cart_connections')).not.toContain('sync_cursor');
    expect(await columns('shipments')).toContain('submitted_at');
    expect(await migrated.read((db) => db.get<{ status: string; submitted_at: string | null }>('SELECT status, submitted_at FROM shipments'))).toEqual({
      status: 'pending',
      submitted_at: null,
    });

    await migrated.write((db) => setSyncPosition(db, 2, 'inventory_feeds', 'feed-1', '2026-04-01T00:00:00.000Z'));
    await migrated.close();
    const again = await openStore({ dir, migrations });
    expect(await again.read((db) => [getCart(db, 1)!.syncCursor, listSyncPositions(db, 2).map((p) => p.stream)])).toEqual([
      '{"issued":12}',
      ['inventory_feeds'],
    ]);
    expect(await again.read((db) => getCart(db, 2)!.syncCursor)).toBeNull();
    await again.close();
  });
});
