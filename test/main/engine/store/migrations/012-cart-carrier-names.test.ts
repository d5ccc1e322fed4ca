import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../../../main/engine/store/index.js';
import { migrations } from '../../../../../main/engine/store/migrations/index.js';
import { getCarrierNames, setCarrierNames } from '../../../../../main/engine/store/repositories/cart-carrier-names-repo.js';
import { deleteCart } from '../../../../../main/engine/store/repositories/carts-repo.js';
import { tempStoreDir } from '../fixtures/store-fixtures.js';

describe('migration 012: a cart keeps its own names for the warehouse carriers', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it('adds the table to a version-10 database with its carts, keeps names across a reopen and drops them with the cart', async () => {
    const { dir, cleanup } = await tempStoreDir();
    cleanups.push(cleanup);
    const v10 = await openStore({ dir, migrations: migrations.filter((m) => m.version <= 10) });
    await v10.write((db) => {
      db.run(`INSERT INTO merchants (name, code, created_at, updated_at) VALUES ('Acme', 'ACME', 'x', 'x')`);
      db.run(
        `INSERT INTO cart_connections (merchant_id, platform, name, order_source, settings_json, earliest_order_date, created_at, updated_at)
         VALUES (1, 'demo', 'Demo', 'Demo', '{}', '2026-01-01T00:00:00Z', 'x', 'x')`,
      );
    });
    await v10.close();

    const store = await openStore({ dir, migrations });
    expect(await store.read((db) => getCarrierNames(db, 1))).toEqual({});
    await store.write((db) => setCarrierNames(db, 1, { FDX: 'FedEx Freight', ' UPS ': ' UPS Ground ', DHL: '' }));
    await store.close();

    const again = await openStore({ dir, migrations });
    expect(await again.read((db) => getCarrierNames(db, 1))).toEqual({ FDX: 'FedEx Freight', UPS: 'UPS Ground' });
    await again.write((db) => deleteCart(db, 1));
    expect(await again.read((db) => db.all('SELECT * FROM cart_carrier_names'))).toEqual([]);
    await again.close();
  });
});
