/**
 * `npx tsx bench/tally-write-cost.ts [N]`: what keeping the Dashboard's tallies costs a write of orders.
 * N orders inserted, then moved new -> at_wms -> shipped, each phase in one transaction, on a fresh store
 * with all migrations ("as migrated"), and again on stores where the tallies' triggers of migration 008,
 * if the store still has them, are swapped for a do-nothing trigger (what the statement journal alone
 * costs) or for none. Prints CPU ms of each phase (the machine may be busy), best of three rounds. Run it on the commit before migration 010 to see the triggers.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../main/engine/store/index.js';
import { migrations } from '../main/engine/store/migrations/index.js';
import { insertCart } from '../main/engine/store/repositories/carts-repo.js';
import { insertMerchant } from '../main/engine/store/repositories/merchants-repo.js';
import { insertOrder, markDeliveredIfNew, setStatus } from '../main/engine/store/repositories/orders-repo.js';
import { sampleOrder } from '../test/main/engine/csv/sample-orders.js';

const N = Number(process.argv[2] ?? 5000);
const NOW = '2026-11-27T08:00:00.000Z';
const TRIGGERS = ['orders_tally_insert', 'orders_tally_update', 'orders_tally_delete'];

async function run(variant: 'as migrated' | 'no-op trigger' | 'no trigger', n: number): Promise<Record<string, number>> {
  const dir = await mkdtemp(join(tmpdir(), 'dockhand-tally-bench-'));
  const store = await openStore({ dir, migrations });
  const times: Record<string, number> = {};
  try {
    const cartId = await store.write((db) => {
      if (variant !== 'as migrated') {
        for (const t of TRIGGERS) db.run(`DROP TRIGGER IF EXISTS ${t}`);
        if (variant === 'no-op trigger') {
          db.run('CREATE TRIGGER bench_noop_insert AFTER INSERT ON orders WHEN 0 BEGIN SELECT 1; END');
          db.run('CREATE TRIGGER bench_noop_update AFTER UPDATE OF status ON orders WHEN 0 BEGIN SELECT 1; END');
        }
      }
      const merchantId = insertMerchant(db, { name: 'Bench', code: 'B', folders: null, errorContacts: [] }, NOW);
      return insertCart(
        db,
        { merchantId, platform: 'demo', name: 'Shop', orderSource: 'shop', settings: {}, credentialsSealed: null, earliestOrderDate: '2026-11-01', rejectUnmapped: false, minInventoryLevel: 0 },
        NOW,
      );
    });
    const merchantId = await store.read((db) => db.get<{ m: number }>('SELECT merchant_id AS m FROM cart_connections WHERE id = ?', [cartId])!.m);
    const ids: number[] = [];
    const phase = async (name: string, fn: Parameters<typeof store.write>[0]) => {
      const t = process.cpuUsage();
      await store.write(fn);
      const used = process.cpuUsage(t);
      times[name] = Math.round((used.user + used.system) / 1000);
    };
    await phase('insert', (db) => {
      for (let i = 0; i < n; i++) {
        const order = sampleOrder({ cartOrderId: `o${i}`, orderNumber: `#${i}`, orderDate: '2026-11-20T10:00:00Z' });
        ids.push(insertOrder(db, { cartId, merchantId, order, status: 'new', reason: null, mappedShipCode: 'STD' }, NOW));
      }
    });
    await phase('deliver', (db) => {
      for (const id of ids) markDeliveredIfNew(db, id, 'f.csv', NOW);
    });
    await phase('ship', (db) => {
      for (const id of ids) setStatus(db, id, 'at_wms', 'shipped', null, NOW);
    });
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
  return times;
}

// A small first run warms sql.js and the JIT, which would otherwise be charged to the first variant.
await run('as migrated', 200);
const best = new Map<string, Record<string, number>>();
for (let round = 0; round < 3; round++) {
  for (const variant of ['as migrated', 'no-op trigger', 'no trigger'] as const) {
    const times = await run(variant, N);
    const so = best.get(variant) ?? times;
    best.set(variant, Object.fromEntries(Object.entries(times).map(([k, v]) => [k, Math.min(v, so[k])])));
  }
}
for (const [variant, times] of best) console.log(variant.padEnd(14), JSON.stringify(times));
