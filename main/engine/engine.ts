import { EventEmitter } from 'node:events';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { isDockhandError } from '../../shared/errors.js';
import { createAlertOutbox, type AlertOutbox, type OutboxAlert } from './alert-outbox.js';
import { dispatch } from './api/dispatch.js';
import type { EngineContext } from './api/engine-context.js';
import { createConnectorSource } from './connector-source.js';
import { startDemoWarehouse, type DemoWarehouseOptions } from './demo/demo-warehouse.js';
import type { Engine, EngineEvent, EngineHealth, EngineOptions } from './engine-api.js';
import { createJobs, RUNS_KEPT_PER_JOB } from './jobs.js';
import { systemClock } from './platform/ports.js';
import type { ServiceDeps } from './services/run-context.js';
import { diskAlert, engineHealthOf, LOST_CHANGES_PAUSE_REASON, storeAlert } from './store-health.js';
import { openStore } from './store/index.js';
import { migrations } from './store/migrations/index.js';
import { closeAbandonedRuns, pruneRuns } from './store/repositories/runs-repo.js';
import { listSchedules, setSchedulePause } from './store/repositories/schedules-repo.js';
import type { StoreHealth } from './store/sql.js';
import { startAlertMailJob } from './mail/alert-mail-job.js';
import type { KeptFileWriter } from './kept-files/durable-file.js';
import { startKeptFilesSweep } from './kept-files/kept-files-sweep.js';
import { createLocalFileKeeper } from './kept-files/local-file-keeper.js';
import { createConsentFlows } from './oauth/consent-flows.js';
import { registryPlatforms, type ConsentPlatformLookup } from './oauth/consent-platforms.js';

/**
 * The engine: the store, the scheduler and the six services behind one `call` per contract method.
 * Plain Node; hosts run it in a worker thread.
 */
export async function createEngine(
  options: EngineOptions & {
    minuteMs?: number;
    /** The demo warehouse (main/engine/demo): on by default where the scheduler runs; tests shorten its delays. */
    demoWarehouse?: DemoWarehouseOptions;
    /** Kept files (kept-files/): tests pass a writer that fails like a full disk. */
    keptFiles?: { write?: KeptFileWriter };
    /** Cart platforms (descriptor and plugin) by id: the registry's; tests pass a scripted platform. */
    platforms?: ConsentPlatformLookup;
  },
): Promise<Engine & { context: EngineContext }> {
  const clock = options.clock ?? systemClock;
  const log = options.log;
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  const events = new EventEmitter();
  events.setMaxListeners(100);
  const emit = (event: EngineEvent) => events.emit('event', event);

  // Store alerts go through the outbox (saved when the store can save, shown from memory until then);
  // the ones raised while the store opens wait for it to exist.
  const openingAlerts: OutboxAlert[] = [];
  let lostAcknowledged = false;
  const opened: { outbox?: AlertOutbox } = {};
  const raise = (alert: OutboxAlert) => (opened.outbox ? void opened.outbox.raise(alert) : openingAlerts.push(alert));
  let health: EngineHealth = { status: 'ok' };
  let unwritableSince: Extract<StoreHealth, { writable: false }> | undefined;
  let onWritableAgain = () => {};
  const storeLog = log.child({ part: 'store' });
  const store = await openStore({
    dir: path.join(options.dataDir, 'db'),
    migrations,
    log: storeLog,
    onAlert: (message, info) => {
      lostAcknowledged ||= info.lostAcknowledged;
      raise(storeAlert(message, info));
    },
    onHealthChange: (h) => {
      const at = clock.now().toISOString();
      health = engineHealthOf(h);
      const alert = diskAlert(h, unwritableSince, at);
      unwritableSince = h.writable ? undefined : h;
      if (h.writable) storeLog.log('info', 'Saving resumed: the disk takes writes again');
      else storeLog.log('error', h.message, { code: h.code });
      emit({ type: 'health', at, data: { health } });
      if (alert) raise(alert);
      if (h.writable) onWritableAgain();
    },
    ...options.store,
  });
  const outbox = createAlertOutbox({ store, clock, log, emit });
  opened.outbox = outbox;

  // Runs left open by a crash are closed, and after lost acknowledged changes every schedule is paused
  // before the scheduler starts, so nothing is downloaded or sent again from the older state. On a
  // disk that cannot be written this waits until it can; the scheduler waits with it.
  const startupWrite = () =>
    store.write((db) => {
      const now = clock.now().toISOString();
      closeAbandonedRuns(db, now);
      pruneRuns(db, RUNS_KEPT_PER_JOB);
      // A person's pause: only Resume lifts it (saving settings does not), once someone has looked.
      if (lostAcknowledged) {
        for (const s of listSchedules(db)) setSchedulePause(db, s.service, s.targetId, { by: 'person', reason: LOST_CHANGES_PAUSE_REASON });
      }
    });
  let startedUp = await startupWrite().then(
    () => true,
    (err: unknown) => {
      if (!isDockhandError(err) || err.kind !== 'storage') throw err;
      log.log('error', 'Starting without saving: the disk cannot be written; schedules start once it can', { error: err.message });
      return false;
    },
  );
  for (const alert of openingAlerts.splice(0)) void outbox.raise(alert);

  const keptFilesRoot = path.join(options.dataDir, 'files');
  const deps: ServiceDeps = {
    store,
    clock,
    log,
    connectors: createConnectorSource({
      store,
      clock,
      log,
      secrets: options.secrets,
      plugins: options.platforms && ((p) => options.platforms?.(p)?.plugin),
      descriptors: options.platforms && ((p) => options.platforms?.(p)?.descriptor),
    }),
    emit,
    files: createLocalFileKeeper({ store, clock, log, root: keptFilesRoot, write: options.keptFiles?.write }),
  };
  const jobs = createJobs(deps, { minuteMs: options.minuteMs });
  const consent = createConsentFlows({
    store,
    clock,
    log,
    secrets: options.secrets,
    platforms: options.platforms ?? registryPlatforms,
    settingsSaved: (target) => jobs.settingsSaved(target),
  });
  const context: EngineContext = {
    ...deps,
    alerts: outbox,
    secrets: options.secrets,
    dataDir: options.dataDir,
    jobs,
    consent,
    nowIso: () => clock.now().toISOString(),
  };
  await jobs.loadAll();
  if (startedUp && options.startScheduler !== false) jobs.scheduler.start();
  let closed = false;
  onWritableAgain = () => {
    void outbox.flush();
    if (startedUp || closed) return;
    void startupWrite()
      .then(async () => {
        startedUp = true;
        await jobs.loadAll();
        if (!closed && options.startScheduler !== false) jobs.scheduler.start();
      })
      .catch((err: unknown) => log.log('warn', 'Starting the schedules after the disk came back failed; retried when it next can save', { error: err }));
  };
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
  // E-mail alerts: a pass every minute where the schedules run (tests drive runAlertMailPass by hand).
  const alertMail = options.startScheduler !== false ? startAlertMailJob({ ...deps, secrets: options.secrets }) : undefined;
  // Files kept longer than 30 days go, once a day, where the schedules run.
  const keptFilesSweep = options.startScheduler !== false ? startKeptFilesSweep({ store, clock, log, root: keptFilesRoot }) : undefined;

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
    health: () => health,
    async close() {
      if (closed) return;
      closed = true;
      // First, so it starts no run on a stopping scheduler and writes nothing after the store closes.
      await demoWarehouse?.stop();
      await jobs.scheduler.stop();
      await consent.close();
      await alertMail?.stop();
      await keptFilesSweep?.stop();
      await store.close();
      events.removeAllListeners();
    },
  };
}
