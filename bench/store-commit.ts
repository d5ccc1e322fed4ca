/**
 * Micro-benchmark of the journaled store: fills a database with N orders (default 20,000; `--orders
 * 100000` for the target size), then measures small commits against a bare append+fdatasync of the same
 * bytes, a snapshot, and a reopen (snapshot load + integrity check + journal replay).
 * Run: node --import tsx bench/store-commit.ts --orders 100000
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { measureBareFsync, openStore, type Migration } from '../main/engine/store/index.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ORDERS = arg('orders', 20_000);
const SMALL_COMMITS = arg('commits', 300);
const PAGE = 250;

const ordersMigration: Migration = {
  version: 1,
  name: 'orders',
  up(db) {
    db.run(`CREATE TABLE orders (id INTEGER PRIMARY KEY, cart_id INTEGER NOT NULL, external_id TEXT NOT NULL,
      status TEXT NOT NULL, total TEXT NOT NULL, payload TEXT NOT NULL, updated_at TEXT NOT NULL,
      UNIQUE (cart_id, external_id))`);
  },
};

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
};
const r2 = (x: number) => Math.round(x * 100) / 100;
const payload = 'x'.repeat(1800);

const dir = await mkdtemp(join(tmpdir(), 'dockhand-bench-store-'));
try {
  let store = await openStore({ dir, migrations: [ordersMigration] });
  const tFill = performance.now();
  for (let start = 0; start < ORDERS; start += PAGE) {
    await store.write((db) => {
      for (let i = start; i < Math.min(ORDERS, start + PAGE); i++)
        db.run(
          'INSERT INTO orders (cart_id, external_id, status, total, payload, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
          [1, `gid://shopify/Order/${1e9 + i}`, 'new', '129.95', payload, '2025-01-01T00:00:00.000Z'],
        );
    });
  }
  const fillSec = (performance.now() - tFill) / 1000;
  const fillCommitMs = store.metrics().commitMs;
  const fillSnapshots = store.metrics().snapshots;
  const dbMB = store.sizeBytes() / 2 ** 20;

  const commitMs: number[] = [];
  const bareMs: number[] = [];
  for (let k = 0; k < SMALL_COMMITS; k++) {
    const before = store.metrics().commitMs.length;
    await store.write((db) =>
      db.run('UPDATE orders SET status = ?, updated_at = ? WHERE id = ?', ['at_wms', new Date(k).toISOString(), 1 + (k * 7919) % ORDERS]),
    );
    const m = store.metrics();
    commitMs.push(m.commitMs[before]);
    bareMs.push(await measureBareFsync(dir, m.commitBytes[before]));
  }

  // Commits while a snapshot is exported (blocking) and written (competing for the disk).
  const tSnap = performance.now();
  let snapDone = false;
  const snap = store.snapshot().then(() => (snapDone = true));
  const duringMs: number[] = [];
  while (!snapDone) {
    const t0 = performance.now();
    await store.write((db) => db.run('UPDATE orders SET status = ? WHERE id = ?', ['during', 1]));
    duringMs.push(performance.now() - t0);
  }
  await snap;
  const snapshotSec = (performance.now() - tSnap) / 1000;
  for (let k = 0; k < 50; k++) await store.write((db) => db.run('UPDATE orders SET status = ? WHERE id = ?', ['shipped', k + 1]));
  const tClose = performance.now();
  await store.close();
  const closeSec = (performance.now() - tClose) / 1000;
  const tOpen = performance.now();
  store = await openStore({ dir, migrations: [ordersMigration] });
  const openSec = (performance.now() - tOpen) / 1000;
  await store.close();

  const result = {
    orders: ORDERS,
    dbMB: r2(dbMB),
    fillSec: r2(fillSec),
    fillCommitP50Ms: r2(pct(fillCommitMs, 50)),
    fillCommitP99Ms: r2(pct(fillCommitMs, 99)),
    fillCommitMaxMs: r2(Math.max(...fillCommitMs)),
    fillSnapshots,
    commitP50Ms: r2(pct(commitMs, 50)),
    commitP99Ms: r2(pct(commitMs, 99)),
    bareFsyncP50Ms: r2(pct(bareMs, 50)),
    bareFsyncP99Ms: r2(pct(bareMs, 99)),
    snapshotSec: r2(snapshotSec),
    commitsDuringSnapshot: duringMs.length,
    duringSnapshotP50Ms: r2(pct(duringMs, 50)),
    duringSnapshotP99Ms: r2(pct(duringMs, 99)),
    duringSnapshotMaxMs: r2(Math.max(...duringMs)),
    closeSec: r2(closeSec),
    reopenSec: r2(openSec),
    rssMB: r2(process.memoryUsage().rss / 2 ** 20),
  };
  console.table(result);
  console.log(JSON.stringify(result));
} finally {
  await rm(dir, { recursive: true, force: true });
}
