/**
 * `npx tsx bench/dashboard-latency.ts [--orders 100000] [--sync-orders 20000]`: the Dashboard's calls on
 * a database of N orders, idle and while an order download runs (the engine in its worker thread, as the
 * hosts run it). The N orders are written straight into the store (statuses, order dates over 30 days,
 * history), which takes seconds where downloading them takes a minute; the download during the
 * measurement is a real one from the fake Shopify. Prints p50 / p95 / max per call and phase.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { MethodInput, MethodName, MethodOutput } from '../shared/contract.js';
import type { OrderStatus } from '../shared/domain.js';
import type { Engine } from '../main/engine/engine-api.js';
import { openStore } from '../main/engine/store/index.js';
import { migrations } from '../main/engine/store/migrations/index.js';
import { tallyInsertedOrder } from '../main/engine/store/repositories/order-tallies.js';
import { startEngineWorker } from '../main/host/worker-engine.js';
import { startFakes } from './fakes-client.js';
import { percentile, round } from './measure.js';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const UNLIMITED = { restoreRate: 10_000_000, maximumAvailable: 10_000_000 };
const DAY_MS = 86_400_000;
const CHUNK = 10_000;
/** Statuses of the seeded orders, most of them done as in a warehouse that has run a while. */
const MIX: [string, number][] = [['confirmed', 0.8], ['shipped', 0.05], ['at_wms', 0.08], ['new', 0.03], ['error', 0.02], ['on_hold', 0.01], ['skipped', 0.01]];

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
}

function statusAt(i: number, n: number): string {
  let x = (i * 7919) % n / n;
  for (const [status, share] of MIX) {
    if (x < share) return status;
    x -= share;
  }
  return 'confirmed';
}

async function seed(dataDir: string, merchantId: number, cartId: number, n: number): Promise<void> {
  const store = await openStore({ dir: join(dataDir, 'db'), migrations });
  const now = Date.now();
  for (let from = 0; from < n; from += CHUNK) {
    await store.write((db) => {
      for (let i = from; i < Math.min(n, from + CHUNK); i++) {
        const ordered = new Date(now - 30 * DAY_MS + (i / n) * 30 * DAY_MS).toISOString();
        const at = new Date(Date.parse(ordered) + 3_600_000).toISOString();
        const status = statusAt(i, n);
        const id = db.run(
          `INSERT INTO orders (cart_id, merchant_id, cart_order_id, order_number, status, ship_code, cart_updated_at, order_date, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, 'STD', ?, ?, ?, ?)`,
          [cartId, merchantId, `seed-${i}`, `S${i}`, status, ordered, ordered, at, at],
        ).lastInsertRowid;
        const payload = { orderNumber: `S${i}`, lines: [{ lineNo: 1, sku: `SKU-${i % 500}`, quantity: 1 }] };
        db.run('INSERT INTO order_payloads (order_id, data_json) VALUES (?, ?)', [id, JSON.stringify(payload)]);
        db.run('INSERT INTO order_history (order_id, at, from_status, to_status) VALUES (?, ?, NULL, ?)', [id, at, status]);
        // Written straight in, so counted in the Dashboard's tallies as insertOrder counts its orders.
        tallyInsertedOrder(db, { merchantId, cartId, status: status as OrderStatus, orderDate: ordered }, at);
      }
    });
  }
  await store.close();
}

type Call = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

async function time(call: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await call();
  return performance.now() - t0;
}

function summary(ms: number[]): string {
  return `p50 ${round(percentile(ms, 50))} · p95 ${round(percentile(ms, 95))} · max ${round(Math.max(...ms))} ms (${ms.length} calls)`;
}

async function main(): Promise<void> {
  const N = arg('orders', 100_000);
  const SYNC_N = arg('sync-orders', 20_000);
  const dataDir = await mkdtemp(join(tmpdir(), 'dockhand-dash-bench-'));
  const fakes = await startFakes(REPO_ROOT);
  let engine: Engine | undefined;
  try {
    const shop = await fakes.startShop('main', { orders: SYNC_N, ...UNLIMITED });
    engine = await startEngineWorker({ dataDir, startScheduler: false });
    let call: Call = (m, i) => engine!.call(m, i) as never;
    await call('account.setup', { mode: 'fulfillment' });
    const merchant = await call('merchants.create', { name: 'Bench Merchant', code: 'BENCH' });
    const cart = await call('carts.create', {
      merchantId: merchant.id,
      name: 'Bench Shopify',
      platform: 'shopify',
      earliestOrderDate: new Date(Date.now() - 40 * DAY_MS).toISOString(),
      settings: { shopDomain: shop.shopDomain, baseUrl: shop.url },
      credentials: { accessToken: shop.token },
      // The fake shop's ship codes are not mapped here: send them as received (a new store holds them by default).
      rejectUnmappedShipCodes: false,
    });
    await engine.close();
    const t0 = performance.now();
    await seed(dataDir, merchant.id, cart.id, N);
    console.error(`seeded ${N} orders in ${round((performance.now() - t0) / 1000, 1)} s`);
    engine = await startEngineWorker({ dataDir, startScheduler: false });
    call = (m, i) => engine!.call(m, i) as never;

    const methods = (await import('../shared/contract.js')).contract;
    const cases: [string, () => Promise<unknown>][] = [['dashboard.summary', () => call('dashboard.summary', {})]];
    if ('dashboard.charts' in methods) cases.push(['dashboard.charts', () => call('dashboard.charts' as never, {} as never)]);

    for (const [label, run] of cases) {
      await run();
      const idle: number[] = [];
      for (let i = 0; i < 40; i++) idle.push(await time(run));
      console.log(`${label} idle: ${summary(idle)}`);
    }
    // While a download writes SYNC_N orders: each call in turn, back to back, until the run ends.
    let done = false;
    const sync = call('services.runNow', { service: 'order_download', targetId: cart.id }).finally(() => (done = true));
    const during = new Map<string, number[]>(cases.map(([label]) => [label, []]));
    while (!done) {
      for (const [label, run] of cases) during.get(label)!.push(await time(run));
      await new Promise((r) => setTimeout(r, 20));
    }
    const run = await sync;
    for (const [label, ms] of during) console.log(`${label} during a download of ${run.counts.new ?? 0} orders: ${summary(ms)}`);
  } finally {
    await engine?.close().catch(() => {});
    await fakes.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
