import { writeSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createEngine } from '../../main/engine/engine.js';
import { createMemoryLogger } from '../../main/engine/log/index.js';
import { openKeyFileCipher } from '../../main/server/secret-cipher.js';
import type { RunView } from '../../shared/api-types.js';
import { LOOP_SERVICES, type ChildConfig, type ChildMessage } from './crash-protocol.js';
import { readLoopState, type LoopState } from './loop-state.js';

/**
 * The crash test's child: opens the engine on the shared data dir and drives the order loop through the
 * public API (`services.runNow`) until it is killed, or (until_idle) until nothing is left to do.
 * After every run it reports, from a durable read, what the store now holds: that is what it
 * acknowledged, and what the parent later checks was never lost.
 *
 * Usage: node --import tsx test/crash/sync-child.ts '<ChildConfig as JSON>'
 */

/** Synchronous write: once it returns, the whole line is in the pipe, even if SIGKILL comes next. */
function say(message: ChildMessage): void {
  const line = `${JSON.stringify(message)}\n`;
  const buf = Buffer.from(line);
  for (let off = 0; off < buf.length; ) off += writeSync(1, buf, off);
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '') as ChildConfig;
  const t0 = performance.now();
  const engine = await createEngine({
    dataDir: config.dataDir,
    secrets: openKeyFileCipher(config.dataDir),
    log: createMemoryLogger({ level: 'warn' }),
    startScheduler: false,
  });
  const store = engine.context.store;
  say({ t: 'ready', pid: process.pid, openMs: Math.round(performance.now() - t0) });

  // EngineOptions has no snapshot threshold, so snapshots are asked for here, concurrently with the runs.
  if (config.snapshotEveryMs > 0) {
    const timer = setInterval(() => void store.snapshot().catch(() => {}), config.snapshotEveryMs);
    timer.unref();
  }

  const reported = { orders: new Map<string, string>(), shipments: new Map<string, string>(), batches: new Map<string, string>() };
  const report = (service: (typeof LOOP_SERVICES)[number], run: RunView, state: LoopState) => {
    const orders: [string, string][] = [];
    for (const [id, status] of state.orders) {
      if (reported.orders.get(id) === status) continue;
      reported.orders.set(id, status);
      orders.push([id, status]);
    }
    const shipments: [string, string, string][] = [];
    for (const s of state.shipments) {
      const key = `${s.cartOrderId}\u0000${s.trackingNumber}`;
      if (reported.shipments.get(key) === s.status) continue;
      reported.shipments.set(key, s.status);
      shipments.push([s.cartOrderId, s.trackingNumber, s.status]);
    }
    const batches: [string, string][] = [];
    for (const [id, file] of state.deliveredBatches) {
      if (reported.batches.get(id) === file) continue;
      reported.batches.set(id, file);
      batches.push([id, file]);
    }
    say({
      t: 'ack',
      service,
      status: run.status,
      counts: run.counts,
      message: run.message,
      orders,
      shipments,
      batches,
      snapshots: store.metrics().snapshots,
    });
  };

  let rounds = 0;
  let lastSignature = '';
  let lastChangeAt = performance.now();
  for (;;) {
    let filesPickedUp = 0;
    for (let k = 0; k < LOOP_SERVICES.length; k++) {
      const service = LOOP_SERVICES[(config.firstService + k) % LOOP_SERVICES.length];
      const targetId = service === 'order_download' || service === 'shipment_upload' ? config.cartId : config.merchantId;
      let run: RunView;
      try {
        run = (await engine.call('services.runNow', { service, targetId })) as RunView;
      } catch (err) {
        process.stderr.write(`runNow ${service} rejected: ${(err as Error).message}\n`);
        continue;
      }
      if (run.status === 'failed') process.stderr.write(`run ${service} failed: ${run.message}\n`);
      if (service === 'shipment_pickup') filesPickedUp += (run.counts.files ?? 0) + (run.counts.unreadableFiles ?? 0);
      report(service, run, await store.read((db) => readLoopState(db, config.cartId, config.merchantId)));
    }
    rounds++;
    if (config.mode === 'until_killed') continue;

    const state = await store.read((db) => readLoopState(db, config.cartId, config.merchantId));
    const signature = state.signature();
    if (signature !== lastSignature) {
      lastSignature = signature;
      lastChangeAt = performance.now();
    } else if (state.unfinished.length === 0 && filesPickedUp === 0) {
      say({ t: 'idle', rounds });
      await engine.close();
      return;
    } else if (performance.now() - lastChangeAt > config.stuckAfterMs) {
      say({ t: 'stuck', reason: `no progress for ${config.stuckAfterMs} ms; unfinished: ${state.unfinished.slice(0, 20).join(', ')}` });
      await engine.close();
      process.exitCode = 3;
      return;
    }
    // The warehouse (the parent) needs a moment to answer the files just delivered.
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`sync child failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(2);
});
