/**
 * Micro-benchmark of the journaled store: fills a database with N orders (default 20,000; `--orders
 * 100000` for the target size), then measures small commits against a bare append+fdatasync of the same
 * bytes, commits made while the thread is kept busy, one commit touching every order (like a shipment
 * pickup) with its record size in the current and the old format, a snapshot, a replay of the whole
 * journal (what a crash costs on open) and a reopen after close (snapshot load + integrity check).
 * Run: node --import tsx bench/store-commit.ts --orders 100000
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { measureBareFsync, openStore, type Migration } from '../main/engine/store/index.js';
import { encodeRecord, type JournalStatement } from '../main/engine/store/journal-record.js';
import { encodeRecordV1 } from '../main/engine/store/journal-record-v1.js';

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
const mb = (bytes: number) => r2(bytes / 2 ** 20);
/** Peak RSS of the process so far (ru_maxrss), in MB. */
const peakRssMB = () => r2(process.resourceUsage().maxRSS / 1024);
const busyFor = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    /* keep the thread busy, as a saturated engine would */
  }
};

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
  const fillPeakRssMB = peakRssMB();
  const dbMB = store.sizeBytes() / 2 ** 20;
  const fillJournalMB = mb(store.metrics().journalBytes);

  // What a crash now would cost on open: replay of every commit since the last snapshot.
  const { cp, unlink } = await import('node:fs/promises');
  const crashDir = `${dir}-crash`;
  await cp(dir, crashDir, { recursive: true });
  await unlink(join(crashDir, 'store.lock')).catch(() => {});

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

  // Commits followed by 30 ms of other work on the same thread before it gets back to the event loop:
  // commitMs must not count that wait; the wall time to the write's resolution does.
  const busyCommitMs: number[] = [];
  const busyWallMs: number[] = [];
  for (let k = 0; k < 40; k++) {
    const before = store.metrics().commitMs.length;
    const t0 = performance.now();
    const done = store.write((db) => db.run('UPDATE orders SET status = ? WHERE id = ?', ['busy', 1 + k]));
    busyFor(30);
    await done;
    busyWallMs.push(performance.now() - t0);
    busyCommitMs.push(store.metrics().commitMs[before]);
  }

  // One commit updating every order (the shape of a big shipment pickup), and its record in both formats.
  const bulkSql = 'UPDATE orders SET status = ?, updated_at = ? WHERE cart_id = ? AND external_id = ?';
  const bulkParams = (i: number) => ['shipped', '2025-01-02T00:00:00.000Z', 1, `gid://shopify/Order/${1e9 + i}`];
  const before = store.metrics().commitMs.length;
  const tBulk = performance.now();
  await store.write((db) => {
    for (let i = 0; i < ORDERS; i++) db.run(bulkSql, bulkParams(i));
  });
  const bulkWallSec = (performance.now() - tBulk) / 1000;
  const bulkCommitMs = store.metrics().commitMs[before];
  const bulkRecordMB = mb(store.metrics().commitBytes[before]);
  const statements: JournalStatement[] = Array.from({ length: ORDERS }, (_, i) => ({ mode: 'single', sql: bulkSql, params: bulkParams(i) }));
  const t = performance.now();
  const v2Bytes = encodeRecord({ seq: 1, statements }).length;
  const encodeV2Ms = performance.now() - t;
  // Size only: encodeRecordV1 is a simple test encoder, not the old writer, so its speed means nothing.
  const v1Bytes = encodeRecordV1({ seq: 1, statements }).length;
  statements.length = 0;

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
  const tReplay = performance.now();
  store = await openStore({ dir: crashDir, migrations: [ordersMigration] });
  const replaySec = (performance.now() - tReplay) / 1000;
  await store.close();
  await rm(crashDir, { recursive: true, force: true });

  const result = {
    orders: ORDERS,
    dbMB: r2(dbMB),
    fillSec: r2(fillSec),
    fillCommitP50Ms: r2(pct(fillCommitMs, 50)),
    fillCommitP99Ms: r2(pct(fillCommitMs, 99)),
    fillCommitMaxMs: r2(Math.max(...fillCommitMs)),
    fillSnapshots,
    fillJournalMB,
    fillPeakRssMB,
    commitP50Ms: r2(pct(commitMs, 50)),
    commitP99Ms: r2(pct(commitMs, 99)),
    bareFsyncP50Ms: r2(pct(bareMs, 50)),
    bareFsyncP99Ms: r2(pct(bareMs, 99)),
    busyCommitP50Ms: r2(pct(busyCommitMs, 50)),
    busyCommitP99Ms: r2(pct(busyCommitMs, 99)),
    busyWallP50Ms: r2(pct(busyWallMs, 50)),
    bulkRows: ORDERS,
    bulkWallSec: r2(bulkWallSec),
    bulkCommitMs: r2(bulkCommitMs),
    bulkRecordMB,
    bulkRecordV1MB: mb(v1Bytes),
    bulkRecordV2MB: mb(v2Bytes),
    bulkEncodeV2Ms: r2(encodeV2Ms),
    snapshotSec: r2(snapshotSec),
    commitsDuringSnapshot: duringMs.length,
    duringSnapshotP50Ms: r2(pct(duringMs, 50)),
    duringSnapshotP99Ms: r2(pct(duringMs, 99)),
    duringSnapshotMaxMs: r2(Math.max(...duringMs)),
    closeSec: r2(closeSec),
    reopenSec: r2(openSec),
    crashReplaySec: r2(replaySec),
    rssMB: r2(process.memoryUsage().rss / 2 ** 20),
    peakRssMB: peakRssMB(),
  };
  console.table(result);
  console.log(JSON.stringify(result));
} finally {
  await rm(dir, { recursive: true, force: true });
}
