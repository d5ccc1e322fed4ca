import { afterEach, describe, expect, it } from 'vitest';
import type { CartContext, OrderPage } from '../../../../../../main/engine/connectors/carts/cart-connector.js';
import { clearShopLimiters } from '../../../../../../main/engine/connectors/carts/kit/shop-limiters.js';
import { createMagentoConnector, magentoLimiter } from '../../../../../../main/engine/connectors/carts/magento/connector.js';
import { silentLogger } from '../../../../../../main/engine/platform/ports.js';
import { MAGENTO_REQUEST_BUDGET, magentoSettingsSchema } from '../../../../../../shared/platforms/magento.js';
import { createFakeMagento, type FakeMagento } from '../../../../../fakes/magento/index.js';
import { recordingHttp } from './helpers.js';

let fake: FakeMagento | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  clearShopLimiters();
});

const EARLIEST = '2026-11-01T00:00:00Z';

function run(store: FakeMagento, pageSize = 1) {
  const http = recordingHttp();
  const ctx: CartContext = { clock: http.clock, log: silentLogger, signal: new AbortController().signal, onThrottle: http.onThrottle };
  const connector = createMagentoConnector(ctx, magentoSettingsSchema.parse({ storeUrl: store.url }), { accessToken: store.integrationToken }, { pageSize });
  return { connector, http };
}

async function drain(iterable: AsyncIterable<OrderPage>): Promise<number> {
  let orders = 0;
  for await (const page of iterable) orders += page.orders.length;
  return orders;
}

describe('the Magento store’s request budget (the kit’s token bucket, shared per store)', () => {
  it('spends no more than the documented rate once the short burst is used', async () => {
    fake = await createFakeMagento({ orders: 40 });
    const { connector, http } = run(fake);
    const realStart = Date.now();
    expect(await drain(connector.fetchOrders({ cursor: null, earliestOrderDate: EARLIEST }))).toBe(40);
    const requests = fake.requests.length;
    expect(requests).toBeGreaterThanOrEqual(40);
    // The test's clock is the real one plus the waits written down: real time refills the bucket too.
    const realMs = Date.now() - realStart;
    // Past the burst every request waited its turn: the waits add up to the rest at 10 a second.
    const waitedMs = http.sleeps.reduce((a, b) => a + b, 0);
    const expectedMs = ((requests - MAGENTO_REQUEST_BUDGET.burst) / MAGENTO_REQUEST_BUDGET.ratePerSecond) * 1000;
    expect(waitedMs + realMs).toBeGreaterThanOrEqual(expectedMs - 1);
    expect(http.throttles.every((t) => t.includes("waiting for the shop's request budget"))).toBe(true);
  });

  it('gives every run of one store the same limiter, whatever its store view', () => {
    const a = magentoLimiter({ storeUrl: 'https://shop.example.com/' });
    const b = magentoLimiter({ storeUrl: 'shop.example.com' });
    expect(a).toBe(b);
    expect(a.settings).toEqual(MAGENTO_REQUEST_BUDGET);
    expect(magentoLimiter({ storeUrl: 'https://other.example.com' })).not.toBe(a);
  });

  it('honours a 429’s Retry-After for every run of the store, then carries on', async () => {
    fake = await createFakeMagento({ orders: 3 });
    fake.rateLimitNext(1, 7);
    const { connector, http } = run(fake, 100);
    expect(await drain(connector.fetchOrders({ cursor: null, earliestOrderDate: EARLIEST }))).toBe(3);
    expect(http.sleeps).toContain(7000);
    expect(http.throttles.some((t) => t.includes('asked to wait (Retry-After), for every run of the shop'))).toBe(true);
    expect(fake.stats.rateLimited).toBe(1);
  });
});
