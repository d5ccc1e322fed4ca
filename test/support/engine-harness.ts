import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract.js';
import type { EngineEvent, EngineOptions } from '../../main/engine/engine-api.js';
import { createEngine } from '../../main/engine/engine.js';
import { createMemoryLogger, type MemoryLogger } from '../../main/engine/log/index.js';
import type { Clock } from '../../main/engine/platform/ports.js';
import { openKeyFileCipher } from '../../main/host/secret-cipher.js';

/** A real engine on a temp data dir, driven through its public `call`, with typed helpers. */
export interface TestEngine {
  dataDir: string;
  log: MemoryLogger;
  events: EngineEvent[];
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** Call with untyped input (for bad-input tests). */
  callRaw(method: string, input: unknown): Promise<unknown>;
  engine: Awaited<ReturnType<typeof createEngine>>;
  close(options?: { keepDir?: boolean }): Promise<void>;
}

export async function startTestEngine(
  options: { dataDir?: string; clock?: Clock; startScheduler?: boolean; minuteMs?: number; store?: EngineOptions['store']; keptFiles?: Parameters<typeof createEngine>[0]['keptFiles']; platforms?: Parameters<typeof createEngine>[0]['platforms'] } = {},
): Promise<TestEngine> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'dockhand-engine-')));
  const log = createMemoryLogger({ level: 'info' });
  const engine = await createEngine({
    dataDir,
    secrets: openKeyFileCipher(dataDir),
    log,
    clock: options.clock,
    startScheduler: options.startScheduler ?? false,
    minuteMs: options.minuteMs,
    store: options.store,
    keptFiles: options.keptFiles,
    platforms: options.platforms,
  });
  const events: EngineEvent[] = [];
  engine.onEvent((e) => events.push(e));
  return {
    dataDir,
    log,
    events,
    engine,
    call: (method, input) => engine.call(method, input) as never,
    callRaw: (method, input) => engine.call(method, input),
    async close(closeOptions) {
      await engine.close();
      if (!closeOptions?.keepDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
