import { expect, it } from 'vitest';
import { amazonCart } from '../../../../../conformance/amazon-cart.js';
import { startEngineWorld } from '../../../../../conformance/engine-world.js';
import { createVirtualClock } from '../../../../../conformance/virtual-clock.js';

it('saves an Amazon cart with only the app fields, and its first download pauses it with an alert to connect first', async () => {
  const clock = createVirtualClock();
  const fake = await amazonCart.start(clock);
  const { clientId, clientSecret } = fake.credentials as Record<string, string>;
  const world = await startEngineWorld(amazonCart, { ...fake, settings: { ...(fake.settings as object), authMode: 'consent' } }, clock, {
    credentials: { clientId, clientSecret, applicationId: 'amzn1.sp.solution.0fake-dockhand' },
    earliestOrderDate: '2026-01-01T00:00:00Z',
  });
  try {
    await fake.seedOrders(1);
    const run = await world.run('order_download', world.cartId);
    expect(run.status).toBe('failed');
    expect(run.message ?? JSON.stringify(run.errors)).toMatch(/Connect Amazon first/);
    const alerts = await world.t.call('alerts.list', {});
    expect(alerts.map((a) => a.key)).toContain(`auth:cart:${world.cartId}`);
    expect(await world.job('order_download')).toMatchObject({ state: 'paused', by: 'auth' });
    expect(await world.orderNumbers()).toEqual([]);
  } finally {
    await world.close();
    await fake.close();
  }
});
