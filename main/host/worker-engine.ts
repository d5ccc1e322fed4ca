import { Worker } from 'node:worker_threads';
import { DockhandError } from '../../shared/errors.js';
import type { Engine, EngineEvent, EngineHealth, WorkerRequest, WorkerResponse } from '../engine/engine-api.js';
import { silentLogger, type Logger } from '../engine/platform/ports.js';
import type { EngineWorkerData } from './engine-worker.js';
import { fromWireError } from './worker-protocol.js';

/**
 * Runs the engine in a worker thread, so the HTTP loop stays responsive while a sync parses, maps and
 * stores thousands of orders, and presents it to the host as a plain Engine.
 */

export interface EngineWorkerOptions {
  dataDir: string;
  /** Module exporting `createEngine` to run instead of the real engine; defaults to $DOCKHAND_TEST_ENGINE. */
  engineModule?: string;
  startScheduler?: boolean;
  /** The host's logger, for a worker that crashes. */
  log?: Logger;
  /** How long close() waits for the engine to finish or abandon its running step. Default 60 s. */
  closeTimeoutMs?: number;
  /** Called when the worker ends without close() (a crash): the host should exit. */
  onUnexpectedExit?: (exitCode: number) => void;
  /** The 32-byte secrets key (the Electron shell unseals it with safeStorage); without it the worker
   * uses the key file in dataDir, as the headless host does. */
  secretKey?: Buffer | Uint8Array;
  /** A bundled engine-worker script to run instead of the sources next to this file (the Electron build). */
  workerScript?: URL | string;
}

/**
 * The engine thread's V8 heap. Its live heap is small (~20 MB at 100k orders: the data lives in
 * sql.js's memory, outside the JS heap), but a sync allocates fast and briefly: replies parsed, rows
 * mapped, statements bound. Measured on the 100k benchmark:
 * - a larger young generation (64 MiB) lets that short-lived garbage die young instead of being
 *   promoted: download 20-22 s -> 18-19 s;
 * - with V8's defaults the old generation was left to grow by ~7 MB/s of dead objects through a whole
 *   upload (no major GC for 22 s), taking the peak RSS to 0.99-1.04 GB; a 1.5 GiB ceiling makes V8
 *   size its heap for a smaller machine (a lower growth factor), peak 0.84 GB, no slower. (768 MiB was
 *   too tight: the download took 32 s in GC.)
 * 1.5 GiB is ~75x the live heap; a worker that still ran out would exit and the host would say so,
 * with every acknowledged change already in the journal.
 */
export const ENGINE_HEAP_LIMITS = { maxYoungGenerationSizeMb: 64, maxOldGenerationSizeMb: 1536 } as const;

export async function startEngineWorker(options: EngineWorkerOptions): Promise<Engine> {
  const log = options.log ?? silentLogger;
  const data: EngineWorkerData & { entry: string } = {
    dataDir: options.dataDir,
    engineModule: options.engineModule ?? (process.env.DOCKHAND_TEST_ENGINE || undefined),
    startScheduler: options.startScheduler,
    // A fresh copy: a small Buffer may be a view of Node's shared pool, which would be cloned whole.
    ...(options.secretKey ? { secretKey: new Uint8Array(options.secretKey) } : {}),
    entry: workerEntry(),
  };
  const worker = new Worker(options.workerScript ?? workerScript(), { workerData: data, resourceLimits: ENGINE_HEAP_LIMITS });

  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (err: unknown) => void }>();
  const listeners = new Set<(event: EngineEvent) => void>();
  let nextId = 1;
  let stopped: DockhandError | null = null;
  // The engine's health as last reported, so /health answers without a round trip to a busy worker.
  let health: EngineHealth = { status: 'ok' };
  let closing: Promise<void> | null = null;

  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (message: WorkerResponse) => {
      switch (message.type) {
        case 'ready':
          health = message.health;
          return resolve();
        case 'fatal':
          return reject(fromWireError(message.error));
        case 'event':
          if (message.event.type === 'health') health = (message.event.data as { health: EngineHealth }).health;
          for (const listener of listeners) {
            try {
              listener(message.event);
            } catch (err) {
              log.log('warn', 'An engine event listener failed', { type: message.event.type, error: err });
            }
          }
          return;
        case 'result': {
          const call = pending.get(message.id);
          if (!call) return;
          pending.delete(message.id);
          if (message.ok) call.resolve(message.value);
          else call.reject(fromWireError(message.error));
          return;
        }
      }
    });
    worker.on('error', (err) => {
      log.log('error', 'The engine worker crashed', { error: err });
      reject(new DockhandError('internal', `The engine failed: ${err.message}`));
    });
    worker.on('exit', (code) => {
      stopped = new DockhandError('transient', 'The engine has stopped; restart Dockhand and try again');
      for (const call of pending.values()) call.reject(stopped);
      pending.clear();
      reject(new DockhandError('internal', `The engine stopped while starting (exit code ${code})`));
      if (!closing) {
        log.log('error', 'The engine worker exited unexpectedly', { exitCode: code });
        options.onUnexpectedExit?.(code);
      }
    });
  });

  try {
    await ready;
  } catch (err) {
    closing = Promise.resolve();
    await worker.terminate();
    throw err;
  }

  const request = (message: WorkerRequest): Promise<unknown> =>
    new Promise((resolve, reject) => {
      if (stopped) return reject(stopped);
      pending.set(message.id, { resolve, reject });
      worker.postMessage(message);
    });

  return {
    call(method, input) {
      if (closing) return Promise.reject(new DockhandError('transient', 'Dockhand is shutting down'));
      return request({ type: 'call', id: nextId++, method, input });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    health: () => health,
    close() {
      closing ??= (async () => {
        const timeoutMs = options.closeTimeoutMs ?? 60_000;
        let timer: NodeJS.Timeout | undefined;
        const timedOut = new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), timeoutMs);
        });
        try {
          const outcome = await Promise.race([request({ type: 'close', id: nextId++ }), timedOut]);
          if (outcome === 'timeout') log.log('warn', 'The engine did not close in time; stopping its thread', { timeoutMs });
        } catch (err) {
          // Already stopped, or its close failed (logged in the worker): either way, end the thread.
          if (!stopped) log.log('warn', 'The engine reported an error while closing', { error: err });
        } finally {
          clearTimeout(timer);
          listeners.clear();
          await worker.terminate();
        }
      })();
      return closing;
    },
  };
}

/** Under tsx the sources are TypeScript and the worker needs the loader registered first (see the .mjs). */
function runningFromSources(): boolean {
  return import.meta.url.endsWith('.ts');
}

function workerScript(): URL {
  return runningFromSources()
    ? new URL('./engine-worker-boot.mjs', import.meta.url)
    : new URL('./engine-worker.js', import.meta.url);
}

function workerEntry(): string {
  return new URL(runningFromSources() ? './engine-worker.ts' : './engine-worker.js', import.meta.url).href;
}
