import { EventEmitter } from 'node:events';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { dispatch } from './api/dispatch.js';
import type { EngineContext } from './api/engine-context.js';
import { createConnectorSource } from './connector-source.js';
import { startDemoWarehouse, type DemoWarehouseOptions } from './demo/demo-warehouse.js';
import type { Engine, EngineEvent, EngineOptions } from './engine-api.js';
import { createJobs, RUNS_KEPT_PER_JOB } from './jobs.js';
import { systemClock } from './platform/ports.js';
import type { ServiceDeps } from './services/run-context.js';
import { openStore } from './store/index.js';
import { migrations } from './store/migrations/index.js';
import { raiseAlert } from './store/repositories/alerts-repo.js';
import { closeAbandonedRuns, pruneRuns } from './store/repositories/runs-repo.js';


/**
 * The engine: the store, the scheduler and the six services behind one `call` per contract method.
 * Plain Node; hosts run it in a worker thread.
 */
export async function createEngine(
  options: EngineOptions & {
    minuteMs?: number;
    /** The demo warehouse (main/engine/demo): on by default where the scheduler runs; tests shorten its delays. */
    demoWarehouse?: DemoWarehouseOptions;
  },
): Promise<Engine & { context: EngineContext }> {
  const clock = options.clock ?? systemClock;
  const log = options.log;
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  const events = new EventEmitter();
  events.setMaxListeners(100);
  const emit = (event: EngineEvent) => events.emit('event', event);

  const pendingAlerts: string[] = [];
  const store = await openStore({
    dir: path.join(options.dataDir, 'db'),
    migrations,
    log: log.child({ part: 'store' }),
    onAlert: (message) => pendingAlerts.push(message),
    ...options.store,
  });
  await store.write((db) => {
    const now = clock.now().toISOString();
    closeAbandonedRuns(db, now);
    pruneRuns(db, RUNS_KEPT_PER_JOB);
    pendingAlerts.forEach((message, i) => raiseAlert(db, { key: `store:${now}:${i}`, severity: 'error', message }, now));
  });

  const deps: ServiceDeps = {
    store,
    clock,
    log,
    connectors: createConnectorSource({ store, clock, log, secrets: options.secrets }),
    emit,
  };
  const jobs = createJobs(deps, { minuteMs: options.minuteMs });
  const context: EngineContext = {
    ...deps,
    secrets: options.secrets,
    dataDir: options.dataDir,
    jobs,
    nowIso: () => clock.now().toISOString(),
  };
  await jobs.loadAll();
  if (options.startScheduler !== false) jobs.scheduler.start();
  const demoWarehouse =
    (options.demoWarehouse?.enabled ?? options.startScheduler !== false)
      ? startDemoWarehouse(
          {
            ...deps,
            jobs,
            onEvent: (listener) => {
              events.on('event', listener);
              return () => events.off('event', listener);
            },
          },
          options.demoWarehouse,
        )
      : undefined;

  let closed = false;
  return {
    context,
    call: (method, input) => {
      if (closed) return Promise.reject(new Error('The engine is shut down'));
      return dispatch(context, method, input);
    },
    onEvent(listener) {
      events.on('event', listener);
      return () => events.off('event', listener);
    },
    async close() {
      if (closed) return;
      closed = true;
      // First, so it starts no run on a stopping scheduler and writes nothing after the store closes.
      await demoWarehouse?.stop();
      await jobs.scheduler.stop();
      await store.close();
      events.removeAllListeners();
    },
  };
}
