import { describe, expect, it } from 'vitest';
import { RequestQuotaTracker } from '../../../../../../main/engine/connectors/carts/bigcommerce/request-quota.js';

const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name.toLowerCase()] ?? null });

const announced = (left: number, resetMs: number) =>
  headers({
    'x-rate-limit-requests-left': String(left),
    'x-rate-limit-time-reset-ms': String(resetMs),
    'x-rate-limit-requests-quota': '150',
    'x-rate-limit-time-window-ms': '30000',
  });

describe('BigCommerce request quota tracker', () => {
  it('lets requests go until it has read a quota', () => {
    const tracker = new RequestQuotaTracker();
    expect(tracker.waitMs(0)).toBe(0);
    expect(tracker.snapshot).toBeUndefined();
  });

  it('reads the four quota headers, the reset as a time on this machine’s clock', () => {
    const tracker = new RequestQuotaTracker();
    tracker.observe(announced(35, 15_000), 1_000);
    expect(tracker.snapshot).toEqual({ left: 35, quota: 150, windowMs: 30_000, resetsAt: 16_000, observedAt: 1_000 });
  });

  it('counts its own requests down between answers and waits for the reset when none are left', () => {
    const tracker = new RequestQuotaTracker();
    tracker.observe(announced(2, 10_000), 0);
    expect(tracker.waitMs(100)).toBe(0);
    expect(tracker.waitMs(200)).toBe(0);
    expect(tracker.waitMs(300)).toBe(9_700);
  });

  it('starts a fresh window of the whole quota once the announced reset has passed', () => {
    const tracker = new RequestQuotaTracker();
    tracker.observe(announced(0, 10_000), 0);
    expect(tracker.waitMs(10_000)).toBe(0);
    expect(tracker.snapshot).toMatchObject({ left: 149, resetsAt: 40_000 });
  });

  it('ignores answers without the headers (a 401, a proxy page) and values that are not counts', () => {
    const tracker = new RequestQuotaTracker();
    tracker.observe(announced(5, 1_000), 0);
    tracker.observe(headers({}), 10);
    tracker.observe(headers({ 'x-rate-limit-requests-left': 'many', 'x-rate-limit-time-reset-ms': '5' }), 20);
    expect(tracker.snapshot).toMatchObject({ left: 5, observedAt: 0 });
  });
});
