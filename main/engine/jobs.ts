import type { JobView, RunView } from '../../shared/api-types.js';
import { CART_SERVICES, type ServiceName } from '../../shared/domain.js';
import { DockhandError } from '../../shared/errors.js';
import type { JobControl } from './api/engine-context.js';
import { createScheduler, type JobOutcome, type Scheduler } from './scheduler/index.js';
import { executeRun } from './services/execute-run.js';
import type { ServiceDeps } from './services/run-context.js';
import { getCart, listCarts } from './store/repositories/carts-repo.js';
import { listMerchants } from './store/repositories/merchants-repo.js';
import { getRun, lastRun, pruneRuns } from './store/repositories/runs-repo.js';

/** Run history kept per job (retention: the in-memory database must not grow without end). */
export const RUNS_KEPT_PER_JOB = 500;
const PRUNE_EVERY_RUNS = 200;
import {
  getSchedule,
  listSchedules,
  setSchedulePaused,
} from './store/repositories/schedules-repo.js';

/**
 * Binds the scheduler to the store: saved frequencies and pauses become scheduler jobs, and every run
 * (scheduled, retried, woken or manual) goes through executeRun so it is recorded the same way.
 */
export function createJobs(deps: ServiceDeps, options: { minuteMs?: number } = {}): JobControl & {
  scheduler: Scheduler;
  loadAll(): Promise<void>;
} {
  const lastRunIds = new Map<string, number>();
  let runsSincePrune = 0;
  const scheduler = createScheduler({
    clock: deps.clock,
    log: deps.log.child({ part: 'scheduler' }),
    minuteMs: options.minuteMs,
    runJob: async (job, trigger, signal): Promise<JobOutcome> => {
      const res = await executeRun(deps, job.service, job.targetId, trigger, signal);
      lastRunIds.set(`${job.service}:${job.targetId}`, res.run.id);
      if (++runsSincePrune >= PRUNE_EVERY_RUNS) {
        runsSincePrune = 0;
        await deps.store.write((db) => pruneRuns(db, RUNS_KEPT_PER_JOB));
      }
      if (res.errorKind) return { ok: false, errorKind: res.errorKind, retryAfterMs: res.retryAfterMs, message: res.run.message ?? 'failed' };
      return { ok: true };
    },
    onChange: (state) => deps.emit({ type: 'state.changed', at: deps.clock.now().toISOString(), data: { job: state } }),
  });

  async function sync(service: ServiceName, targetId: number): Promise<void> {
    const row = await deps.store.read((db) => getSchedule(db, service, targetId));
    scheduler.setJob(
      { service, targetId },
      {
        minutes: row?.minutes ?? null,
        lastRunAt: row?.lastRunAt ?? undefined,
        paused: row?.paused ?? false,
        pauseReason: row?.pauseReason ?? undefined,
      },
    );
  }

  async function targetNames(): Promise<Map<string, string>> {
    return deps.store.read((db) => {
      const names = new Map<string, string>();
      for (const c of listCarts(db)) names.set(`cart:${c.id}`, c.name);
      for (const m of listMerchants(db)) names.set(`merchant:${m.id}`, m.name);
      return names;
    });
  }

  const kindOf = (s: ServiceName) => ((CART_SERVICES as readonly string[]).includes(s) ? 'cart' : 'merchant');

  return {
    scheduler,
    async loadAll() {
      const rows = await deps.store.read((db) => listSchedules(db));
      for (const r of rows) {
        scheduler.setJob(
          { service: r.service, targetId: r.targetId },
          { minutes: r.minutes, lastRunAt: r.lastRunAt ?? undefined, paused: r.paused, pauseReason: r.pauseReason ?? undefined },
        );
      }
    },
    sync,
    forget(service, targetId) {
      scheduler.removeJob({ service, targetId });
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
    async pause(job) {
      const jobs = job ? [job] : scheduler.state().map((s) => ({ service: s.service, targetId: s.targetId }));
      await deps.store.write((db) => jobs.forEach((j) => setSchedulePaused(db, j.service, j.targetId, true, null)));
      jobs.forEach((j) => scheduler.pause(j));
      return jobs.length;
    },
    async resume(job) {
      const jobs = job ? [job] : scheduler.state().map((s) => ({ service: s.service, targetId: s.targetId }));
      await deps.store.write((db) => jobs.forEach((j) => setSchedulePaused(db, j.service, j.targetId, false, null)));
      jobs.forEach((j) => scheduler.resume(j));
      return jobs.length;
    },
    async list(): Promise<JobView[]> {
      const names = await targetNames();
      const rows = await deps.store.read((db) =>
        listSchedules(db).map((r) => ({ row: r, last: lastRun(db, r.service, r.targetId) })),
      );
      return rows.map(({ row, last }) => {
        const state = scheduler.jobState({ service: row.service, targetId: row.targetId });
        return {
          service: row.service,
          targetId: row.targetId,
          targetName: names.get(`${kindOf(row.service)}:${row.targetId}`) ?? `#${row.targetId}`,
          minutes: row.minutes,
          paused: row.paused,
          pauseReason: row.pauseReason,
          running: state?.running ?? false,
          nextRunAt: state?.nextRunAt ?? null,
          lastRunAt: row.lastRunAt,
          lastStatus: last?.status ?? null,
        };
      });
    },
  };
}
