import type { ServiceName } from '../../../shared/domain.js';
import type { ErrorKind } from '../../../shared/errors.js';

/** One scheduled job: a service for one target (a cart connection or a merchant, per the service). */
export interface JobKey {
  service: ServiceName;
  targetId: number;
}

/**
 * Why a run started. 'wake': it was missed while the machine slept and runs once now. 'demo': the demo
 * warehouse chained it (its confirmations are waiting), so Activity does not show a person's Run now.
 */
export type JobTrigger = 'schedule' | 'manual' | 'wake' | 'retry' | 'demo';

/** The triggers of a run started on request rather than by the clock. */
export type OnRequestTrigger = Extract<JobTrigger, 'manual' | 'demo'>;

export type JobOutcome =
  | { ok: true }
  | { ok: false; errorKind: ErrorKind; retryAfterMs?: number; message: string };

export type RunJob = (job: JobKey, trigger: JobTrigger, signal: AbortSignal) => Promise<JobOutcome>;

export interface JobState {
  /** `service:targetId` */
  key: string;
  service: ServiceName;
  targetId: number;
  /** null: not scheduled (frequency off, or removed while a run was still going). */
  minutes: number | null;
  paused: boolean;
  /** Why the scheduler paused it (an auth or config failure); absent for a person's pause. */
  pauseReason?: string;
  running: boolean;
  /** The trigger of the run in progress. */
  runningTrigger?: JobTrigger;
  /** ISO UTC; only while the scheduler is started and the job is armed. */
  nextRunAt?: string;
  /** ISO UTC start of the last run. */
  lastRunAt?: string;
  lastOutcome?: JobOutcome;
  /** ISO UTC end of the last run. */
  lastFinishedAt?: string;
  consecutiveFailures: number;
  /** ISO UTC of the pending retry after a failure or a rate limit. */
  retryAt?: string;
}

export interface JobSettings {
  /** Whole minutes, already checked against shared/frequency.ts; null turns the job off. */
  minutes: number | null;
  /** ISO UTC start of the last run as recorded in the store, so a restart does not re-run everything. */
  lastRunAt?: string;
  /** Omitted: keep the job's current pause state. */
  paused?: boolean;
  pauseReason?: string;
}

export type TargetKind = 'cart' | 'merchant';

export function jobKeyString(job: JobKey): string {
  return `${job.service}:${job.targetId}`;
}
