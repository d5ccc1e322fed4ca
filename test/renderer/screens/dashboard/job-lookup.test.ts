import { describe, expect, it } from 'vitest';
import { jobsOf, lastRun, merchantHealth, nextRun, scheduleSummary } from '../../../../renderer/src/screens/dashboard/job-lookup.js';
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
    const soon = jobView({ service: 'shipment_upload', targetId: 1 }, { state: 'scheduled', nextRunAt: '2026-03-01T10:05:00.000Z' });
    const later = jobView({ service: 'order_download', targetId: 1 }, { state: 'scheduled', nextRunAt: '2026-03-01T10:15:00.000Z' });
    expect(nextRun([later, soon])).toEqual({ job: soon, at: '2026-03-01T10:05:00.000Z', retry: false });
  });

  it('counts a retry as the next run, and says it is one', () => {
    const scheduled = jobView({ service: 'order_download', targetId: 1 }, { state: 'scheduled', nextRunAt: '2026-03-01T10:15:00.000Z' });
    const retrying = jobView(
      { service: 'shipment_upload', targetId: 1 },
      { state: 'retrying', retryAt: '2026-03-01T10:02:00.000Z', attempt: 2, lastError: 'Shopify answered HTTP 503' },
    );
    expect(nextRun([scheduled, retrying])).toEqual({ job: retrying, at: '2026-03-01T10:02:00.000Z', retry: true });
  });

  it('skips paused, running and switched-off jobs', () => {
    const paused = jobView({ service: 'order_download', targetId: 1 }, { state: 'paused', by: 'auth', reason: 'Token refused' });
    const off = jobView({ service: 'shipment_upload', targetId: 1, minutes: null });
    const running = jobView({ service: 'inventory_upload', targetId: 1 }, { state: 'running', startedAt: '2026-03-01T09:59:00.000Z', trigger: 'manual', progress: null });
    const scheduled = jobView({ service: 'order_download', targetId: 2 }, { state: 'scheduled', nextRunAt: '2026-03-01T11:00:00.000Z' });
    expect(nextRun([paused, off, running, scheduled])?.job).toBe(scheduled);
  });

  it('is none when nothing is scheduled', () => {
    expect(nextRun([jobView({ service: 'order_download', targetId: 1 }, { state: 'paused', by: 'person', reason: 'Paused by a person' })])).toBeNull();
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
        jobView({ service: 'shipment_pickup', targetId: 1, lastRunAt: ran.lastRunAt, lastStatus: 'failed' }, { state: 'paused', by: 'person', reason: 'Paused by a person' }),
      ]),
    ).toBe('failing');
  });

  it('is paused when every job is paused or switched off', () => {
    expect(
      merchantHealth([
        jobView({ service: 'order_delivery', targetId: 1, ...ran }, { state: 'paused', by: 'config', reason: 'No WMS is set up yet' }),
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

describe("what the Dashboard says of a target's schedule", () => {
  const scheduled = jobView({ service: 'order_download', targetId: 1 }, { state: 'scheduled', nextRunAt: '2026-03-01T10:15:00.000Z' });
  const running = jobView({ service: 'shipment_upload', targetId: 1 }, { state: 'running', startedAt: '2026-03-01T09:59:00.000Z', trigger: 'schedule', progress: null });
  const refused = jobView({ service: 'inventory_upload', targetId: 1 }, { state: 'paused', by: 'auth', reason: 'Token refused' });
  const personPaused = jobView({ service: 'inventory_upload', targetId: 1 }, { state: 'paused', by: 'person', reason: 'Paused by a person' });
  const off = jobView({ service: 'shipment_upload', targetId: 1, minutes: null });

  it('puts a pause a person must fix first, even while other jobs run or are scheduled', () => {
    expect(scheduleSummary([scheduled, running, refused])).toEqual({ kind: 'needs_fix', job: refused });
  });

  it('then a run going on, then the next run', () => {
    expect(scheduleSummary([scheduled, running])).toEqual({ kind: 'running', job: running });
    expect(scheduleSummary([scheduled, personPaused])).toEqual({ kind: 'next', job: scheduled, at: '2026-03-01T10:15:00.000Z', retry: false });
  });

  it('says a cart not connected yet waits, before any other of its jobs\' states, after a pause to fix', () => {
    const waiting = jobView({ service: 'order_download', targetId: 1, targetName: 'Acme eBay' }, { state: 'waiting', for: 'connection', reason: 'Waiting to be connected — press Connect' });
    expect(scheduleSummary([off, waiting, scheduled])).toEqual({ kind: 'waiting', job: waiting });
    expect(scheduleSummary([waiting, refused])).toEqual({ kind: 'needs_fix', job: refused });
  });

  it('says paused when only a person\'s pause is left, and off when nothing runs on its own', () => {
    expect(scheduleSummary([personPaused, off])).toEqual({ kind: 'paused' });
    expect(scheduleSummary([off])).toEqual({ kind: 'off' });
  });
});
