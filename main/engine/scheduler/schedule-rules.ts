import type { JobPause } from '../../../shared/api-types.js';
import type { JobOutcome } from './job-types.js';

/**
 * The scheduler's decisions as pure functions of times in epoch milliseconds, so they are tested
 * with plain numbers while the wiring (scheduler.ts) runs on real timers.
 */

/** When a job runs next. The result may lie in the past: the caller runs it at once. */
export function nextDueAt(input: {
  frequencyMs: number;
  /** Start of the last run, from this process or from the store. */
  lastStartMs?: number;
  /** A pending retry replaces the regular due time. */
  retryAtMs?: number;
  /**
   * Set until the job first runs in this process: when it was registered plus its stagger. An
   * overdue or never-run job then starts at that moment instead of the instant it was registered, so
   * a restart with 50 overdue jobs does not start them all in the same second.
   */
  firstRunNotBeforeMs?: number;
}): number {
  if (input.retryAtMs !== undefined) return input.retryAtMs;
  const regular = input.lastStartMs === undefined ? -Infinity : input.lastStartMs + input.frequencyMs;
  if (input.firstRunNotBeforeMs === undefined) {
    // Unreachable in practice (a job that ran has a last start), but keep the answer defined.
    return Number.isFinite(regular) ? regular : 0;
  }
  return Math.max(regular, input.firstRunNotBeforeMs);
}

/** Exponential backoff after consecutive failures: 1, 2, 4, 8 ... minutes, never longer than the frequency. */
export function backoffMs(consecutiveFailures: number, minuteMs: number, frequencyMs: number): number {
  const exponent = Math.min(Math.max(consecutiveFailures - 1, 0), 30);
  return Math.min(minuteMs * 2 ** exponent, frequencyMs);
}

/**
 * A stable spread in [0, windowMs) from a hash of the job's key, so first runs of many jobs are
 * scattered and the same job gets the same offset on every restart.
 */
export function staggerMs(key: string, windowMs: number): number {
  if (windowMs <= 0) return 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // FNV's high bits barely move when only the last character differs ("...:1", "...:2"); finish
  // with murmur3's mixer so neighbouring keys land far apart.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35) >>> 0;
  hash ^= hash >>> 16;
  hash >>>= 0;
  return Math.floor((hash / 0x1_0000_0000) * windowMs);
}

/**
 * The machine slept (or the wall clock jumped forward) when a timer fires, or a heartbeat ticks,
 * far later than it was due. Timers do not count time spent asleep, so the lateness shows up in the
 * wall clock only.
 */
export function isWake(input: { expectedMs: number; nowMs: number; thresholdMs: number }): boolean {
  return input.nowMs - input.expectedMs > input.thresholdMs;
}

/** What a due time that fires is called. */
export function triggerForDue(input: {
  dueMs: number;
  nowMs: number;
  wakeThresholdMs: number;
  isRetry: boolean;
}): 'schedule' | 'wake' | 'retry' {
  if (isWake({ expectedMs: input.dueMs, nowMs: input.nowMs, thresholdMs: input.wakeThresholdMs })) return 'wake';
  return input.isRetry ? 'retry' : 'schedule';
}

/** The pause a person puts on with Pause (or Pause all). */
export const PERSON_PAUSE: JobPause = { by: 'person', reason: 'Paused by a person' };

/**
 * The pause a job has after a run, from the pause it had (DESIGN.md "Errors have kinds"). The store
 * (services/execute-run.ts) and the scheduler both apply this one rule to the same outcome, so the
 * saved pause and the live one cannot disagree:
 * - auth and config failures pause it with the message as the reason: only a person can fix them;
 * - a good run proves a failure pause is over (credentials or settings fixed, then Run now), so it
 *   lifts it; a person's pause stays until that person resumes;
 * - anything else (transient, rate limited, data, aborted) leaves the pause as it was.
 */
export function pauseAfterRun(current: JobPause | undefined, outcome: JobOutcome): JobPause | undefined {
  if (outcome.ok) return current?.by === 'person' ? current : undefined;
  if (outcome.errorKind === 'auth' || outcome.errorKind === 'config') return { by: outcome.errorKind, reason: outcome.message };
  return current;
}

export interface AfterRun {
  consecutiveFailures: number;
  /** Set when the job must run again sooner than its schedule (a failure that may pass). */
  retryAtMs?: number;
  /** The job's pause after the run (see pauseAfterRun); undefined: not paused. */
  pause?: JobPause;
}

/**
 * How a finished run changes the job:
 * ok and data (bad rows were recorded against their items) keep the schedule; auth and config pause
 * the job (pauseAfterRun); rate_limited retries after the wait without counting a failure; everything
 * else (transient, internal, an aborted run) is retried with backoff.
 */
export function decideAfterRun(input: {
  outcome: JobOutcome;
  pause?: JobPause;
  finishedMs: number;
  consecutiveFailures: number;
  minuteMs: number;
  frequencyMs: number;
}): AfterRun {
  const { outcome, finishedMs, minuteMs, frequencyMs } = input;
  const pause = pauseAfterRun(input.pause, outcome);
  const withPause = (after: Omit<AfterRun, 'pause'>): AfterRun => (pause ? { ...after, pause } : after);
  if (outcome.ok || outcome.errorKind === 'data') return withPause({ consecutiveFailures: 0 });
  switch (outcome.errorKind) {
    case 'auth':
    case 'config':
      return withPause({ consecutiveFailures: input.consecutiveFailures + 1 });
    case 'rate_limited': {
      const wait = outcome.retryAfterMs !== undefined && outcome.retryAfterMs >= 0 ? outcome.retryAfterMs : minuteMs;
      return withPause({ consecutiveFailures: input.consecutiveFailures, retryAtMs: finishedMs + wait });
    }
    default: {
      const failures = input.consecutiveFailures + 1;
      return withPause({ consecutiveFailures: failures, retryAtMs: finishedMs + backoffMs(failures, minuteMs, frequencyMs) });
    }
  }
}
