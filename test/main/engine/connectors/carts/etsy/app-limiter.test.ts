import { afterEach, describe, expect, it } from 'vitest';
import { EtsyAppLimiter, etsyAppLimiter } from '../../../../../../main/engine/connectors/carts/etsy/app-limiter.js';
import { clearShopLimiters } from '../../../../../../main/engine/connectors/carts/kit/shop-limiters.js';
import { createVirtualClock } from '../../../../../conformance/virtual-clock.js';

afterEach(() => clearShopLimiters());

const headers = (values: Record<string, string>) => ({ headers: { get: (name: string) => values[name] ?? null } });

describe("an Etsy app's request budget", () => {
  it('is one limiter for every run of the same app key, and another for another key', () => {
    expect(etsyAppLimiter('https://api.etsy.com', 'key1')).toBe(etsyAppLimiter('https://api.etsy.com/', 'key1'));
    expect(etsyAppLimiter('https://api.etsy.com', 'key1')).not.toBe(etsyAppLimiter('https://api.etsy.com', 'KEY1'));
  });

  it('spreads requests evenly at 10 a second', async () => {
    const clock = createVirtualClock();
    const limiter = new EtsyAppLimiter('Etsy');
    const start = clock.now().getTime();
    for (let i = 0; i < 21; i++) await limiter.acquire({ clock });
    const elapsed = clock.now().getTime() - start;
    expect(elapsed).toBeGreaterThanOrEqual(2000);
    expect(elapsed).toBeLessThan(2100);
  });

  it('keeps to its grid when a busy machine wakes it late, so lateness does not pile up', async () => {
    const clock = createVirtualClock();
    // Every sleep ends 25 ms late, as timers do on a loaded machine.
    const late = { now: clock.now, sleep: (ms: number, signal?: AbortSignal) => clock.sleep(ms + 25, signal) };
    const limiter = new EtsyAppLimiter('Etsy');
    const start = clock.now().getTime();
    const grants: number[] = [];
    for (let i = 0; i < 21; i++) {
      await limiter.acquire({ clock: late });
      grants.push(clock.now().getTime() - start);
    }
    expect(grants[20]).toBeLessThan(2000 + 100);
    // Never two requests closer than two thirds of a slot.
    for (let i = 1; i < grants.length; i++) expect(grants[i] - grants[i - 1]).toBeGreaterThanOrEqual(66);
  });

  it('holds everyone to the start of the next clock second when Etsy says none are left in this one', async () => {
    const clock = createVirtualClock();
    const limiter = new EtsyAppLimiter('Etsy');
    const at = clock.now().getTime();
    limiter.observeResponse(headers({ 'x-remaining-this-second': '0', 'x-remaining-today': '500' }), at);
    await limiter.acquire({ clock });
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(Math.floor(at / 1000) * 1000 + 1000);
    expect(clock.slept.length).toBeGreaterThan(0);
  });

  it('stops the run with rate_limited once the 24-hour quota is used, rather than wait for hours', async () => {
    const clock = createVirtualClock();
    const limiter = new EtsyAppLimiter('Etsy');
    limiter.observeResponse(headers({ 'x-remaining-this-second': '9', 'x-remaining-today': '1' }), clock.now().getTime());
    await limiter.acquire({ clock });
    await expect(limiter.acquire({ clock })).rejects.toMatchObject({ kind: 'rate_limited', message: expect.stringContaining('10,000 requests of the last 24 hours') });
  });
});
