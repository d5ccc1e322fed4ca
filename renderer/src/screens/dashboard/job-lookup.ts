import type { JobView, RunStatus } from '../../../../shared/api-types.js';
import { CART_SERVICES, MERCHANT_SERVICES, type ServiceName } from '../../../../shared/domain.js';

/** The scheduled jobs of one cart connection or one merchant (a target id means either, by service). */
export function jobsOf(jobs: readonly JobView[], kind: 'cart' | 'merchant', targetId: number): JobView[] {
  const services: readonly ServiceName[] = kind === 'cart' ? CART_SERVICES : MERCHANT_SERVICES;
  return jobs.filter((job) => job.targetId === targetId && services.includes(job.service));
}

/** The soonest time any of the jobs runs on its own: its next scheduled run or its retry. */
export function nextRun(jobs: readonly JobView[]): { job: JobView; at: string; retry: boolean } | null {
  let soonest: { job: JobView; at: string; retry: boolean } | null = null;
  for (const job of jobs) {
    const at = job.state === 'scheduled' ? job.nextRunAt : job.state === 'retrying' ? job.retryAt : null;
    if (at && (!soonest || at < soonest.at)) soonest = { job, at, retry: job.state === 'retrying' };
  }
  return soonest;
}

/**
 * What the Dashboard says for a cart's or a merchant's jobs, from their states: a pause a person must
 * fix first (it stops that job whatever the others do), then what the jobs wait for (a cart not
 * connected yet), then a run going on, then the next run, then a person's pause; off when none of the
 * jobs runs on its own.
 */
export type ScheduleSummary =
  | { kind: 'needs_fix'; job: JobView }
  | { kind: 'waiting'; job: JobView }
  | { kind: 'running'; job: JobView }
  | { kind: 'next'; job: JobView; at: string; retry: boolean }
  | { kind: 'paused' }
  | { kind: 'off' };

export function scheduleSummary(jobs: readonly JobView[]): ScheduleSummary {
  const needsFix = jobs.find((job) => job.state === 'paused' && job.by !== 'person');
  if (needsFix) return { kind: 'needs_fix', job: needsFix };
  const waiting = jobs.find((job) => job.state === 'waiting');
  if (waiting) return { kind: 'waiting', job: waiting };
  const running = jobs.find((job) => job.state === 'running');
  if (running) return { kind: 'running', job: running };
  const next = nextRun(jobs);
  if (next) return { kind: 'next', ...next };
  return jobs.some((job) => job.state === 'paused') ? { kind: 'paused' } : { kind: 'off' };
}

/** The most recent run among jobs. */
export function lastRun(jobs: readonly JobView[]): { job: JobView; at: string; status: RunStatus | null } | null {
  let latest: JobView | null = null;
  for (const job of jobs) if (job.lastRunAt && (!latest || job.lastRunAt > latest.lastRunAt!)) latest = job;
  return latest ? { job: latest, at: latest.lastRunAt!, status: latest.lastStatus } : null;
}

/** Health of a merchant's own (WMS-side) jobs, in the words of the cart health badges. */
export function merchantHealth(jobs: readonly JobView[]): 'ok' | 'failing' | 'paused' | 'idle' {
  if (jobs.some((job) => job.lastStatus === 'failed')) return 'failing';
  if (jobs.length > 0 && jobs.every((job) => job.state === 'paused' || job.state === 'off')) return 'paused';
  return jobs.some((job) => job.lastRunAt) ? 'ok' : 'idle';
}
