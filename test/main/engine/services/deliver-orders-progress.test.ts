import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunView } from '../../../../shared/api-types.js';
import type { EngineEvent } from '../../../../main/engine/engine-api.js';
import { DELIVERY_READ_CHUNK, DELIVERY_WRITE_CHUNK } from '../../../../main/engine/services/deliver-orders.js';
import { startShopifyFtpWorld, type ShopifyFtpWorld } from '../../../support/world.js';

/** The fake shop's orders; some are canceled or fulfilled in the cart, so about 1,000 are new. */
const SHOP_ORDERS = 1230;
let ORDERS = 0;

describe('the progress of a delivery of 1,000 orders', () => {
  let world: ShopifyFtpWorld;

  beforeEach(async () => {
    world = await startShopifyFtpWorld({ orders: SHOP_ORDERS });
    const download = await world.t.call('services.runNow', { service: 'order_download', targetId: world.cartId });
    ORDERS = download.counts.new ?? 0;
    expect(ORDERS).toBeGreaterThanOrEqual(900);
  });
  afterEach(async () => {
    await world.close();
  });

  it('moves while it runs: done of total in steps, the delivered count growing, and the running run shows it to a screen that asks', async () => {
    expect(DELIVERY_READ_CHUNK).toBeLessThan(ORDERS);
    expect(DELIVERY_WRITE_CHUNK).toBeLessThan(ORDERS);
    const { t, merchantId } = world;
    // When a step reports orders delivered, ask for the run as the Activity screen would: the delivery
    // lets the engine thread go between chunks, so the answer comes while it still runs.
    const asked: Promise<RunView>[] = [];
    const progress: EngineEvent[] = [];
    const stop = t.engine.onEvent((e) => {
      if (e.type !== 'run.progress' || e.data.service !== 'order_delivery') return;
      progress.push(e);
      const delivered = (e.data.counts as Record<string, number>).delivered ?? 0;
      if (delivered > 0 && delivered < ORDERS && asked.length === 0) asked.push(t.call('runs.get', { id: Number(e.data.runId) }));
    });
    const run = await t.call('services.runNow', { service: 'order_delivery', targetId: merchantId });
    stop?.();
    expect(run.status).toBe('ok');
    expect(run.counts.delivered).toBe(ORDERS);

    const steps = progress.map((e) => ({ done: Number(e.data.done), total: Number(e.data.total), delivered: (e.data.counts as Record<string, number>).delivered ?? 0 }));
    const between = steps.filter((s) => s.done > 0 && s.done < s.total);
    expect(between.length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < steps.length; i++) expect(steps[i].done).toBeGreaterThanOrEqual(steps[i - 1].done);
    expect(new Set(steps.map((s) => s.delivered).filter((d) => d > 0 && d < ORDERS)).size).toBeGreaterThanOrEqual(2);
    expect(steps.at(-1)).toEqual({ done: 2 * ORDERS, total: 2 * ORDERS, delivered: ORDERS });

    expect(asked).toHaveLength(1);
    const midway = await asked[0];
    expect(midway.status).toBe('running');
    expect(midway.counts.delivered).toBeGreaterThan(0);
    expect(midway.counts.delivered).toBeLessThan(ORDERS);
    expect(midway.progress).toBeGreaterThan(0);
    expect(midway.progress).toBeLessThan(1);
  });
});
