import type { ServiceName } from '../../../shared/domain.js';
import type { JobPause, JobState } from '../../../shared/api-types.js';
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

/** What a job waits for before it can run at all, and that in words (shown, and Run now's refusal). */
export interface JobWait {
  for: Extract<JobState, { state: 'waiting' }>['for'];
  reason: string;
}

export type RunJob = (job: JobKey, trigger: JobTrigger, signal: AbortSignal) => Promise<JobOutcome>;

/** What the scheduler knows of one job, with its one visible state (see shared/api-types.ts JobState). */
export interface JobSnapshot {
  /** `service:targetId` */
  key: string;
  service: ServiceName;
  targetId: number;
  /** null: the frequency is Off (the job runs only on Run now). */
  minutes: number | null;
  state: JobState;
  /** ISO UTC start of the last run. */
  lastRunAt?: string;
  lastOutcome?: JobOutcome;
  /** ISO UTC end of the last run. */
  lastFinishedAt?: string;
  /** Failures in a row that count for the backoff (a rate limit does not). */
  consecutiveFailures: number;
}

export interface JobSettings {
  /** Whole minutes, already checked against shared/frequency.ts; null turns the job off. */
  minutes: number | null;
  /** ISO UTC start of the last run as recorded in the store, so a restart does not re-run everything. */
  lastRunAt?: string;
  /** The saved pause (null: not paused). Omitted: keep the job's current pause. */
  pause?: JobPause | null;
}

export type TargetKind = 'cart' | 'merchant';

export function jobKeyString(job: JobKey): string {
  return `${job.service}:${job.targetId}`;
}
