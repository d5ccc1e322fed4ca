import type { JobView, RunStatus } from '../../../../shared/api-types.js';
import { CART_SERVICES, MERCHANT_SERVICES, type ServiceName } from '../../../../shared/domain.js';

/** The scheduled jobs of one cart connection or one merchant (a target id means either, by service). */
export function jobsOf(jobs: readonly JobView[], kind: 'cart' | 'merchant', targetId: number): JobView[] {
  const services: readonly ServiceName[] = kind === 'cart' ? CART_SERVICES : MERCHANT_SERVICES;
  return jobs.filter((job) => job.targetId === targetId && services.includes(job.service));
}

/** The soonest next run among jobs that are on and not paused. */
export function nextRun(jobs: readonly JobView[]): JobView | null {
  let soonest: JobView | null = null;
  for (const job of jobs) {
    if (job.paused || !job.nextRunAt) continue;
    if (!soonest || job.nextRunAt < soonest.nextRunAt!) soonest = job;
  }
  return soonest;
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
  if (jobs.length > 0 && jobs.every((job) => job.paused || job.minutes === null)) return 'paused';
  return jobs.some((job) => job.lastRunAt) ? 'ok' : 'idle';
}
