import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  decideAfterRun,
  isWake,
  nextDueAt,
  pauseAfterRun,
  PERSON_PAUSE,
  staggerMs,
  triggerForDue,
} from '../../../../main/engine/scheduler/schedule-rules.js';
import type { ErrorKind } from '../../../../shared/errors.js';

const MIN = 60_000;
const T0 = Date.parse('2026-05-01T10:00:00Z');

describe('nextDueAt', () => {
  it('is the last start plus the frequency once the job has run here', () => {
    expect(nextDueAt({ frequencyMs: 15 * MIN, lastStartMs: T0 })).toBe(T0 + 15 * MIN);
  });

  it('after a restart keeps the stored last run, so a recent run is not repeated', () => {
    expect(nextDueAt({ frequencyMs: 60 * MIN, lastStartMs: T0, firstRunNotBeforeMs: T0 + 5 * MIN })).toBe(T0 + 60 * MIN);
  });

  it('after a restart starts an overdue job at its staggered moment, not all at the same instant', () => {
    expect(nextDueAt({ frequencyMs: 5 * MIN, lastStartMs: T0 - 600 * MIN, firstRunNotBeforeMs: T0 + 7_000 })).toBe(T0 + 7_000);
  });

  it('starts a job that never ran at its staggered moment', () => {
    expect(nextDueAt({ frequencyMs: 5 * MIN, firstRunNotBeforeMs: T0 + 3_000 })).toBe(T0 + 3_000);
  });

  it('puts a pending retry before the regular schedule', () => {
    expect(nextDueAt({ frequencyMs: 60 * MIN, lastStartMs: T0, retryAtMs: T0 + 2 * MIN })).toBe(T0 + 2 * MIN);
  });
});

describe('backoffMs', () => {
  it('doubles from one minute with each consecutive failure', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, MIN, 60 * MIN))).toEqual([MIN, 2 * MIN, 4 * MIN, 8 * MIN]);
  });

  it('never waits longer than the job’s frequency', () => {
    expect(backoffMs(5, MIN, 15 * MIN)).toBe(15 * MIN);
    expect(backoffMs(200, MIN, 24 * 60 * MIN)).toBe(24 * 60 * MIN);
  });
});

describe('staggerMs', () => {
  it('is stable for a key and inside the window', () => {
    expect(staggerMs('order_download:1', 30_000)).toBe(staggerMs('order_download:1', 30_000));
    for (let i = 0; i < 100; i++) {
      const s = staggerMs(`order_delivery:${i}`, 30_000);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThan(30_000);
    }
    expect(staggerMs('x', 0)).toBe(0);
  });

  it('spreads 50 jobs over many different seconds', () => {
    const seconds = new Set<number>();
    for (let i = 1; i <= 25; i++) {
      seconds.add(Math.floor(staggerMs(`order_download:${i}`, 30_000) / 1000));
      seconds.add(Math.floor(staggerMs(`order_delivery:${i}`, 30_000) / 1000));
    }
    expect(seconds.size).toBeGreaterThanOrEqual(15);
  });
});

describe('wake detection', () => {
  it('sees a wake when the clock is far past the expected tick', () => {
    expect(isWake({ expectedMs: T0, nowMs: T0 + 3 * 60 * MIN, thresholdMs: MIN })).toBe(true);
  });

  it('does not mistake ordinary timer lateness for a wake', () => {
    expect(isWake({ expectedMs: T0, nowMs: T0 + 800, thresholdMs: MIN })).toBe(false);
  });

  it('names a due time that fires far too late a wake, before calling it a retry', () => {
    expect(triggerForDue({ dueMs: T0, nowMs: T0 + 10 * MIN, wakeThresholdMs: MIN, isRetry: true })).toBe('wake');
    expect(triggerForDue({ dueMs: T0, nowMs: T0 + 10, wakeThresholdMs: MIN, isRetry: true })).toBe('retry');
    expect(triggerForDue({ dueMs: T0, nowMs: T0 + 10, wakeThresholdMs: MIN, isRetry: false })).toBe('schedule');
  });
});

describe('decideAfterRun', () => {
  const base = { finishedMs: T0, minuteMs: MIN, frequencyMs: 30 * MIN };

  it('clears failures after a success', () => {
    expect(decideAfterRun({ ...base, outcome: { ok: true }, consecutiveFailures: 3 })).toEqual({ consecutiveFailures: 0 });
  });

  it('treats a data error like a success for scheduling', () => {
    const outcome = { ok: false as const, errorKind: 'data' as const, message: '2 rows rejected' };
    expect(decideAfterRun({ ...base, outcome, consecutiveFailures: 1 })).toEqual({ consecutiveFailures: 0 });
  });

  it('retries a transient failure with backoff and counts it', () => {
    const outcome = { ok: false as const, errorKind: 'transient' as const, message: '502 from the cart' };
    expect(decideAfterRun({ ...base, outcome, consecutiveFailures: 2 })).toEqual({
      consecutiveFailures: 3,
      retryAtMs: T0 + 4 * MIN,
    });
  });

  it('retries an unexpected internal failure with backoff too', () => {
    const outcome = { ok: false as const, errorKind: 'internal' as const, message: 'bug' };
    expect(decideAfterRun({ ...base, outcome, consecutiveFailures: 0 })).toEqual({ consecutiveFailures: 1, retryAtMs: T0 + MIN });
  });

  it('waits out a rate limit without counting a failure', () => {
    const outcome = { ok: false as const, errorKind: 'rate_limited' as const, retryAfterMs: 4_500, message: 'slow down' };
    expect(decideAfterRun({ ...base, outcome, consecutiveFailures: 2 })).toEqual({ consecutiveFailures: 2, retryAtMs: T0 + 4_500 });
  });

  it('waits a minute on a rate limit that gave no wait', () => {
    const outcome = { ok: false as const, errorKind: 'rate_limited' as const, message: 'slow down' };
    expect(decideAfterRun({ ...base, outcome, consecutiveFailures: 0 }).retryAtMs).toBe(T0 + MIN);
  });

  it('pauses on auth and config failures by that kind, with the message as the reason', () => {
    for (const errorKind of ['auth', 'config'] as const) {
      const outcome = { ok: false as const, errorKind, message: `${errorKind}: token refused` };
      expect(decideAfterRun({ ...base, outcome, consecutiveFailures: 0 })).toEqual({
        consecutiveFailures: 1,
        pause: { by: errorKind, reason: `${errorKind}: token refused` },
      });
    }
  });

  it('keeps a pause through a run that fails for a passing reason, and still plans its retry', () => {
    const outcome = { ok: false as const, errorKind: 'transient' as const, message: '502 from the cart' };
    expect(decideAfterRun({ ...base, outcome, pause: PERSON_PAUSE, consecutiveFailures: 0 })).toEqual({
      consecutiveFailures: 1,
      retryAtMs: T0 + MIN,
      pause: PERSON_PAUSE,
    });
  });
});

describe('pauseAfterRun', () => {
  const ok = { ok: true as const };
  const fail = (errorKind: ErrorKind) => ({ ok: false as const, errorKind, message: `${errorKind} failure` });
  const auth = { by: 'auth' as const, reason: 'Token refused' };
  const config = { by: 'config' as const, reason: 'Shop not found' };

  it('lifts a pause a failure put on once a run succeeds, and keeps a person\'s pause', () => {
    expect(pauseAfterRun(auth, ok)).toBeUndefined();
    expect(pauseAfterRun(config, ok)).toBeUndefined();
    expect(pauseAfterRun(PERSON_PAUSE, ok)).toEqual(PERSON_PAUSE);
    expect(pauseAfterRun(undefined, ok)).toBeUndefined();
  });

  it('pauses on auth or config whatever paused the job before, so the screen says what to fix', () => {
    expect(pauseAfterRun(PERSON_PAUSE, fail('auth'))).toEqual({ by: 'auth', reason: 'auth failure' });
    expect(pauseAfterRun(auth, fail('config'))).toEqual({ by: 'config', reason: 'config failure' });
  });

  it('leaves the pause as it was after a failure that may pass or a data problem', () => {
    for (const kind of ['transient', 'rate_limited', 'internal', 'data'] as const) {
      expect(pauseAfterRun(undefined, fail(kind))).toBeUndefined();
      expect(pauseAfterRun(auth, fail(kind))).toEqual(auth);
      expect(pauseAfterRun(PERSON_PAUSE, fail(kind))).toEqual(PERSON_PAUSE);
    }
  });
});
