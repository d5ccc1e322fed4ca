import type { JobPause, JobProgress, JobState } from '../../../shared/api-types.js';
import type { JobTrigger, JobWait } from './job-types.js';

/** What the scheduler holds about a job at one moment, the inputs of its visible state. */
export interface JobFacts {
  minutes: number | null;
  pause?: JobPause;
  /** What the job waits for before it can run at all (no WMS set up yet, a cart not connected); derived, never saved. */
  waiting?: JobWait;
  run?: { startedMs: number; trigger: JobTrigger; progress: JobProgress | null };
  /** A retry after a failure that may pass; it replaces the regular due time. */
  retry?: { atMs: number; attempt: number; lastError: string };
  /** When the job runs on its schedule (no retry pending); already no earlier than now. */
  nextDueMs: number;
}

/**
 * The one place a job's visible state is decided. Every combination of facts lands in exactly one
 * state, and each state carries what a person needs: when it runs, how far it got, when it tries
 * again and why, why it stopped, or what it waits for. The order is what a person needs to see first: a run going on
 * is shown even on a paused job (Run now works while paused); a pause even on a job that is off
 * (a refused token needs a person whatever the frequency); and a retry replaces the regular time.
 */
export function jobStateOf(facts: JobFacts): JobState {
  if (facts.run) {
    return {
      state: 'running',
      startedAt: new Date(facts.run.startedMs).toISOString(),
      trigger: facts.run.trigger,
      progress: facts.run.progress,
    };
  }
  if (facts.pause) return { state: 'paused', by: facts.pause.by, reason: facts.pause.reason };
  // Before "off": a job that is off still cannot run on Run now until its warehouse exists.
  if (facts.waiting) return { state: 'waiting', for: facts.waiting.for, reason: facts.waiting.reason };
  if (facts.minutes === null) return { state: 'off' };
  if (facts.retry) {
    return {
      state: 'retrying',
      retryAt: new Date(facts.retry.atMs).toISOString(),
      attempt: facts.retry.attempt,
      lastError: facts.retry.lastError,
    };
  }
  return { state: 'scheduled', nextRunAt: new Date(facts.nextDueMs).toISOString() };
}
