import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { DockhandError, isDockhandError } from '../../shared/errors.js';
import type { Engine, EngineOptions, WorkerRequest, WorkerResponse } from '../engine/engine-api.js';
import { createFileLogger } from '../engine/log/index.js';
import { keyCipher, openKeyFileCipher } from './secret-cipher.js';
import { toWireError, type WireError } from './worker-protocol.js';

/**
 * The engine's thread in the headless host: builds the ports (key-file secrets, file logger), creates
 * the engine and answers WorkerRequests. Started by worker-engine.ts; never imported elsewhere.
 */

export interface EngineWorkerData {
  dataDir: string;
  /** A module exporting `createEngine` to run instead of the real engine (tests; DOCKHAND_TEST_ENGINE). */
  engineModule?: string;
  startScheduler?: boolean;
  /** The secrets key from the host (Electron: unsealed with safeStorage); absent: the key file. */
  secretKey?: Uint8Array;
}

type CreateEngine = (options: EngineOptions) => Promise<Engine>;

const port = parentPort;
if (!port) throw new Error('engine-worker.ts must run in a worker thread');
const data = workerData as EngineWorkerData;
const post = (message: WorkerResponse) => port.postMessage(message);

const log = createFileLogger({ dir: data.dataDir });

/** Flush the log, but never let a stuck file hold up the shutdown. */
async function closeLog(): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([log.close(), new Promise<void>((resolve) => (timer = setTimeout(resolve, 2_000)))]);
  clearTimeout(timer);
}

async function loadCreateEngine(): Promise<CreateEngine> {
  if (data.engineModule) {
    const mod = (await import(pathToFileURL(data.engineModule).href)) as { createEngine: CreateEngine };
    return mod.createEngine;
  }
  return (await import('../engine/engine.js')).createEngine;
}

function wireError(err: unknown, context: Record<string, unknown>): WireError {
  if (isDockhandError(err)) return toWireError(err);
  log.log('error', 'Engine call failed', { ...context, error: err });
  return { kind: 'internal', message: 'Internal error; the details are in the Dockhand log' };
}

async function main(): Promise<void> {
  let engine: Engine;
  try {
    const createEngine = await loadCreateEngine();
    engine = await createEngine({
      dataDir: data.dataDir,
      secrets: data.secretKey ? keyCipher(Buffer.from(data.secretKey)) : openKeyFileCipher(data.dataDir),
      log,
      startScheduler: data.startScheduler ?? true,
    });
  } catch (err) {
    log.log('error', 'The engine failed to start', { error: err });
    await closeLog();
    const body = isDockhandError(err)
      ? toWireError(err)
      : toWireError(new DockhandError('internal', `The engine failed to start: ${(err as Error)?.message ?? String(err)}`));
    post({ type: 'fatal', error: body });
    port!.close();
    return;
  }

  engine.onEvent((event) => {
    try {
      post({ type: 'event', event });
    } catch (err) {
      log.log('warn', 'An engine event could not cross to the host', { type: event.type, error: err });
    }
  });

  // Profiling aid (bench/screen-latency.ts): how long a call arriving at this thread waits for what runs
  // before it, printed when the engine closes.
  const loopDelay = process.env.DOCKHAND_REPORT_LOOP_DELAY ? monitorEventLoopDelay({ resolution: 1 }) : undefined;
  loopDelay?.enable();
  const reportLoopDelay = () => {
    if (!loopDelay) return;
    loopDelay.disable();
    const ms = (p: number) => Math.round(loopDelay.percentile(p) / 1e5) / 10;
    console.error(`engine thread loop delay ms: p50 ${ms(50)} p95 ${ms(95)} p99 ${ms(99)} max ${Math.round(loopDelay.max / 1e5) / 10}`);
  };

  let closing = false;
  port!.on('message', (request: WorkerRequest) => {
    if (request.type === 'close') {
      if (closing) return;
      closing = true;
      reportLoopDelay();
      void engine
        .close()
        .then(
          () => ({ type: 'result', id: request.id, ok: true, value: null }) as const,
          (err) => ({ type: 'result', id: request.id, ok: false, error: wireError(err, { during: 'close' }) }) as const,
        )
        .then(async (reply) => {
          await closeLog();
          post(reply);
          port!.close();
        });
      return;
    }
    if (closing) {
      post({ type: 'result', id: request.id, ok: false, error: { kind: 'transient', message: 'Dockhand is shutting down' } });
      return;
    }
    engine.call(request.method, request.input).then(
      (value) => {
        try {
          post({ type: 'result', id: request.id, ok: true, value });
        } catch (err) {
          post({ type: 'result', id: request.id, ok: false, error: wireError(err, { method: request.method }) });
        }
      },
      (err) => post({ type: 'result', id: request.id, ok: false, error: wireError(err, { method: request.method }) }),
    );
  });
  post({ type: 'ready', health: engine.health() });
}

void main();
