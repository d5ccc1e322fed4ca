import { describe, expect, it } from 'vitest';
import { jobsOf, lastRun, merchantHealth, nextRun } from '../../../../renderer/src/screens/dashboard/job-lookup.js';
import { jobView } from '../../../support/api-views.js';

describe("a cart's or a merchant's scheduled jobs", () => {
  // Cart 3 and merchant 3 share an id: the service says which one a job belongs to.
  const jobs = [
    jobView({ service: 'order_download', targetId: 3 }),
    jobView({ service: 'shipment_upload', targetId: 3 }),
    jobView({ service: 'order_delivery', targetId: 3 }),
    jobView({ service: 'inventory_pickup', targetId: 3 }),
    jobView({ service: 'order_download', targetId: 4 }),
  ];

  it('are told apart by service when a cart and a merchant have the same id', () => {
    expect(jobsOf(jobs, 'cart', 3).map((j) => j.service)).toEqual(['order_download', 'shipment_upload']);
    expect(jobsOf(jobs, 'merchant', 3).map((j) => j.service)).toEqual(['order_delivery', 'inventory_pickup']);
  });

  it('leave out other targets', () => {
    expect(jobsOf(jobs, 'cart', 4)).toHaveLength(1);
    expect(jobsOf(jobs, 'merchant', 4)).toEqual([]);
  });
});

describe('the next run shown for a target', () => {
  it('is the soonest among the jobs that will run', () => {
    const soon = jobView({ service: 'shipment_upload', targetId: 1, nextRunAt: '2026-03-01T10:05:00.000Z' });
    const later = jobView({ service: 'order_download', targetId: 1, nextRunAt: '2026-03-01T10:15:00.000Z' });
    expect(nextRun([later, soon])).toBe(soon);
  });

  it('skips paused jobs and jobs without a next run, even when they would be sooner', () => {
    const paused = jobView({ service: 'order_download', targetId: 1, paused: true, nextRunAt: '2026-03-01T10:00:00.000Z' });
    const off = jobView({ service: 'shipment_upload', targetId: 1, minutes: null, nextRunAt: null });
    const running = jobView({ service: 'inventory_upload', targetId: 1, nextRunAt: '2026-03-01T11:00:00.000Z' });
    expect(nextRun([paused, off, running])).toBe(running);
  });

  it('is none when nothing is scheduled', () => {
    expect(nextRun([jobView({ service: 'order_download', targetId: 1, paused: true, nextRunAt: '2026-03-01T10:00:00.000Z' })])).toBeNull();
    expect(nextRun([])).toBeNull();
  });
});

describe('the last run shown for a target', () => {
  it('is the most recent run of any of its jobs, with its status', () => {
    const older = jobView({ service: 'order_download', targetId: 1, lastRunAt: '2026-03-01T09:00:00.000Z', lastStatus: 'ok' });
    const newer = jobView({ service: 'shipment_upload', targetId: 1, lastRunAt: '2026-03-01T09:30:00.000Z', lastStatus: 'failed' });
    const never = jobView({ service: 'inventory_upload', targetId: 1 });
    expect(lastRun([older, never, newer])).toEqual({ job: newer, at: '2026-03-01T09:30:00.000Z', status: 'failed' });
  });

  it('is none when no job has run yet', () => {
    expect(lastRun([jobView({ service: 'order_download', targetId: 1 })])).toBeNull();
  });
});

describe("a merchant's health on the dashboard", () => {
  const ran = { lastRunAt: '2026-03-01T09:00:00.000Z', lastStatus: 'ok' as const };

  it('is failing when any of its jobs last failed, even if others are fine or paused', () => {
    expect(
      merchantHealth([
        jobView({ service: 'order_delivery', targetId: 1, ...ran }),
        jobView({ service: 'shipment_pickup', targetId: 1, paused: true, lastRunAt: ran.lastRunAt, lastStatus: 'failed' }),
      ]),
    ).toBe('failing');
  });

  it('is paused when every job is paused or switched off', () => {
    expect(
      merchantHealth([
        jobView({ service: 'order_delivery', targetId: 1, paused: true, ...ran }),
        jobView({ service: 'shipment_pickup', targetId: 1, minutes: null }),
      ]),
    ).toBe('paused');
  });

  it('is ok once a job has run, and idle before any has', () => {
    expect(merchantHealth([jobView({ service: 'order_delivery', targetId: 1, ...ran }), jobView({ service: 'shipment_pickup', targetId: 1 })])).toBe('ok');
    expect(merchantHealth([jobView({ service: 'order_delivery', targetId: 1 })])).toBe('idle');
  });

  it('is idle, not paused, for a merchant with no jobs at all', () => {
    expect(merchantHealth([])).toBe('idle');
  });
});
