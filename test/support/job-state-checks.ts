import { expect } from 'vitest';
import type { JobState, JobView } from '../../shared/api-types.js';

/**
 * A job is in one of the states a person can see, with the detail that state needs: when it runs,
 * since when it runs, when it retries and why, or why it stopped. Anything else is a silent stop.
 */
export function expectVisibleState(job: Pick<JobView, 'service' | 'targetId' | 'minutes'> & JobState): void {
  const where = `${job.service}:${job.targetId} ${JSON.stringify(job)}`;
  switch (job.state) {
    case 'scheduled':
      expect(Number.isFinite(Date.parse(job.nextRunAt)), where).toBe(true);
      expect(job.minutes, where).not.toBeNull();
      return;
    case 'running':
      expect(Number.isFinite(Date.parse(job.startedAt)), where).toBe(true);
      return;
    case 'retrying':
      expect(Number.isFinite(Date.parse(job.retryAt)), where).toBe(true);
      expect(job.attempt, where).toBeGreaterThanOrEqual(2);
      expect(job.lastError, where).not.toBe('');
      return;
    case 'paused':
      expect(['person', 'auth', 'config'], where).toContain(job.by);
      expect(job.reason, where).not.toBe('');
      return;
    case 'off':
      expect(job.minutes, where).toBeNull();
      return;
    case 'waiting':
      expect(job.for, where).toBe('wms');
      expect(job.reason, where).not.toBe('');
      return;
    default:
      throw new Error(`A job in no visible state: ${where}`);
  }
}
