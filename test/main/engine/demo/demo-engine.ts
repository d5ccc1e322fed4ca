import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { MethodInput, MethodName, MethodOutput } from '../../../../shared/contract.js';
import type { DemoWarehouseOptions } from '../../../../main/engine/demo/demo-warehouse.js';
import { createEngine } from '../../../../main/engine/engine.js';
import { createMemoryLogger } from '../../../../main/engine/log/index.js';
import type { Clock } from '../../../../main/engine/platform/ports.js';
import { systemClock } from '../../../../main/engine/platform/ports.js';
import { openKeyFileCipher } from '../../../../main/host/secret-cipher.js';

/** Helpers for the demo warehouse tests (not a test file itself). */

export interface DemoEngine {
  dataDir: string;
  engine: Awaited<ReturnType<typeof createEngine>>;
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  close(): Promise<void>;
}

/**
 * A real engine with the demo warehouse on and the scheduler off: only the warehouse's own chains
 * move the orders, so what a test sees is what the warehouse did, with short delays.
 */
export async function startDemoEngine(options: { dataDir?: string; clock?: Clock; demoWarehouse?: DemoWarehouseOptions } = {}): Promise<DemoEngine> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'dockhand-demo-')));
  const engine = await createEngine({
    dataDir,
    secrets: openKeyFileCipher(dataDir),
    log: createMemoryLogger({ level: 'info' }),
    clock: options.clock,
    startScheduler: false,
    demoWarehouse: { enabled: true, tickMs: 50, shipAfterMs: 200, ...options.demoWarehouse },
  });
  return {
    dataDir,
    engine,
    call: (method, input) => engine.call(method, input) as never,
    close: () => engine.close(),
  };
}

export const removeDir = (dir: string) => rm(dir, { recursive: true, force: true });

/** Polls until `fn` returns something truthy; fails with `what` after a generous timeout. */
export async function waitFor<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** CSV files directly in a folder (none when it does not exist). */
export async function csvFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => n.endsWith('.csv')).sort();
}

/** Every order of the merchant, once all of them are confirmed (and there are at least `atLeast`). */
export async function waitAllConfirmed(t: DemoEngine, merchantId: number, atLeast: number) {
  return waitFor(`${atLeast}+ demo orders confirmed`, async () => {
    const page = await t.call('orders.list', { merchantId, limit: 200, offset: 0 });
    return page.total >= atLeast && page.items.every((o) => o.status === 'confirmed') ? page.items : undefined;
  });
}

/** systemClock moved forward by a chosen offset: "an hour later" without waiting an hour. */
export function shiftableClock(): Clock & { advance(ms: number): void } {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    sleep: systemClock.sleep,
    advance(ms) {
      offset += ms;
    },
  };
}
