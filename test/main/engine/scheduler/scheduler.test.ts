import { afterEach, describe, expect, it, vi } from 'vitest';
import { DockhandError, type ErrorKind } from '../../../../shared/errors.js';
import { systemClock, type Clock } from '../../../../main/engine/platform/ports.js';
import { createMemoryLogger } from '../../../../main/engine/log/memory-logger.js';
import { createScheduler, type Scheduler, type SchedulerOptions } from '../../../../main/engine/scheduler/scheduler.js';
import type { JobKey, JobOutcome, JobSnapshot, JobTrigger } from '../../../../main/engine/scheduler/job-types.js';
import type { JobPause, JobState } from '../../../../shared/api-types.js';
import { expectVisibleState } from '../../../support/job-state-checks.js';

/** A "minute" is 50 ms here, so a 1-minute job fires every 50 ms of real time. */
const MINUTE_MS = 50;
const WAIT = { timeout: 5_000, interval: 5 };

const download: JobKey = { service: 'order_download', targetId: 1 };
const delivery: JobKey = { service: 'order_delivery', targetId: 1 };

/** Real time plus an offset that a test can push forward, as a machine waking from sleep sees it. */
function jumpingClock(): Clock & { jump(ms: number): void } {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    sleep: systemClock.sleep,
    jump: (ms) => void (offset += ms),
  };
}

interface Call {
  job: string;
  trigger: JobTrigger;
  signal: AbortSignal;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let scheduler: Scheduler | undefined;
afterEach(async () => {
  await scheduler?.stop();
  scheduler = undefined;
});

function setup(
  run: (call: Call, index: number) => Promise<JobOutcome> | JobOutcome = () => ({ ok: true }),
  overrides: Partial<SchedulerOptions> = {},
) {
  const clock = jumpingClock();
  const calls: Call[] = [];
  const changes: JobSnapshot[] = [];
  const log = createMemoryLogger();
  let active = 0;
  let maxActive = 0;
  const s = createScheduler({
    clock,
    log,
    minuteMs: MINUTE_MS,
    staggerWindowMs: 0,
    heartbeatMs: 20,
    wakeThresholdMs: 2_000,
    onChange: (state) => changes.push(state),
    runJob: async (job, trigger, signal) => {
      const call = { job: `${job.service}:${job.targetId}`, trigger, signal };
      calls.push(call);
      active++;
      maxActive = Math.max(maxActive, active);
      try {
        return await run(call, calls.length - 1);
      } finally {
        active--;
      }
    },
    ...overrides,
  });
  scheduler = s;
  const callsOf = (job: JobKey) => calls.filter((c) => c.job === `${job.service}:${job.targetId}`);
  return { s, clock, calls, callsOf, changes, log, maxActive: () => maxActive };
}

/** When a job runs next on its schedule; fails the test if it is in any other state. */
function nextRunMs(state: JobSnapshot | undefined): number {
  if (state?.state.state !== 'scheduled') throw new Error(`not scheduled: ${JSON.stringify(state)}`);
  return Date.parse(state.state.nextRunAt);
}

const stateName = (state: JobSnapshot | undefined) => state?.state.state;

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('scheduler', () => {
  it('fires a job on its schedule, again and again, measured from each start', async () => {
    const { s, clock, callsOf } = setup();
    s.setJob(download, { minutes: 1, lastRunAt: clock.now().toISOString() });
    s.start();
    await vi.waitFor(() => expect(callsOf(download).length).toBeGreaterThanOrEqual(3), WAIT);
    expect(callsOf(download).slice(0, 3).map((c) => c.trigger)).toEqual(['schedule', 'schedule', 'schedule']);
    await vi.waitFor(() => expect(stateName(s.jobState(download))).toBe('scheduled'), WAIT);
    const state = s.jobState(download)!;
    expect(nextRunMs(state) - Date.parse(state.lastRunAt!)).toBe(MINUTE_MS);
    expect(state.lastOutcome).toEqual({ ok: true });
  });

  it('waits for the stored last run plus the frequency after a restart', () => {
    const { s, clock } = setup();
    const lastRunAt = new Date(clock.now().getTime() - 1_000).toISOString();
    s.setJob(download, { minutes: 60, lastRunAt });
    s.start();
    expect(nextRunMs(s.jobState(download))).toBe(Date.parse(lastRunAt) + 60 * MINUTE_MS);
  });

  it('runs a job that never ran soon, at its staggered moment', () => {
    const { s, clock } = setup(undefined, { staggerWindowMs: 10 * MINUTE_MS });
    const before = clock.now().getTime();
    s.setJob(download, { minutes: 60 });
    s.start();
    const next = nextRunMs(s.jobState(download));
    expect(next).toBeGreaterThanOrEqual(before);
    expect(next).toBeLessThan(before + 10 * MINUTE_MS + 100);
  });

  it('never runs the same job twice at once: Run now and due times join the running run', async () => {
    const release = gate();
    const { s, clock, callsOf, maxActive } = setup(async () => {
      await release.opened;
      return { ok: true };
    });
    s.setJob(download, { minutes: 1, lastRunAt: clock.now().toISOString() });
    s.start();
    await vi.waitFor(() => expect(callsOf(download)).toHaveLength(1), WAIT);
    const first = s.runNow(download);
    const second = s.runNow(download);
    expect(second).toBe(first);
    await sleep(6 * MINUTE_MS); // several due times pass while the run is still going
    expect(callsOf(download)).toHaveLength(1);
    expect(s.jobState(download)?.state).toMatchObject({ state: 'running', trigger: 'schedule' });
    release.open();
    await expect(first).resolves.toEqual({ ok: true });
    await vi.waitFor(() => expect(callsOf(download).length).toBeGreaterThanOrEqual(2), WAIT);
    expect(maxActive()).toBe(1);
  });

  it('runs a run missed while the machine slept once on wake, not once per missed time', async () => {
    const { s, clock, callsOf } = setup();
    // Due in 100 s of real time: only the wake watchdog can start it within this test.
    s.setJob(download, { minutes: 2000, lastRunAt: clock.now().toISOString() });
    s.start();
    clock.jump(10 * 60 * 60_000); // ten hours asleep: hundreds of periods missed
    await vi.waitFor(() => expect(callsOf(download)).toHaveLength(1), WAIT);
    await sleep(8 * MINUTE_MS);
    expect(callsOf(download).map((c) => c.trigger)).toEqual(['wake']);
    const state = s.jobState(download)!;
    expect(nextRunMs(state)).toBe(Date.parse(state.lastRunAt!) + 2000 * MINUTE_MS);
  });

  it('pauses and resumes one job, then all of them', async () => {
    const { s, clock, callsOf } = setup();
    const now = clock.now().toISOString();
    s.setJob(download, { minutes: 1, lastRunAt: now });
    s.setJob(delivery, { minutes: 1, lastRunAt: now });
    s.pause(download);
    s.start();
    expect(s.jobState(download)?.state).toEqual({ state: 'paused', by: 'person', reason: 'Paused by a person' });
    await vi.waitFor(() => expect(callsOf(delivery).length).toBeGreaterThanOrEqual(2), WAIT);
    expect(callsOf(download)).toHaveLength(0);

    s.resume(download);
    await vi.waitFor(() => expect(callsOf(download).length).toBeGreaterThanOrEqual(1), WAIT);

    s.pause();
    await vi.waitFor(() => expect(s.state().map(stateName)).toEqual(['paused', 'paused']), WAIT);
    const counts = [callsOf(download).length, callsOf(delivery).length];
    await sleep(6 * MINUTE_MS);
    expect([callsOf(download).length, callsOf(delivery).length]).toEqual(counts);

    s.resume();
    await vi.waitFor(() => {
      expect(callsOf(download).length).toBeGreaterThan(counts[0]);
      expect(callsOf(delivery).length).toBeGreaterThan(counts[1]);
    }, WAIT);
  });

  it('runs a paused job when a person asks, and leaves it paused', async () => {
    const { s, clock, callsOf } = setup();
    s.setJob(download, { minutes: 1, lastRunAt: clock.now().toISOString(), pause: { by: 'person', reason: 'Paused by a person' } });
    s.start();
    await expect(s.runNow(download)).resolves.toEqual({ ok: true });
    expect(callsOf(download).map((c) => c.trigger)).toEqual(['manual']);
    expect(s.jobState(download)?.state).toMatchObject({ state: 'paused', by: 'person' });
  });

  it('retries a transient failure with exponential backoff, then returns to the schedule', async () => {
    const { s, clock, callsOf, changes } = setup((_call, index) =>
      index < 3 ? { ok: false, errorKind: 'transient', message: '503 from the cart' } : { ok: true },
    );
    s.setJob(download, { minutes: 60, lastRunAt: clock.now().toISOString() });
    s.start();
    await expect(s.runNow(download)).resolves.toMatchObject({ ok: false, errorKind: 'transient' });
    await vi.waitFor(() => expect(callsOf(download)).toHaveLength(4), WAIT);
    await vi.waitFor(() => expect(stateName(s.jobState(download))).toBe('scheduled'), WAIT);
    expect(callsOf(download).map((c) => c.trigger)).toEqual(['manual', 'retry', 'retry', 'retry']);

    const waits = changes.flatMap((c) =>
      c.state.state === 'retrying' ? [[c.consecutiveFailures, c.state.attempt, Date.parse(c.state.retryAt) - Date.parse(c.lastFinishedAt!)]] : [],
    );
    expect(waits).toEqual([
      [1, 2, MINUTE_MS],
      [2, 3, 2 * MINUTE_MS],
      [3, 4, 4 * MINUTE_MS],
    ]);
    const state = s.jobState(download)!;
    expect(state).toMatchObject({ consecutiveFailures: 0, lastOutcome: { ok: true } });
    expect(nextRunMs(state)).toBe(Date.parse(state.lastRunAt!) + 60 * MINUTE_MS);
  });

  it('waits out a rate limit for its retry-after without counting a failure', async () => {
    const { s, clock, callsOf } = setup((_call, index) =>
      index === 0 ? { ok: false, errorKind: 'rate_limited', retryAfterMs: 120, message: 'THROTTLED' } : { ok: true },
    );
    s.setJob(download, { minutes: 60, lastRunAt: clock.now().toISOString() });
    s.start();
    await s.runNow(download);
    const state = s.jobState(download)!;
    expect(state.consecutiveFailures).toBe(0);
    expect(state.state).toMatchObject({ state: 'retrying', attempt: 2, lastError: 'THROTTLED' });
    expect(state.state.state === 'retrying' && Date.parse(state.state.retryAt) - Date.parse(state.lastFinishedAt!)).toBe(120);
    await vi.waitFor(() => expect(callsOf(download)).toHaveLength(2), WAIT);
    expect(callsOf(download)[1].trigger).toBe('retry');
  });

  it('pauses a job refused for auth with the message as the reason until a person resumes it', async () => {
    const { s, callsOf } = setup((_call, index) =>
      index === 0 ? { ok: false, errorKind: 'auth', message: 'Shopify refused the access token (401)' } : { ok: true },
    );
    s.setJob(download, { minutes: 1 }); // never ran: due at once (no stagger in these tests)
    s.start();
    await vi.waitFor(() => expect(stateName(s.jobState(download))).toBe('paused'), WAIT);
    expect(s.jobState(download)).toMatchObject({
      state: { state: 'paused', by: 'auth', reason: 'Shopify refused the access token (401)' },
      consecutiveFailures: 1,
    });
    await sleep(6 * MINUTE_MS);
    expect(callsOf(download)).toHaveLength(1);

    s.resume(download);
    await vi.waitFor(() => expect(callsOf(download)).toHaveLength(2), WAIT);
    await vi.waitFor(() => expect(stateName(s.jobState(download))).toBe('scheduled'), WAIT);
  });

  it('records a thrown DockhandError by its kind', async () => {
    const { s } = setup(() => {
      throw new DockhandError('config', 'The FTP folder does not exist');
    });
    s.setJob(download, { minutes: 60, lastRunAt: new Date().toISOString() });
    await expect(s.runNow(download)).resolves.toEqual({
      ok: false,
      errorKind: 'config',
      message: 'The FTP folder does not exist',
    });
    expect(s.jobState(download)?.state).toEqual({ state: 'paused', by: 'config', reason: 'The FTP folder does not exist' });
  });

  it('turns a job set to null minutes off and never runs it on its own', async () => {
    const { s, clock, calls, changes } = setup();
    s.setJob(download, { minutes: 1, lastRunAt: clock.now().toISOString() });
    s.start();
    s.setJob(download, { minutes: null });
    expect(s.state().map(stateName)).toEqual(['off']);
    expect(changes.at(-1)).toMatchObject({ key: 'order_download:1', minutes: null, state: { state: 'off' } });
    await sleep(6 * MINUTE_MS);
    expect(calls).toHaveLength(0);
  });

  it('lets a run finish when its job is turned off meanwhile, then leaves it off', async () => {
    const release = gate();
    const { s, clock, calls } = setup(async () => {
      await release.opened;
      return { ok: true };
    });
    s.setJob(download, { minutes: 1, lastRunAt: clock.now().toISOString() });
    s.start();
    const run = s.runNow(download);
    s.setJob(download, { minutes: null });
    expect(s.jobState(download)).toMatchObject({ state: { state: 'running' }, minutes: null });
    release.open();
    await run;
    expect(s.state().map(stateName)).toEqual(['off']);
    await sleep(4 * MINUTE_MS);
    expect(calls).toHaveLength(1);
  });

  it('removes every job of a cart connection, leaving the merchant jobs alone', () => {
    const { s } = setup();
    s.setJob({ service: 'order_download', targetId: 7 }, { minutes: 5 });
    s.setJob({ service: 'inventory_upload', targetId: 7 }, { minutes: 60 });
    s.setJob({ service: 'order_delivery', targetId: 7 }, { minutes: 5 });
    s.removeTarget('cart', 7);
    expect(s.state().map((j) => j.key)).toEqual(['order_delivery:7']);
  });

  it('stops by aborting a running job through its signal and resolving once it settled', async () => {
    const { s, calls } = setup(
      (call) =>
        new Promise<JobOutcome>((_resolve, reject) => {
          call.signal.addEventListener('abort', () => reject(call.signal.reason), { once: true });
        }),
    );
    s.setJob(download, { minutes: 60, lastRunAt: new Date().toISOString() });
    s.start();
    const run = s.runNow(download);
    await s.stop();
    expect(calls[0].signal.aborted).toBe(true);
    await expect(run).resolves.toMatchObject({ ok: false, errorKind: 'transient' });
    // Stopped, it still says when it would run (the aborted run is retried, like any that may pass).
    expect(stateName(s.jobState(download))).toBe('retrying');
    await expect(s.runNow(download)).rejects.toMatchObject({ kind: 'conflict' });
  });
});

describe('a job that waits, and a failed job whose settings a person saved', () => {
  it('does not arm a waiting job nor run it on Run now, and starts it on its own once refresh finds it ready', async () => {
    let ready = false;
    const { s, callsOf } = setup(undefined, { waitingFor: (job) => (ready || job.service !== 'order_delivery' ? undefined : { for: 'wms', reason: 'Waiting for the warehouse' }) });
    s.setJob(delivery, { minutes: 60 });
    s.setJob(download, { minutes: 60, lastRunAt: new Date().toISOString() });
    s.start();
    expect(s.jobState(delivery)?.state).toEqual({ state: 'waiting', for: 'wms', reason: 'Waiting for the warehouse' });
    expect(stateName(s.jobState(download))).toBe('scheduled');
    await expect(s.runNow(delivery)).rejects.toMatchObject({ kind: 'conflict', message: 'Waiting for the warehouse' });
    await sleep(5 * MINUTE_MS);
    expect(callsOf(delivery)).toHaveLength(0);

    ready = true;
    s.refresh();
    await vi.waitFor(() => expect(callsOf(delivery).map((c) => c.trigger)).toEqual(['schedule']), WAIT);
  });

  it('retries a failed job soon after its settings are saved instead of at its next regular run', async () => {
    const { s, clock, callsOf } = setup((_call, index) => (index === 0 ? { ok: false, errorKind: 'transient', message: '503 from the cart' } : { ok: true }));
    s.setJob(download, { minutes: 600, lastRunAt: clock.now().toISOString() });
    s.start();
    // A failure of a job that is not paused: its backoff retry is a minute away, its schedule 600.
    await s.runNow(download);
    expect(stateName(s.jobState(download))).toBe('retrying');
    s.retrySoon(download, 1, 'saved settings');
    const state = s.jobState(download)!;
    expect(state.state).toMatchObject({ state: 'retrying', lastError: '503 from the cart' });
    await vi.waitFor(() => expect(callsOf(download).map((c) => c.trigger)).toEqual(['manual', 'retry']), WAIT);
    await vi.waitFor(() => expect(stateName(s.jobState(download))).toBe('scheduled'), WAIT);
  });

  it('leaves a paused, off or waiting job alone when asked to retry soon', () => {
    const { s } = setup(undefined, { waitingFor: (job) => (job.targetId === 3 ? { for: 'wms', reason: 'Waiting' } : undefined) });
    s.setJob(download, { minutes: 60, pause: { by: 'person', reason: 'Paused by a person' } });
    s.setJob(delivery, { minutes: null });
    s.setJob({ service: 'order_delivery', targetId: 3 }, { minutes: 60 });
    s.start();
    for (const job of [download, delivery, { service: 'order_delivery' as const, targetId: 3 }]) s.retrySoon(job, 1, 'x');
    expect([download, delivery, { service: 'order_delivery' as const, targetId: 3 }].map((j) => stateName(s.jobState(j)))).toEqual(['paused', 'off', 'waiting']);
  });
});

describe('every outcome leaves a job in one visible state, with its detail', () => {
  it('walks success, transient, rate limit, auth, Run now while paused, config, Resume, data, a crash, a person pause, a frequency change while retrying and Off', async () => {
    const MINUTE = 60_000; // long enough that nothing fires on its own: every run below is a Run now
    /** What each run does in turn: return an outcome, throw, or wait until it is aborted. */
    const script: (JobOutcome | Error | 'until aborted')[] = [];
    const progressGate = gate();
    let holdNext = false;
    const pauses: (JobPause | undefined)[] = [];
    const { s, clock } = setup(
      async (call) => {
        const next = script.shift();
        if (next === undefined) throw new Error('the walk ran more often than scripted');
        if (next === 'until aborted') {
          return new Promise<JobOutcome>((_resolve, reject) => call.signal.addEventListener('abort', () => reject(call.signal.reason), { once: true }));
        }
        if (holdNext) {
          holdNext = false;
          await progressGate.opened;
        }
        if (next instanceof Error) throw next;
        return next;
      },
      { minuteMs: MINUTE, onPauseChange: (_job, pause) => pauses.push(pause) },
    );
    s.setJob(download, { minutes: 60, lastRunAt: clock.now().toISOString() });
    s.start();

    const look = (): JobState => {
      const snapshot = s.jobState(download)!;
      expectVisibleState({ ...snapshot, ...snapshot.state });
      return snapshot.state;
    };
    const lastFinished = () => Date.parse(s.jobState(download)!.lastFinishedAt!);
    async function runWith(outcome: JobOutcome | Error): Promise<JobState> {
      script.push(outcome);
      await s.runNow(download);
      return look();
    }
    const fail = (errorKind: ErrorKind, message: string, retryAfterMs?: number): JobOutcome => ({
      ok: false,
      errorKind,
      message,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    });

    expect(look().state).toBe('scheduled');

    expect(await runWith({ ok: true })).toEqual({ state: 'scheduled', nextRunAt: new Date(Date.parse(s.jobState(download)!.lastRunAt!) + 60 * MINUTE).toISOString() });

    expect(await runWith(fail('transient', 'Shopify answered HTTP 503'))).toEqual({
      state: 'retrying',
      retryAt: new Date(lastFinished() + MINUTE).toISOString(),
      attempt: 2,
      lastError: 'Shopify answered HTTP 503',
    });

    expect(await runWith(fail('rate_limited', 'THROTTLED', 30_000))).toEqual({
      state: 'retrying',
      retryAt: new Date(lastFinished() + 30_000).toISOString(),
      attempt: 3,
      lastError: 'THROTTLED',
    });

    expect(await runWith(fail('auth', 'Shopify refused the access token (HTTP 401)'))).toEqual({
      state: 'paused',
      by: 'auth',
      reason: 'Shopify refused the access token (HTTP 401)',
    });

    // Run now while paused by auth: the run goes, and a good one proves the credentials were fixed.
    expect(await runWith({ ok: true })).toMatchObject({ state: 'scheduled' });

    expect(await runWith(fail('config', 'The FTP folder /orders does not exist'))).toEqual({
      state: 'paused',
      by: 'config',
      reason: 'The FTP folder /orders does not exist',
    });
    s.resume(download);
    expect(look().state).toBe('scheduled');

    // Bad rows were recorded against their items: the job carries on with its schedule.
    expect(await runWith(fail('data', '2 rows rejected'))).toMatchObject({ state: 'scheduled' });

    // A crash inside the run (a bug) is retried like a failure that may pass.
    expect(await runWith(new Error('Cannot read properties of undefined'))).toMatchObject({
      state: 'retrying',
      attempt: 2,
      lastError: 'Cannot read properties of undefined',
    });

    s.pause(download);
    expect(look()).toEqual({ state: 'paused', by: 'person', reason: 'Paused by a person' });
    holdNext = true;
    script.push({ ok: true });
    const run = s.runNow(download);
    s.setProgress(download, { done: 3, total: 10 });
    expect(look()).toMatchObject({ state: 'running', trigger: 'manual', progress: { done: 3, total: 10 } });
    progressGate.open();
    await run;
    expect(look()).toMatchObject({ state: 'paused', by: 'person' });
    s.resume(download);

    const retrying = await runWith(fail('transient', 'connection reset'));
    expect(retrying).toMatchObject({ state: 'retrying', attempt: 2 });
    s.setJob(download, { minutes: 30 });
    expect(look()).toEqual(retrying);

    s.setJob(download, { minutes: null });
    expect(look()).toEqual({ state: 'off' });
    expect(await runWith(fail('auth', 'Token refused'))).toMatchObject({ state: 'paused', by: 'auth' });
    s.resume(download);
    expect(look()).toEqual({ state: 'off' });

    // Aborted: Dockhand stops while a run goes; the run ends with a transient outcome, to be retried.
    s.setJob(download, { minutes: 60 });
    script.push('until aborted');
    const aborted = s.runNow(download);
    await s.stop();
    await expect(aborted).resolves.toMatchObject({ ok: false, errorKind: 'transient', message: 'Dockhand is stopping' });
    expect(look()).toMatchObject({ state: 'retrying', attempt: 2, lastError: 'Dockhand is stopping' });

    expect(script).toEqual([]);
    // Every pause change was reported, in order, for the store to save.
    expect(pauses.map((p) => p?.by ?? 'lifted')).toEqual(['auth', 'lifted', 'config', 'lifted', 'person', 'lifted', 'auth', 'lifted']);
  });
});
