import type { JobView, RunView } from '../../shared/api-types.js';
import { CART_SERVICES, type ServiceName } from '../../shared/domain.js';
import { DockhandError } from '../../shared/errors.js';
import type { JobControl, SettingsTarget } from './api/engine-context.js';
import type { EngineEvent } from './engine-api.js';
import { clearPauseAlerts } from './job-alerts.js';
import { createScheduler, type JobKey, type JobOutcome, type JobWait, type Scheduler } from './scheduler/index.js';
import { executeRun } from './services/execute-run.js';
import type { ServiceDeps } from './services/run-context.js';
import { getCart, listCarts } from './store/repositories/carts-repo.js';
import { listMerchants } from './store/repositories/merchants-repo.js';
import { getRun, lastRun, pruneRuns } from './store/repositories/runs-repo.js';
import { getSchedule, listSchedules, setSchedulePause, type ScheduleRow } from './store/repositories/schedules-repo.js';
import { getWms } from './store/repositories/wms-repo.js';

/** Run history kept per job (retention: the in-memory database must not grow without end). */
export const RUNS_KEPT_PER_JOB = 500;
const PRUNE_EVERY_RUNS = 200;

const isCartService = (s: ServiceName) => (CART_SERVICES as readonly string[]).includes(s);
const kindOf = (s: ServiceName) => (isCartService(s) ? 'cart' : 'merchant');

type FailurePaused = JobKey & { by: 'auth' | 'config' };

/** Why a merchant's warehouse jobs do not run yet; shown on the job and as Run now's refusal. */
export const WAITING_FOR_WMS = 'Waiting for the warehouse: set up the WMS first, and this job starts on its own';

/**
 * Why a marketplace cart's jobs do not run yet: it was saved with its app's fields and its account is
 * not connected. A normal setup step, not a failure: no run, no pause, no alert until it is.
 */
export const WAITING_FOR_CONNECTION = 'Waiting to be connected — press Connect';

/**
 * Binds the scheduler to the store: saved frequencies and pauses become scheduler jobs, every pause
 * the scheduler decides is saved, and every run (scheduled, retried, woken or manual) goes through
 * executeRun so it is recorded the same way.
 */
export function createJobs(deps: ServiceDeps, options: { minuteMs?: number; retrySoonMs?: number } = {}): JobControl & {
  scheduler: Scheduler;
  loadAll(): Promise<void>;
} {
  const lastRunIds = new Map<string, number>();
  /** How soon a failed job runs again after a person saved the settings it depends on. */
  const retrySoonMs = options.retrySoonMs ?? (options.minuteMs ?? 60_000) / 12;
  let runsSincePrune = 0;
  /** Saves of pauses started by the call in progress (pause, resume, settings saved), to await. */
  let pauseSaves: Promise<unknown>[] | undefined;
  /**
   * Whether a WMS is set up, re-read whenever jobs are loaded or synced or WMS settings are saved.
   * Until it is, a merchant's jobs wait (a derived state, nothing saved) instead of failing and
   * alerting that there is no WMS.
   */
  let wmsReady = false;
  /**
   * The carts waiting to be connected (connectors.awaitsConnection), re-read whenever a cart's jobs
   * are loaded or synced or its settings (a grant) are saved. Their jobs wait, like a merchant's
   * without a WMS, and start on their schedule once the grant is saved.
   */
  const awaitingConnection = new Set<number>();

  // Runs report progress on the event stream; the scheduler keeps the latest for the job's state.
  const runDeps: ServiceDeps = {
    ...deps,
    emit(event: EngineEvent) {
      if (event.type === 'run.progress') {
        const { service, targetId, done, total } = event.data as { service: ServiceName; targetId: number; done: number; total: number | null };
        scheduler.setProgress({ service, targetId }, { done, total });
      }
      deps.emit(event);
    },
  };

  const scheduler = createScheduler({
    clock: deps.clock,
    log: deps.log.child({ part: 'scheduler' }),
    minuteMs: options.minuteMs,
    waitingFor: (job): JobWait | undefined => {
      if (isCartService(job.service)) return awaitingConnection.has(job.targetId) ? { for: 'connection', reason: WAITING_FOR_CONNECTION } : undefined;
      return wmsReady ? undefined : { for: 'wms', reason: WAITING_FOR_WMS };
    },
    runJob: async (job, trigger, signal): Promise<JobOutcome> => {
      const res = await executeRun(runDeps, job.service, job.targetId, trigger, signal);
      lastRunIds.set(`${job.service}:${job.targetId}`, res.run.id);
      if (++runsSincePrune >= PRUNE_EVERY_RUNS) {
        runsSincePrune = 0;
        await deps.store.write((db) => pruneRuns(db, RUNS_KEPT_PER_JOB));
      }
      if (res.errorKind) return { ok: false, errorKind: res.errorKind, retryAfterMs: res.retryAfterMs, message: res.run.message ?? 'failed' };
      return { ok: true };
    },
    onChange: (state) => deps.emit({ type: 'state.changed', at: deps.clock.now().toISOString(), data: { job: state } }),
    // Called in the order the scheduler decides, and store writes apply in call order: the saved
    // pause always ends as the scheduler's.
    onPauseChange: (job, pause) => {
      const saved = deps.store.write((db) => setSchedulePause(db, job.service, job.targetId, pause ?? null));
      if (pauseSaves) pauseSaves.push(saved);
      else saved.catch((err) => deps.log.log('error', 'could not save a job pause', { job, err }));
    },
  });

  /** Runs scheduler changes and waits until the pauses they made are on disk (persist before acknowledge). */
  async function savingPauses<T>(change: () => T): Promise<T> {
    const saves: Promise<unknown>[] = [];
    pauseSaves = saves;
    let result: T;
    try {
      result = change();
    } finally {
      pauseSaves = undefined;
    }
    await Promise.all(saves);
    return result;
  }

  function apply(row: ScheduleRow, withPause: boolean): void {
    scheduler.setJob(
      { service: row.service, targetId: row.targetId },
      {
        minutes: row.minutes,
        lastRunAt: row.lastRunAt ?? undefined,
        ...(withPause ? { pause: row.pause } : {}),
      },
    );
  }

  const failurePaused = (): FailurePaused[] =>
    scheduler.state().flatMap((s) =>
      s.state.state === 'paused' && s.state.by !== 'person' ? [{ service: s.service, targetId: s.targetId, by: s.state.by }] : [],
    );

  /** Lifted failure pauses take their alert with them, unless another job still has the same one. */
  async function clearAlertsOf(lifted: FailurePaused[]): Promise<void> {
    if (lifted.length === 0) return;
    const stillPaused = failurePaused();
    await deps.store.write((db) => clearPauseAlerts(db, lifted, stillPaused, deps.clock.now().toISOString()));
  }

  /** Re-reads whether a WMS is set up; merchant jobs stop or start waiting accordingly. */
  async function refreshWms(): Promise<void> {
    const ready = await deps.store.read((db) => getWms(db) !== undefined);
    if (ready === wmsReady) return;
    wmsReady = ready;
    scheduler.refresh();
  }

  /** Re-reads whether carts (one, or all) wait to be connected; their jobs stop or start waiting accordingly. */
  async function refreshConnections(cartId?: number): Promise<void> {
    const awaits = deps.connectors.awaitsConnection;
    if (!awaits) return;
    const carts = await deps.store.read((db) => (cartId === undefined ? listCarts(db) : [getCart(db, cartId)].filter((c) => c !== undefined)));
    const before = [...awaitingConnection].join();
    if (cartId === undefined) awaitingConnection.clear();
    else awaitingConnection.delete(cartId);
    for (const cart of carts) if (awaits(cart)) awaitingConnection.add(cart.id);
    if ([...awaitingConnection].join() !== before) scheduler.refresh();
  }

  function requireJob(job: JobKey): void {
    if (!scheduler.jobState(job)) throw new DockhandError('not_found', `No ${job.service} job for ${kindOf(job.service)} ${job.targetId}`);
  }

  async function targetNames(): Promise<Map<string, string>> {
    return deps.store.read((db) => {
      const names = new Map<string, string>();
      for (const c of listCarts(db)) names.set(`cart:${c.id}`, c.name);
      for (const m of listMerchants(db)) names.set(`merchant:${m.id}`, m.name);
      return names;
    });
  }

  return {
    scheduler,
    async loadAll() {
      await refreshWms();
      await refreshConnections();
      const rows = await deps.store.read((db) => listSchedules(db));
      for (const row of rows) apply(row, true);
    },
    async sync(service, targetId) {
      if (!isCartService(service)) await refreshWms();
      else await refreshConnections(targetId);
      const row = await deps.store.read((db) => getSchedule(db, service, targetId));
      if (!row) {
        scheduler.removeJob({ service, targetId });
        return;
      }
      // A frequency change keeps the pause the scheduler holds (and saves); a job it has not seen
      // yet takes the saved one.
      apply(row, !scheduler.jobState({ service, targetId }));
    },
    forget(service, targetId) {
      if (isCartService(service)) awaitingConnection.delete(targetId);
      scheduler.removeJob({ service, targetId });
    },
    async settingsSaved(target: SettingsTarget) {
      if (target.kind === 'wms') await refreshWms();
      if (target.kind === 'cart') await refreshConnections(target.id);
      const jobs = scheduler
        .state()
        .filter((s) =>
          target.kind === 'wms' ? !isCartService(s.service) : kindOf(s.service) === target.kind && s.targetId === target.id,
        );
      const lifted = await savingPauses(() =>
        jobs.flatMap((s) => {
          const pause = scheduler.liftFailurePause(s);
          return pause && pause.by !== 'person' ? [{ service: s.service, targetId: s.targetId, by: pause.by, reason: pause.reason }] : [];
        }),
      );
      await clearAlertsOf(lifted);
      // A job whose last run failed (a lifted pause, or a failure that alerted and waits for its next
      // run) tries again soon with the new settings: its alert clears when that run passes, not at
      // the next regular run up to its whole frequency away.
      const failed = await deps.store.read((db) =>
        jobs.flatMap((s) => {
          const last = lastRun(db, s.service, s.targetId);
          return last?.status === 'failed' ? [{ job: s, message: last.message ?? 'The last run failed' }] : [];
        }),
      );
      for (const { job, message } of failed) scheduler.retrySoon(job, retrySoonMs, message);
    },
    async runNow(service, targetId, trigger): Promise<RunView> {
      const exists = await deps.store.read((db) =>
        kindOf(service) === 'cart' ? getCart(db, targetId) !== undefined : db.get('SELECT 1 AS x FROM merchants WHERE id = ?', [targetId]) !== undefined,
      );
      if (!exists) throw new DockhandError('not_found', `No ${kindOf(service)} ${targetId} to run ${service} for`);
      await scheduler.runNow({ service, targetId }, trigger);
      const id = lastRunIds.get(`${service}:${targetId}`);
      const run = await deps.store.read((db) => (id ? getRun(db, id) : lastRun(db, service, targetId)));
      if (!run) throw new DockhandError('internal', 'The run left no record');
      return run;
    },
    dueWithin(service, targetId, ms) {
      return scheduler.dueWithin({ service, targetId }, ms);
    },
    async pause(job) {
      if (job) requireJob(job);
      // "Pause all" pauses the jobs that run on their own; a job that is off stays off.
      const selected = job ? [job] : scheduler.state().filter((s) => s.minutes !== null);
      await savingPauses(() => scheduler.pause(job));
      return selected.length;
    },
    async resume(job) {
      if (job) requireJob(job);
      const lifted = failurePaused().filter((p) => !job || (p.service === job.service && p.targetId === job.targetId));
      const selected = job ? [job] : scheduler.state().filter((s) => s.state.state === 'paused');
      await savingPauses(() => scheduler.resume(job));
      await clearAlertsOf(lifted);
      return selected.length;
    },
    async list(): Promise<JobView[]> {
      const names = await targetNames();
      const rows = await deps.store.read((db) =>
        listSchedules(db).map((r) => ({ row: r, last: lastRun(db, r.service, r.targetId) })),
      );
      return rows.map(({ row, last }) => {
        const key = { service: row.service, targetId: row.targetId };
        // A saved job the scheduler has not seen (a handler that saved without syncing) is taken up
        // now, so no job can sit in the store without a state.
        if (!scheduler.jobState(key)) apply(row, true);
        const job = scheduler.jobState(key)!;
        return {
          service: row.service,
          targetId: row.targetId,
          targetName: names.get(`${kindOf(row.service)}:${row.targetId}`) ?? `#${row.targetId}`,
          minutes: job.minutes,
          // The scheduler's start when it has one: the time its next run is counted from (the run's saved
          // start is read from the clock a moment later, and would put the two a millisecond apart).
          lastRunAt: job.lastRunAt ?? row.lastRunAt,
          lastStatus: last?.status ?? null,
          ...job.state,
        };
      });
    },
  };
}
