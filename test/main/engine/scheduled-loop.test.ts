import { afterEach, describe, expect, it } from 'vitest';
import { startTestEngine, type TestEngine } from '../../support/engine-harness.js';

async function waitFor<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the scheduler drives the services from the saved frequencies', () => {
  let t: TestEngine | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('runs download and delivery on their own, and pause all stops new runs until resumed', async () => {
    // A "minute" of 40 ms: the demo's 5-minute download runs every 200 ms.
    t = await startTestEngine({ startScheduler: true, minuteMs: 40 });
    const { merchantId, cartId } = await t.call('demo.setup', {});
    await waitFor('a scheduled delivery of downloaded orders', async () => {
      const orders = await t!.call('orders.list', { merchantId, status: 'at_wms', limit: 1, offset: 0 });
      return orders.total > 0;
    });
    const runs = await t.call('runs.list', { service: 'order_download', targetId: cartId, limit: 50, offset: 0 });
    expect(runs.items.some((r) => r.trigger === 'schedule' && r.status === 'ok')).toBe(true);

    const jobs = await t.call('schedules.list', {});
    expect(jobs.find((j) => j.service === 'order_download')?.state).toMatch(/^(scheduled|running)$/);
    // Listed in the order of the loop, as the Activity screen shows them.
    expect(jobs.map((j) => j.service)).toEqual(['order_download', 'order_delivery', 'shipment_pickup', 'shipment_upload', 'inventory_pickup', 'inventory_upload']);

    await t.call('services.pause', {});
    // Let a run that was already going finish (a pickup that found a new file looks at it twice, 2 s
    // apart, before reading it), then count.
    await waitFor('the runs already going to finish', async () => (await t!.call('schedules.list', {})).every((j) => j.state === 'paused'));
    const before = (await t.call('runs.list', { limit: 1, offset: 0 })).total;
    await new Promise((r) => setTimeout(r, 800));
    expect((await t.call('runs.list', { limit: 1, offset: 0 })).total).toBe(before);
    expect((await t.call('schedules.list', {})).every((j) => j.state === 'paused')).toBe(true);

    await t.call('services.resume', {});
    await waitFor('runs after resume', async () => (await t!.call('runs.list', { limit: 1, offset: 0 })).total > before);
  });
});
