import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AMAZON_USAGE_PLANS, operationLimiter } from '../../../../../../main/engine/connectors/carts/amazon/operations.js';
import { classifySpApiFailure } from '../../../../../../main/engine/connectors/carts/amazon/sp-errors.js';
import { amazonWorld, downloadAll, type AmazonWorld } from './amazon-world.js';

const reply = (status: number, body: unknown) => ({ status, headers: { get: () => null }, text: JSON.stringify(body) });

describe("Amazon's usage plans and errors", () => {
  let w: AmazonWorld;
  beforeEach(async () => {
    w = await amazonWorld();
  });
  afterEach(() => w.close());

  it('keeps one limiter per seller and operation for every run, another for another seller', () => {
    const a = operationLimiter(w.fake.url, 'A1SELLER', 'getOrderItems');
    expect(operationLimiter(w.fake.url, 'A1SELLER', 'getOrderItems')).toBe(a);
    expect(operationLimiter(w.fake.url, 'A1SELLER', 'getOrders')).not.toBe(a);
    expect(operationLimiter(w.fake.url, 'A2OTHER', 'getOrderItems')).not.toBe(a);
    expect(a.settings).toEqual(AMAZON_USAGE_PLANS.getOrderItems);
  });

  it('spends the getOrderItems burst of 30 at once, then goes at 0.5 a second without a 429', async () => {
    for (let i = 0; i < 40; i++) w.fake.state.addOrder();
    await w.indexed();
    const { orders } = await downloadAll(w.connect());
    expect(orders).toHaveLength(40);
    expect(w.fake.stats.rateLimited).toBe(0);
    const waits = w.throttled.filter((t) => /getOrderItems budget/.test(t.reason));
    expect(waits.length).toBeGreaterThanOrEqual(10);
    for (const t of waits) expect(t.waitMs).toBeLessThanOrEqual(2000);
  });

  it('shares the budget between two runs of the same seller', async () => {
    for (let i = 0; i < 20; i++) w.fake.state.addOrder();
    await w.indexed();
    await downloadAll(w.connect());
    w.throttled.length = 0;
    // A second connector (another run) starts from what the first left of the burst: it must wait.
    await downloadAll(w.connect(), '2020-01-01T00:00:00Z');
    expect(w.throttled.some((t) => /getOrderItems budget/.test(t.reason))).toBe(true);
    expect(w.fake.stats.rateLimited).toBe(0);
  });

  it('waits out a QuotaExceeded answer for one token of the operation and completes', async () => {
    w.fake.state.addOrder();
    await w.indexed();
    w.fake.rateLimitNext(1);
    const { orders } = await downloadAll(w.connect());
    expect(orders).toHaveLength(1);
    expect(w.fake.stats.rateLimited).toBe(1);
    // The first call of the run is the Restricted Data Token (1/s): held for its refill, a second (less
    // the milliseconds the clock ran on meanwhile), for every run of the seller.
    const held = w.throttled.filter((t) => /createRestrictedDataToken .*asked to wait/.test(t.reason));
    expect(held).toHaveLength(1);
    expect(held[0].waitMs).toBeGreaterThan(500);
    expect(held[0].waitMs).toBeLessThanOrEqual(1000);
  });

  it('takes the rate x-amzn-RateLimit-Limit says applied', async () => {
    await w.close();
    w = await amazonWorld({ plans: { getOrders: { rate: 0.0167, burst: 20 }, getOrderItems: { rate: 2, burst: 30 }, createRestrictedDataToken: { rate: 1, burst: 10 } }, sellerId: 'A9RATESELLER' });
    w.fake.state.addOrder();
    await w.indexed();
    await downloadAll(w.connect());
    expect(operationLimiter(w.fake.url, 'A9RATESELLER', 'getOrderItems').settings.ratePerSecond).toBe(2);
  });

  it('classes the SP-API error envelope', () => {
    const errors = (code: string, message: string) => ({ errors: [{ code, message, details: '' }] });
    expect(classifySpApiFailure('Amazon NA', reply(400, errors('InvalidInput', 'Invalid Input')), 'x')).toMatchObject({ kind: 'data', code: 'InvalidInput' });
    expect(classifySpApiFailure('Amazon NA', reply(403, errors('Unauthorized', 'Access to requested resource is denied.')), 'x')).toMatchObject({ kind: 'auth' });
    expect(classifySpApiFailure('Amazon NA', reply(429, errors('QuotaExceeded', 'You exceeded your quota for the requested resource.')), 'x')).toMatchObject({ kind: 'rate_limited' });
    expect(classifySpApiFailure('Amazon NA', reply(404, errors('NotFound', 'Resource not found')), 'x')).toMatchObject({ kind: 'data' });
    expect(classifySpApiFailure('Amazon NA', reply(503, errors('ServiceUnavailable', 'down')), 'x')).toMatchObject({ kind: 'transient' });
    const html = { status: 502, headers: { get: () => 'text/html' }, text: '<html>bad gateway</html>' };
    expect(classifySpApiFailure('Amazon NA', html, 'x').kind).toBe('transient');
    const other = { status: 302, headers: { get: () => null }, text: '' };
    expect(classifySpApiFailure('Amazon NA', other, 'the order list').message).toContain('Check the region and the base URL');
  });

  it('fails the run as transient on a malformed order list, with the list named', async () => {
    w.fake.state.addOrder();
    await w.indexed();
    w.fake.malformNthOrderList(1);
    const err = await downloadAll(w.connect()).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'transient', message: expect.stringContaining('malformed reply to the order list') });
  });
});
