import type { JobView } from '../../../../shared/api-types.js';
import { CART_SERVICES } from '../../../../shared/domain.js';
import { formatClock, formatRelative } from '../../format/time.js';

/**
 * A job's state in words, the same on the Activity screen and the Dashboard: when it runs next, when
 * it retries and why, or why it is paused and where to fix it.
 */
export function jobStateText(job: JobView, now = Date.now()): string {
  switch (job.state) {
    case 'scheduled':
      return `Next run at ${formatClock(job.nextRunAt, now)} (${formatRelative(job.nextRunAt, now)})`;
    case 'running':
      return 'Running now';
    case 'retrying':
      return `Retrying at ${formatClock(job.retryAt, now)} (attempt ${job.attempt}): ${job.lastError}`;
    case 'paused':
      return job.by === 'person' ? 'Paused by a person' : `Paused: ${job.reason}`;
    case 'off':
      return 'Off: runs only when you press Run now';
    case 'waiting':
      return job.reason;
  }
}

/**
 * Where a person fixes what paused a job (or sets up what it waits for): the cart connection (Connect
 * for a marketplace cart not connected yet), or the WMS setup for a merchant's jobs.
 */
export function fixLink(job: JobView): { to: string; label: string } | null {
  if (job.state === 'waiting') return job.for === 'connection' ? { to: `/carts/${job.targetId}`, label: `Connect ${job.targetName}` } : { to: '/wms', label: 'Set up the warehouse' };
  if (job.state !== 'paused' || job.by === 'person') return null;
  const what = job.by === 'auth' ? 'credentials' : 'settings';
  if ((CART_SERVICES as readonly string[]).includes(job.service)) return { to: `/carts/${job.targetId}`, label: `Fix the ${what} of ${job.targetName}` };
  return { to: '/wms', label: `Fix the WMS ${what}` };
}

/** Pausing makes sense for a job that runs on its own (or is running); Resume for a paused one. */
export function jobActions(job: JobView): { pause: boolean; resume: boolean } {
  return { pause: job.state === 'scheduled' || job.state === 'retrying' || (job.state === 'running' && job.minutes !== null), resume: job.state === 'paused' };
}

/** How far a running job has got: the event stream is fresher; the job's own covers a screen opened mid-run. */
export function runningProgress(job: JobView, live: { done: number; total: number | null } | undefined): { done: number; total: number | null } {
  if (live) return { done: live.done, total: live.total };
  if (job.state === 'running' && job.progress) return job.progress;
  return { done: 0, total: null };
}
