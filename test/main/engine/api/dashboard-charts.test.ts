import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCKET_OF_STATUS, HEALTH_BUCKETS, ORDER_STATUSES, type OrderStatus } from '../../../../shared/domain.js';
import { startTestEngine, type TestEngine } from '../../../support/engine-harness.js';

describe('dashboard.summary and dashboard.charts on demo data', () => {
  let t: TestEngine;
  let merchantId: number;
  let cartId: number;
  beforeAll(async () => {
    t = await startTestEngine();
    ({ merchantId, cartId } = await t.call('demo.setup', {}));
    await t.call('services.runNow', { service: 'order_download', targetId: cartId });
    const orders = (await t.call('orders.list', { cartId, limit: 100, offset: 0 })).items;
    await t.call('orders.hold', { id: orders[0].id, reason: 'Address check' });
    await t.call('orders.cancel', { id: orders[1].id });
    await t.call('services.runNow', { service: 'order_delivery', targetId: merchantId });
  });
  afterAll(() => t.close());

  it('summary counts as the order list counts by status', async () => {
    const direct: Partial<Record<OrderStatus, number>> = {};
    for (const status of ORDER_STATUSES) {
      const { total } = await t.call('orders.list', { status, limit: 1, offset: 0 });
      if (total > 0) direct[status] = total;
    }
    const dash = await t.call('dashboard.summary', {});
    expect(dash.byStatus).toEqual(direct);
    for (const bucket of HEALTH_BUCKETS) {
      const n = Object.entries(direct).filter(([s]) => BUCKET_OF_STATUS[s as OrderStatus] === bucket).reduce((a, [, c]) => a + (c ?? 0), 0);
      expect(dash.totals[bucket], bucket).toBe(n);
    }
  });

  it('charts 30 days of orders per day, and what waits on whom today as the summary counts it', async () => {
    const [dash, charts] = await Promise.all([t.call('dashboard.summary', {}), t.call('dashboard.charts', {})]);
    expect(charts.days).toHaveLength(30);
    expect(charts.merchants.map((m) => m.id)).toEqual([merchantId]);
    const today = charts.waiting.at(-1)!;
    expect(today).toMatchObject({
      dockhand: dash.totals.to_deliver,
      warehouse: dash.totals.at_warehouse,
      cart: dash.totals.to_confirm,
      person: dash.totals.needs_attention,
    });
    const orderedInPeriod = charts.ordersPerDay.reduce((a, d) => a + d.total, 0);
    expect(orderedInPeriod).toBeGreaterThan(0);
    expect(orderedInPeriod).toBeLessThanOrEqual(dash.totals.total);
    expect(charts.ordersPerDay.every((d) => d.total === (d.byMerchant[merchantId] ?? 0))).toBe(true);
  });
});
