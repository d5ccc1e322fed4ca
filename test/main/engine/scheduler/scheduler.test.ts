import { afterEach, describe, expect, it, vi } from 'vitest';
import { DockhandError } from '../../../../shared/errors.js';
import { systemClock, type Clock } from '../../../../main/engine/platform/ports.js';
import { createMemoryLogger } from '../../../../main/engine/log/memory-logger.js';
import { createScheduler, type Scheduler, type SchedulerOptions } from '../../../../main/engine/scheduler/scheduler.js';
import type { JobKey, JobOutcome, JobState, JobTrigger } from '../../../../main/engine/scheduler/job-types.js';

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
  const changes: JobState[] = [];
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
    await vi.waitFor(() => expect(s.jobState(download)?.running).toBe(false), WAIT);
    const state = s.jobState(download)!;
    expect(Date.parse(state.nextRunAt!) - Date.parse(state.lastRunAt!)).toBe(MINUTE_MS);
    expect(state.lastOutcome).toEqual({ ok: true });
  });

  it('waits for the stored last run plus the frequency after a restart', () => {
    const { s, clock } = setup();
    const lastRunAt = new Date(clock.now().getTime() - 1_000).toISOString();
    s.setJob(download, { minutes: 60, lastRunAt });
    s.start();
    expect(Date.parse(s.jobState(download)!.nextRunAt!)).toBe(Date.parse(lastRunAt) + 60 * MINUTE_MS);
  });

  it('runs a job that never ran soon, at its staggered moment', () => {
    const { s, clock } = setup(undefined, { staggerWindowMs: 10 * MINUTE_MS });
    const before = clock.now().getTime();
    s.setJob(download, { minutes: 60 });
    s.start();
    const next = Date.parse(s.jobState(download)!.nextRunAt!);
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
    expect(s.jobState(download)).toMatchObject({ running: true, runningTrigger: 'schedule' });
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
    expect(Date.parse(state.nextRunAt!)).toBe(Date.parse(state.lastRunAt!) + 2000 * MINUTE_MS);
  });

  it('pauses and resumes one job, then all of them', async () => {
    const { s, clock, callsOf } = setup();
    const now = clock.now().toISOString();
    s.setJob(download, { minutes: 1, lastRunAt: now });
    s.setJob(delivery, { minutes: 1, lastRunAt: now });
    s.pause(download);
    s.start();
    expect(s.jobState(download)?.paused).toBe(true);
    expect(s.jobState(download)?.nextRunAt).toBeUndefined();
    await vi.waitFor(() => expect(callsOf(delivery).length).toBeGreaterThanOrEqual(2), WAIT);
    expect(callsOf(download)).toHaveLength(0);

    s.resume(download);
    await vi.waitFor(() => expect(callsOf(download).length).toBeGreaterThanOrEqual(1), WAIT);

    s.pause();
    expect(s.state().every((j) => j.paused)).toBe(true);
    await vi.waitFor(() => expect(s.state().some((j) => j.running)).toBe(false), WAIT);
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
    s.setJob(download, { minutes: 1, lastRunAt: clock.now().toISOString(), paused: true });
    s.start();
    await expect(s.runNow(download)).resolves.toEqual({ ok: true });
    expect(callsOf(download).map((c) => c.trigger)).toEqual(['manual']);
    expect(s.jobState(download)).toMatchObject({ paused: true, running: false });
    expect(s.jobState(download)?.nextRunAt).toBeUndefined();
  });

  it('retries a transient failure with exponential backoff, then returns to the schedule', async () => {
    const { s, clock, callsOf, changes } = setup((_call, index) =>
      index < 3 ? { ok: false, errorKind: 'transient', message: '503 from the cart' } : { ok: true },
    );
    s.setJob(download, { minutes: 60, lastRunAt: clock.now().toISOString() });
    s.start();
    await expect(s.runNow(download)).resolves.toMatchObject({ ok: false, errorKind: 'transient' });
    await vi.waitFor(() => expect(callsOf(download)).toHaveLength(4), WAIT);
    await vi.waitFor(() => expect(s.jobState(download)?.running).toBe(false), WAIT);
    expect(callsOf(download).map((c) => c.trigger)).toEqual(['manual', 'retry', 'retry', 'retry']);

    const waits = changes
      .filter((c) => !c.running && c.retryAt && c.lastOutcome && !c.lastOutcome.ok)
      .map((c) => [c.consecutiveFailures, Date.parse(c.retryAt!) - Date.parse(c.lastFinishedAt!)]);
    expect(waits).toEqual([
      [1, MINUTE_MS],
      [2, 2 * MINUTE_MS],
      [3, 4 * MINUTE_MS],
    ]);
    const state = s.jobState(download)!;
    expect(state).toMatchObject({ consecutiveFailures: 0, lastOutcome: { ok: true } });
    expect(state.retryAt).toBeUndefined();
    expect(Date.parse(state.nextRunAt!)).toBe(Date.parse(state.lastRunAt!) + 60 * MINUTE_MS);
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
    expect(Date.parse(state.retryAt!) - Date.parse(state.lastFinishedAt!)).toBe(120);
    expect(state.nextRunAt).toBe(state.retryAt);
    await vi.waitFor(() => expect(callsOf(download)).toHaveLength(2), WAIT);
    expect(callsOf(download)[1].trigger).toBe('retry');
  });

  it('pauses a job refused for auth with the message as the reason until a person resumes it', async () => {
    const { s, callsOf } = setup((_call, index) =>
      index === 0 ? { ok: false, errorKind: 'auth', message: 'Shopify refused the access token (401)' } : { ok: true },
    );
    s.setJob(download, { minutes: 1 }); // never ran: due at once (no stagger in these tests)
    s.start();
    await vi.waitFor(() => expect(s.jobState(download)?.paused).toBe(true), WAIT);
    expect(s.jobState(download)).toMatchObject({
      pauseReason: 'Shopify refused the access token (401)',
      consecutiveFailures: 1,
    });
    expect(s.jobState(download)?.nextRunAt).toBeUndefined();
    await sleep(6 * MINUTE_MS);
    expect(callsOf(download)).toHaveLength(1);

    s.resume(download);
    await vi.waitFor(() => expect(callsOf(download)).toHaveLength(2), WAIT);
    await vi.waitFor(() => expect(s.jobState(download)).toMatchObject({ running: false, paused: false }), WAIT);
    expect(s.jobState(download)?.pauseReason).toBeUndefined();
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
    expect(s.jobState(download)).toMatchObject({ paused: true, pauseReason: 'The FTP folder does not exist' });
  });

  it('removes a job set to null minutes and never runs it', async () => {
    const { s, clock, calls, changes } = setup();
    s.setJob(download, { minutes: 1, lastRunAt: clock.now().toISOString() });
    s.start();
    s.setJob(download, { minutes: null });
    expect(s.state()).toEqual([]);
    expect(changes.at(-1)).toMatchObject({ key: 'order_download:1', minutes: null });
    await sleep(6 * MINUTE_MS);
    expect(calls).toHaveLength(0);
  });

  it('lets a run finish when its job is turned off meanwhile, then forgets the job', async () => {
    const release = gate();
    const { s, clock, calls } = setup(async () => {
      await release.opened;
      return { ok: true };
    });
    s.setJob(download, { minutes: 1, lastRunAt: clock.now().toISOString() });
    s.start();
    const run = s.runNow(download);
    s.setJob(download, { minutes: null });
    expect(s.jobState(download)).toMatchObject({ running: true, minutes: null });
    release.open();
    await run;
    expect(s.state()).toEqual([]);
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
    expect(s.jobState(download)?.running).toBe(false);
    expect(s.jobState(download)?.nextRunAt).toBeUndefined();
    await expect(s.runNow(download)).rejects.toMatchObject({ kind: 'conflict' });
  });
});
