import { afterEach, describe, expect, it } from 'vitest';
import { ebayCart } from '../../../../../conformance/ebay-cart.js';
import { startEngineWorld, type EngineWorld } from '../../../../../conformance/engine-world.js';
import type { FakeCart } from '../../../../../conformance/cart-under-test.js';
import { createVirtualClock } from '../../../../../conformance/virtual-clock.js';

/** Orders eBay's 90-day filter left out reach the person: on the run's record and as a warning on the cart. */

let fake: FakeCart | undefined;
let world: EngineWorld | undefined;
afterEach(async () => {
  await world?.close();
  await fake?.close();
  world = fake = undefined;
});

const DAY = 86_400_000;

describe("the window eBay's 90 days left out", () => {
  it('is named in the run and in a warning alert on the cart, which a later run leaves standing', async () => {
    const clock = createVirtualClock();
    fake = await ebayCart.start(clock);
    await fake.seedOrders(2);
    const earliest = new Date(clock.now().getTime() - 200 * DAY).toISOString();
    world = await startEngineWorld(ebayCart, fake, clock, { earliestOrderDate: earliest });

    const run = await world.run('order_download', world.cartId);
    expect(run.status).toBe('ok');
    expect(run.counts.downloaded).toBe(2);
    expect(run.message).toContain(`could not ask for orders last changed between ${earliest.slice(0, 10)} and`);

    const alert = (await world.t.call('alerts.list', {})).find((a) => a.message.includes('90 days only'));
    expect(alert, 'a warning alert on the cart').toBeDefined();
    expect(alert).toMatchObject({ severity: 'warning', targetType: 'cart', targetId: world.cartId });
    expect(alert!.message).toContain(earliest.slice(0, 10));

    // The next run asks from where the first left off: nothing skipped, nothing new to say, the alert stays.
    const next = await world.run('order_download', world.cartId);
    expect(next.status).toBe('ok');
    expect(next.message ?? '').not.toContain('90 days only');
    expect((await world.t.call('alerts.list', {})).some((a) => a.id === alert!.id)).toBe(true);
  });

  it('says nothing when the earliest order date is within the 90 days', async () => {
    const clock = createVirtualClock();
    fake = await ebayCart.start(clock);
    await fake.seedOrders(1);
    world = await startEngineWorld(ebayCart, fake, clock, { earliestOrderDate: new Date(clock.now().getTime() - 5 * DAY).toISOString() });
    const run = await world.run('order_download', world.cartId);
    expect(run.status).toBe('ok');
    expect(run.message ?? '').not.toContain('90 days only');
    expect((await world.t.call('alerts.list', {})).some((a) => a.message.includes('90 days only'))).toBe(false);
  });
});
