import { afterEach, describe, expect, it } from 'vitest';
import { ebayGrantNotice } from '../../../../../../shared/schemas/ebay.js';
import { ebayCart } from '../../../../../conformance/ebay-cart.js';
import { startEngineWorld, type EngineWorld } from '../../../../../conformance/engine-world.js';
import type { FakeCart } from '../../../../../conformance/cart-under-test.js';
import { createVirtualClock } from '../../../../../conformance/virtual-clock.js';

/** The refresh token lasts about 18 months: 30 days ahead, the Alerts screen says to reconnect before then. */

let fake: FakeCart | undefined;
let world: EngineWorld | undefined;
afterEach(async () => {
  await world?.close();
  await fake?.close();
  world = fake = undefined;
});

const DAY = 86_400_000;

describe("the eBay authorization's end", () => {
  it('is said 30 days ahead, with the date to reconnect before, and not earlier', () => {
    const now = '2026-11-20T10:00:00.000Z';
    expect(ebayGrantNotice(new Date(Date.parse(now) + 31 * DAY).toISOString(), now)).toBeUndefined();
    expect(ebayGrantNotice(new Date(Date.parse(now) + 29 * DAY).toISOString(), now)).toBe(
      'The eBay authorization runs out on 2026-12-19: reconnect before 2026-12-19 (press Reconnect on the cart), or the downloads and uploads stop.',
    );
    expect(ebayGrantNotice(undefined, now)).toBeUndefined();
  });

  it('reaches the Alerts screen as a warning after a run that went well, and leaves once the grant is renewed', async () => {
    const clock = createVirtualClock();
    fake = await ebayCart.start(clock);
    await fake.seedOrders(2);
    const soon = new Date(clock.now().getTime() + 20 * DAY).toISOString();
    const credentials = { ...(fake.credentials as Record<string, string>), refreshTokenExpiresAt: soon };
    world = await startEngineWorld(ebayCart, fake, clock, { earliestOrderDate: new Date(clock.now().getTime() - 5 * DAY).toISOString(), credentials });

    const run = await world.run('order_download', world.cartId);
    expect(run.status).toBe('ok');
    const alerts = await world.t.call('alerts.list', {});
    const notice = alerts.find((a) => a.message.includes('eBay authorization'));
    expect(notice, JSON.stringify(alerts)).toBeDefined();
    expect(notice!.severity).toBe('warning');
    expect(notice!.message).toContain(`reconnect before ${soon.slice(0, 10)}`);

    // A Reconnect saves a new grant (here through carts.update, as the consent flow saves it).
    const renewed = { ...credentials, refreshTokenExpiresAt: new Date(clock.now().getTime() + 500 * DAY).toISOString() };
    const earliestOrderDate = new Date(clock.now().getTime() - 5 * DAY).toISOString();
    const cart = { merchantId: world.merchantId, platform: 'ebay', name: 'eBay under test', earliestOrderDate, settings: fake.settings, credentials: renewed, rejectUnmappedShipCodes: false };
    await world.t.call('carts.update', { id: world.cartId, cart } as never);
    await world.run('order_download', world.cartId);
    expect((await world.t.call('alerts.list', {})).some((a) => a.message.includes('eBay authorization'))).toBe(false);
  });
});
