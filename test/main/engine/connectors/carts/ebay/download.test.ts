import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearCachedTokens } from '../../../../../../main/engine/connectors/carts/kit/token-source.js';
import { clearShopLimiters } from '../../../../../../main/engine/connectors/carts/kit/shop-limiters.js';
import { DockhandError } from '../../../../../../shared/errors.js';
import { skippedWindowNotice } from '../../../../../../main/engine/connectors/carts/ebay/download.js';
import { download, startEbayWorld, type EbayWorld } from './helpers.js';

/** The eBay download: 90 days at most, the grant's failures in words to act on, the daily limit. */

let world: EbayWorld;
beforeEach(() => {
  clearCachedTokens();
  clearShopLimiters();
});
afterEach(() => world?.close());

const daysAgo = (w: EbayWorld, days: number) => new Date(w.clock.now().getTime() - days * 86_400_000).toISOString();
const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as DockhandError);

describe('the eBay order download', () => {
  it('asks from 90 days ago, with a warning, when the earliest order date is further back, and completes', async () => {
    world = await startEbayWorld({ orders: 3 });
    const pages = await download(world.connect(), daysAgo(world, 200));
    expect(pages.flatMap((p) => p.orders)).toHaveLength(3);
    const filter = world.fake.requests.find((r) => r.path.endsWith('/order'))!.query.get('filter')!;
    const from = Date.parse(/lastmodifieddate:\[(\S+?Z)\.\./.exec(filter)![1]);
    expect(from).toBeGreaterThan(Date.parse(daysAgo(world, 90)));
    expect(from).toBeLessThan(Date.parse(daysAgo(world, 89)));
    expect(world.logged.some((l) => l.level === 'warn' && l.message.includes('90 days'))).toBe(true);
    // The person is told which window was skipped, not only the log.
    expect(world.notices).toEqual([skippedWindowNotice(daysAgo(world, 200), new Date(from).toISOString())]);
    expect(world.notices[0]).toContain(`between ${daysAgo(world, 200).slice(0, 10)} and ${new Date(from).toISOString().slice(0, 10)}`);
  });

  it('tells the person once when a saved position is long past the 90 days, and not again on the next run of a quiet shop', async () => {
    world = await startEbayWorld();
    const pages = await download(world.connect(), daysAgo(world, 300), JSON.stringify({ v: 1, updatedAt: daysAgo(world, 120) }));
    expect(world.notices).toHaveLength(1);
    expect(world.notices[0]).toContain(`between ${daysAgo(world, 120).slice(0, 10)} and`);
    // No order came, yet the position moved up to where the asking began, so the next run has no news.
    const cursor = pages.at(-1)!.cursor;
    expect(Date.parse(JSON.parse(cursor).updatedAt)).toBeGreaterThan(Date.parse(daysAgo(world, 90)));
    await world.clock.sleep(86_400_000);
    await download(world.connect(), daysAgo(world, 300), cursor);
    expect(world.notices).toHaveLength(1);
  });

  it('says nothing to the person when a position is only a little past the 90 days (a quiet shop between runs)', async () => {
    world = await startEbayWorld();
    await download(world.connect(), daysAgo(world, 300), JSON.stringify({ v: 1, updatedAt: daysAgo(world, 92) }));
    expect(world.notices).toEqual([]);
  });

  it('resumes from a position older than 90 days the same way, never stopping on it', async () => {
    world = await startEbayWorld({ orders: 2 });
    const pages = await download(world.connect(), daysAgo(world, 30), daysAgo(world, 120));
    expect(pages.flatMap((p) => p.orders)).toHaveLength(2);
    expect(JSON.parse(pages.at(-1)!.cursor).updatedAt >= world.fake.state.nowIso().slice(0, 10)).toBe(true);
  });

  it('keeps each line\'s eBay line item id, its listing, and every amount exact', async () => {
    world = await startEbayWorld();
    const order = world.fake.state.addOrder({ lines: [{ sku: 'A', quantity: 3, price: '3.33' }, { sku: 'B', quantity: 1, price: '0.10' }] });
    const [page] = await download(world.connect(), daysAgo(world, 1));
    const got = page.orders[0];
    expect(got).toMatchObject({ cartOrderId: order.orderId, orderNumber: order.orderId, subtotal: '10.09', shipping: '4.99', currency: 'USD', shipCode: order.fulfillmentStartInstructions[0].shippingStep.shippingServiceCode });
    expect(got.lines.map((l) => [l.cartLineId, l.sku, l.quantity, l.price])).toEqual([
      [order.lineItems[0].lineItemId, 'A', 3, '3.33'],
      [order.lineItems[1].lineItemId, 'B', 1, '0.10'],
    ]);
    expect(got.lines[1].comment).toContain(order.lineItems[1].legacyItemId);
    expect(got.shipTo).toMatchObject({ country: 'US', zip: '95125' });
  });

  it('fails a run without a grant as auth, asking to connect eBay first', async () => {
    world = await startEbayWorld({ orders: 1 });
    const err = await failure(download(world.connect({ refreshToken: undefined }), daysAgo(world, 1)));
    expect(err?.kind).toBe('auth');
    expect(err?.message).toMatch(/^Connect eBay first/);
    expect(world.fake.requests).toHaveLength(0);
  });

  it('fails a revoked or expired grant (invalid_grant) as auth that says to press Reconnect', async () => {
    world = await startEbayWorld({ orders: 1 });
    world.fake.oauth.revokeAll();
    const err = await failure(download(world.connect(), daysAgo(world, 1)));
    expect(err?.kind).toBe('auth');
    expect(err?.message).toContain('eBay no longer accepts the saved authorization');
    expect(err?.message).toContain('Press Reconnect on the cart');
  });

  it('gets a new access token once after error 1001, and goes on', async () => {
    world = await startEbayWorld({ orders: 2 });
    const connector = world.connect();
    await download(connector, daysAgo(world, 1));
    world.fake.oauth.expireAccessTokens();
    const before = world.fake.oauth.calls.refresh_token;
    const pages = await download(world.connect(), daysAgo(world, 1));
    expect(pages.flatMap((p) => p.orders)).toHaveLength(2);
    expect(world.fake.oauth.calls.refresh_token).toBe(before + 1);
  });

  it('fails as transient with the reset time when the daily limit is used up, after one call, never hammering', async () => {
    world = await startEbayWorld({ orders: 1, dailyCalls: { fulfillment: 0 } });
    const err = await failure(download(world.connect(), daysAgo(world, 1)));
    expect(err?.kind).toBe('transient');
    expect(err?.message).toContain('daily call limit for the Fulfillment API is used up');
    expect(err?.message).toMatch(/resets it at \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
    expect(err?.retryAfterMs).toBeGreaterThan(3600_000);
    expect(world.fake.requests).toHaveLength(1);
  });

  it("classes eBay's APPLICATION errors that last as transient, and finds no order for an id eBay does not have", async () => {
    world = await startEbayWorld({ orders: 1 });
    world.fake.failNext(10, { status: 500 });
    const outage = await failure(download(world.connect(), daysAgo(world, 1)));
    expect(outage?.kind).toBe('transient');
    world.fake.healthy();
    const lookup = await failure(world.connect().fetchOrderByNumber!('no-such-order').then((o) => (o === null ? undefined : o)));
    expect(lookup).toBeUndefined();
  });
});
