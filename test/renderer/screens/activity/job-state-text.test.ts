import { describe, expect, it } from 'vitest';
import { fixLink, jobActions, jobStateText, runningProgress } from '../../../../renderer/src/screens/activity/job-state-text.js';
import { formatClock } from '../../../../renderer/src/format/time.js';
import { jobView } from '../../../support/api-views.js';

const NOW = Date.parse('2026-03-01T10:00:00.000Z');
const download = { service: 'order_download' as const, targetId: 3, targetName: 'Acme shop' };
const delivery = { service: 'order_delivery' as const, targetId: 1, targetName: 'Acme' };

describe('a job state in words, as Activity and the Dashboard show it', () => {
  it('gives a scheduled job its next run time', () => {
    const job = jobView(download, { state: 'scheduled', nextRunAt: '2026-03-01T10:05:00.000Z' });
    expect(jobStateText(job, NOW)).toBe(`Next run at ${formatClock('2026-03-01T10:05:00.000Z', NOW)} (in 5 min)`);
  });

  it('gives a retrying job its time, attempt and error', () => {
    const job = jobView(download, { state: 'retrying', retryAt: '2026-03-01T10:02:00.000Z', attempt: 3, lastError: 'Shopify answered HTTP 503' });
    expect(jobStateText(job, NOW)).toBe(`Retrying at ${formatClock('2026-03-01T10:02:00.000Z', NOW)} (attempt 3): Shopify answered HTTP 503`);
  });

  it('says why a job is paused, and who paused it', () => {
    expect(jobStateText(jobView(download, { state: 'paused', by: 'auth', reason: 'Shopify refused the access token' }))).toBe(
      'Paused: Shopify refused the access token',
    );
    expect(jobStateText(jobView(download, { state: 'paused', by: 'person', reason: 'Paused by a person' }))).toBe('Paused by a person');
  });

  it('says a job that is off runs only on Run now', () => {
    expect(jobStateText(jobView({ ...download, minutes: null }))).toBe('Off: runs only when you press Run now');
  });
});

describe('where to fix what paused a job', () => {
  it('is the cart connection for a cart job and the WMS setup for a merchant job', () => {
    expect(fixLink(jobView(download, { state: 'paused', by: 'auth', reason: 'Token refused' }))).toEqual({
      to: '/carts/3',
      label: 'Fix the credentials of Acme shop',
    });
    expect(fixLink(jobView(delivery, { state: 'paused', by: 'config', reason: 'No WMS is set up yet' }))).toEqual({
      to: '/wms',
      label: 'Fix the WMS settings',
    });
  });

  it('is the WMS setup for a merchant job waiting for a warehouse, which says so in words', () => {
    const job = jobView(delivery, { state: 'waiting', for: 'wms', reason: 'Waiting for the warehouse: set up the WMS first' });
    expect(jobStateText(job)).toBe('Waiting for the warehouse: set up the WMS first');
    expect(fixLink(job)).toEqual({ to: '/wms', label: 'Set up the warehouse' });
    expect(jobActions(job)).toEqual({ pause: false, resume: false });
  });

  it('is Connect on the cart screen for a cart job waiting to be connected, which says so in words', () => {
    const job = jobView({ ...download, targetName: 'Acme eBay' }, { state: 'waiting', for: 'connection', reason: 'Waiting to be connected — press Connect' });
    expect(jobStateText(job)).toBe('Waiting to be connected — press Connect');
    expect(fixLink(job)).toEqual({ to: '/carts/3', label: 'Connect Acme eBay' });
    expect(jobActions(job)).toEqual({ pause: false, resume: false });
  });

  it('is nowhere for a person\'s pause or a job that is not paused', () => {
    expect(fixLink(jobView(download, { state: 'paused', by: 'person', reason: 'Paused by a person' }))).toBeNull();
    expect(fixLink(jobView(download))).toBeNull();
  });
});

describe('the buttons a job offers besides Run now', () => {
  it('offers Pause only to a job that runs on its own, and Resume only to a paused one', () => {
    expect(jobActions(jobView(download))).toEqual({ pause: true, resume: false });
    expect(jobActions(jobView(download, { state: 'retrying', retryAt: '2026-03-01T10:02:00.000Z', attempt: 2, lastError: 'x' }))).toEqual({ pause: true, resume: false });
    expect(jobActions(jobView(download, { state: 'running', startedAt: '2026-03-01T09:59:00.000Z', trigger: 'schedule', progress: null }))).toEqual({ pause: true, resume: false });
    expect(jobActions(jobView(download, { state: 'paused', by: 'auth', reason: 'Token refused' }))).toEqual({ pause: false, resume: true });
    expect(jobActions(jobView({ ...download, minutes: null }))).toEqual({ pause: false, resume: false });
    expect(jobActions(jobView({ ...download, minutes: null }, { state: 'running', startedAt: '2026-03-01T09:59:00.000Z', trigger: 'manual', progress: null }))).toEqual({ pause: false, resume: false });
  });
});

describe('the progress bar of a running job', () => {
  const running = jobView(download, { state: 'running', startedAt: '2026-03-01T09:59:00.000Z', trigger: 'schedule', progress: { done: 40, total: 100 } });

  it('follows the event stream, and the job\'s own progress when the screen opened mid-run', () => {
    expect(runningProgress(running, { done: 55, total: 100 })).toEqual({ done: 55, total: 100 });
    expect(runningProgress(running, undefined)).toEqual({ done: 40, total: 100 });
    expect(runningProgress(jobView(download), undefined)).toEqual({ done: 0, total: null });
  });
});
