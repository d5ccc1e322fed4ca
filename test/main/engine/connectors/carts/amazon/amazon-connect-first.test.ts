import { expect, it } from 'vitest';
import { amazonCart } from '../../../../../conformance/amazon-cart.js';
import { startEngineWorld } from '../../../../../conformance/engine-world.js';
import { createVirtualClock } from '../../../../../conformance/virtual-clock.js';

it('saves an Amazon cart with only the app fields, and its download waits to be connected instead of failing', async () => {
  const clock = createVirtualClock();
  const fake = await amazonCart.start(clock);
  const { clientId, clientSecret } = fake.credentials as Record<string, string>;
  const world = await startEngineWorld(amazonCart, { ...fake, settings: { ...(fake.settings as object), authMode: 'consent' } }, clock, {
    credentials: { clientId, clientSecret, applicationId: 'amzn1.sp.solution.0fake-dockhand' },
    earliestOrderDate: '2026-01-01T00:00:00Z',
  });
  try {
    await fake.seedOrders(1);
    await expect(world.run('order_download', world.cartId)).rejects.toThrow(/Waiting to be connected/);
    expect(await world.job('order_download')).toMatchObject({ state: 'waiting', for: 'connection' });
    const alerts = await world.t.call('alerts.list', {});
    expect(alerts.map((a) => a.key)).not.toContain(`auth:cart:${world.cartId}`);
    expect(await world.orderNumbers()).toEqual([]);
  } finally {
    await world.close();
    await fake.close();
  }
});
