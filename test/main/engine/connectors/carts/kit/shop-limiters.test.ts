import { afterEach, describe, expect, it } from 'vitest';
import {
  clearShopLimiters,
  CostBucketLimiter,
  QuotaHeaderLimiter,
  shopLimiter,
  TokenBucketLimiter,
  tokenBucketShare,
  type LimiterContext,
} from '../../../../../../main/engine/connectors/carts/kit/shop-limiters.js';

/** A clock whose sleeps move time at once, and a run context that records every wait it is told about. */
function run(startMs = Date.parse('2026-11-20T10:00:00Z')) {
  const state = { nowMs: startMs };
  const waits: { ms: number; reason: string }[] = [];
  const controller = new AbortController();
  const ctx: LimiterContext = {
    clock: {
      now: () => new Date(state.nowMs),
      sleep: async (ms, signal) => {
        if (signal?.aborted) throw signal.reason;
        state.nowMs += ms;
        // Yields to the event loop, so a wait that never ends fails on the test's timeout instead of spinning.
        await new Promise((resolve) => setImmediate(resolve));
      },
    },
    signal: controller.signal,
    onThrottle: (ms, reason) => void waits.push({ ms, reason }),
  };
  return { state, waits, ctx, controller };
}

afterEach(() => clearShopLimiters());

describe('the registry of shop limiters', () => {
  it('hands every connector instance of one shop the same limiter, created once', () => {
    let created = 0;
    const make = () => (created++, new TokenBucketLimiter('Acme', { ratePerSecond: 2, burst: 4 }));
    const a = shopLimiter('bigcommerce', 'https://store-abc.mybigcommerce.com', make);
    const b = shopLimiter('bigcommerce', 'HTTPS://Store-ABC.mybigcommerce.com/', make);
    expect(b).toBe(a);
    expect(created).toBe(1);
  });

  it('gives another shop, another address of a changed setting, or another platform a limiter of its own', () => {
    const make = () => new TokenBucketLimiter('x', { ratePerSecond: 2, burst: 4 });
    const a = shopLimiter('woocommerce', 'https://acme.example', make);
    expect(shopLimiter('woocommerce', 'https://other.example', make)).not.toBe(a);
    expect(shopLimiter('woocommerce', 'https://acme.example/shop', make)).not.toBe(a);
    expect(shopLimiter('woocommerce', 'http://acme.example', make)).not.toBe(a);
    expect(shopLimiter('magento', 'https://acme.example', make)).not.toBe(a);
  });
});

describe('a token bucket', () => {
  it('lets a burst go at once, then paces at its rate', async () => {
    const { ctx, state, waits } = run();
    const limiter = new TokenBucketLimiter('Acme', { ratePerSecond: 2, burst: 3 });
    const start = state.nowMs;
    for (let i = 0; i < 3; i++) await limiter.acquire(ctx);
    expect(state.nowMs).toBe(start);
    await limiter.acquire(ctx);
    await limiter.acquire(ctx);
    expect(state.nowMs - start).toBe(1000);
    expect(waits.map((w) => w.ms)).toEqual([500, 500]);
    expect(waits[0].reason).toBe("Acme: waiting for the shop's request budget");
  });

  it('makes a second run of the shop see what the first spent', async () => {
    const first = run();
    const second = run();
    const limiter = new TokenBucketLimiter('Acme', { ratePerSecond: 1, burst: 2 });
    await limiter.acquire(first.ctx);
    await limiter.acquire(first.ctx);
    await limiter.acquire(second.ctx);
    expect(second.waits).toHaveLength(1);
    expect(first.waits).toHaveLength(0);
  });
});

describe('the share of a token bucket’s budget that requests used', () => {
  it('is 1 for requests the bucket paced itself, whatever came before the first or after the last', async () => {
    const { ctx, state } = run();
    const limiter = new TokenBucketLimiter('Acme', { ratePerSecond: 20, burst: 20 });
    const grants: number[] = [];
    state.nowMs += 5_000; // a run starting: not the limiter's time
    for (let i = 0; i < 320; i++) {
      await limiter.acquire(ctx);
      grants.push(state.nowMs);
    }
    expect(tokenBucketShare(limiter.settings, grants)).toBeCloseTo(1, 5);
  });

  it('falls with the time the limiter sat idle between requests', () => {
    // 20 at once, then 100 more over 10 s where the bucket allowed 200.
    const grants = [...Array.from({ length: 20 }, () => 0), ...Array.from({ length: 100 }, (_, i) => (i + 1) * 100)];
    expect(tokenBucketShare({ ratePerSecond: 20, burst: 20 }, grants)).toBeCloseTo(120 / 220, 5);
    expect(tokenBucketShare({ ratePerSecond: 20, burst: 20 }, [5])).toBeNaN();
  });
});

describe('a cost-based leaky bucket (Shopify GraphQL)', () => {
  const status = { maximumAvailable: 1000, currentlyAvailable: 100, restoreRate: 50 };

  it('sends at once before anything is known, and when the requested cost is available', async () => {
    const { ctx, waits } = run();
    const limiter = new CostBucketLimiter('Shopify acme');
    await limiter.acquire(ctx, 500);
    limiter.release(500);
    limiter.update({ ...status, currentlyAvailable: 900 }, ctx.clock.now().getTime());
    await limiter.acquire(ctx, 500);
    expect(waits).toHaveLength(0);
  });

  it('waits until the requested cost (and a small margin) has been restored', async () => {
    const { ctx, waits, state } = run();
    const limiter = new CostBucketLimiter('Shopify acme');
    limiter.update(status, state.nowMs);
    await limiter.acquire(ctx, 200, 'waiting for 200 points of query cost budget');
    // (200 + 1 + 1 - 100) / 50 points a second
    expect(waits).toEqual([{ ms: 2040, reason: 'waiting for 200 points of query cost budget' }]);
  });

  it('counts a query in flight against everyone sharing the bucket until its reply arrives', async () => {
    const first = run();
    const second = run();
    const limiter = new CostBucketLimiter('Shopify acme');
    limiter.update({ ...status, currentlyAvailable: 1000 }, first.state.nowMs);
    await limiter.acquire(first.ctx, 600); // in flight
    second.state.nowMs = first.state.nowMs;
    await limiter.acquire(second.ctx, 600);
    expect(second.waits).toHaveLength(1);
    expect(second.waits[0].ms).toBeGreaterThan(0);
    expect(second.waits[0].ms).toBe(Math.ceil(((600 + 1 + 3 - 400) / 50) * 1000));
    limiter.release(600);
    limiter.release(600);
    expect(limiter.availableAt(second.state.nowMs)).toBe(1000);
  });

  it('ignores a status reported on a clock far ahead of the caller (another run, another clock)', async () => {
    const { ctx, waits, state } = run();
    const limiter = new CostBucketLimiter('Shopify acme');
    limiter.update({ ...status, currentlyAvailable: 0 }, state.nowMs + 3600_000);
    await limiter.acquire(ctx, 500);
    expect(waits).toHaveLength(0);
  });
});

describe('a quota-header limiter (BigCommerce)', () => {
  it('spends the quota the headers report, then waits for the reset', async () => {
    const { ctx, waits, state } = run();
    const limiter = new QuotaHeaderLimiter('BigCommerce store-abc');
    const headers = new Map([
      ['x-rate-limit-requests-left', '2'],
      ['x-rate-limit-time-reset-ms', '1500'],
    ]);
    limiter.observeResponse({ headers: { get: (name) => headers.get(name.toLowerCase()) ?? null } }, state.nowMs);
    const start = state.nowMs;
    await limiter.acquire(ctx);
    await limiter.acquire(ctx);
    expect(state.nowMs).toBe(start);
    await limiter.acquire(ctx);
    expect(state.nowMs - start).toBe(1500);
    expect(waits).toHaveLength(1);
  });

  it('changes nothing for a reply without the headers or with nonsense in them', async () => {
    const { ctx, waits, state } = run();
    const limiter = new QuotaHeaderLimiter('BigCommerce store-abc');
    limiter.observeResponse({ headers: { get: () => null } }, state.nowMs);
    limiter.observe(Number('abc'), 1000, state.nowMs);
    await limiter.acquire(ctx);
    expect(waits).toHaveLength(0);
    expect(limiter.leftAt(state.nowMs)).toBeUndefined();
  });

  it('takes a 429 as the quota spent until the known reset, for every run', async () => {
    const first = run();
    const second = run();
    const limiter = new QuotaHeaderLimiter('BigCommerce store-abc');
    limiter.observe(100, 4000, first.state.nowMs);
    limiter.refused(1000, first.state.nowMs);
    await limiter.acquire(second.ctx);
    expect(second.state.nowMs - first.state.nowMs).toBe(4000);
  });

  it('never makes a caller on another clock wait longer than the window reported', async () => {
    const { ctx, waits, state } = run();
    const limiter = new QuotaHeaderLimiter('BigCommerce store-abc');
    limiter.observe(0, 3000, state.nowMs + 24 * 3600_000);
    await limiter.acquire(ctx);
    expect(waits.map((w) => w.ms)).toEqual([3000]);
  });
});

describe('a 429 with Retry-After', () => {
  it('holds back everyone sharing the limiter, and says why', async () => {
    const first = run();
    const second = run();
    second.state.nowMs = first.state.nowMs;
    const limiter = new TokenBucketLimiter('Acme', { ratePerSecond: 100, burst: 100 });
    limiter.refused(2000, first.state.nowMs);
    await limiter.acquire(second.ctx);
    expect(second.waits).toEqual([{ ms: 2000, reason: 'Acme asked to wait (Retry-After), for every run of the shop' }]);
    await limiter.acquire(second.ctx);
    expect(second.waits).toHaveLength(1);
  });

  it('never makes a caller on another clock wait longer than the hold asked for', async () => {
    const { ctx, waits, state } = run();
    const limiter = new TokenBucketLimiter('Acme', { ratePerSecond: 100, burst: 100 });
    limiter.refused(2000, state.nowMs + 24 * 3600_000);
    await limiter.acquire(ctx);
    expect(waits).toEqual([{ ms: 2000, reason: 'Acme asked to wait (Retry-After), for every run of the shop' }]);
  });
});

describe('a wait for the budget', () => {
  it('stops with the run when the run is aborted', async () => {
    const { ctx, controller, state } = run();
    const limiter = new CostBucketLimiter('Shopify acme');
    limiter.update({ maximumAvailable: 1000, currentlyAvailable: 0, restoreRate: 1 }, state.nowMs);
    controller.abort(new Error('run cancelled'));
    await expect(limiter.acquire(ctx, 500)).rejects.toThrow('run cancelled');
  });

  it('stops a wait already under way when the run is aborted', async () => {
    const controller = new AbortController();
    const limiter = new TokenBucketLimiter('Acme', { ratePerSecond: 0.001, burst: 1 });
    const ctx: LimiterContext = {
      clock: {
        now: () => new Date(),
        sleep: (ms, signal) =>
          new Promise((resolve, reject) => {
            const t = setTimeout(resolve, ms);
            signal?.addEventListener('abort', () => (clearTimeout(t), reject(signal.reason)), { once: true });
          }),
      },
      signal: controller.signal,
    };
    await limiter.acquire(ctx);
    const waiting = limiter.acquire(ctx);
    setTimeout(() => controller.abort(new Error('host shutting down')), 10);
    await expect(waiting).rejects.toThrow('host shutting down');
  });
});
