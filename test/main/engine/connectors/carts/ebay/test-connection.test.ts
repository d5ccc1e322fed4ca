import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearCachedTokens } from '../../../../../../main/engine/connectors/carts/kit/token-source.js';
import { clearShopLimiters } from '../../../../../../main/engine/connectors/carts/kit/shop-limiters.js';
import { startEbayWorld, type EbayWorld } from './helpers.js';

let world: EbayWorld;
beforeEach(() => {
  clearCachedTokens();
  clearShopLimiters();
});
afterEach(() => world?.close());

describe("the eBay connection's Test", () => {
  it('says it is connected, with the orders of the last 90 days', async () => {
    world = await startEbayWorld({ orders: 3 });
    const result = await world.connect().testConnection(['order_download', 'shipment_upload', 'inventory_upload']);
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining('3 orders in the last 90 days') });
  });

  it('answers, not crashes, before Connect and after the grant was revoked', async () => {
    world = await startEbayWorld();
    const before = await world.connect({ refreshToken: undefined }).testConnection(['order_download']);
    expect(before).toMatchObject({ ok: false, message: expect.stringMatching(/^Connect eBay first/) });
    world.fake.oauth.revokeAll();
    const revoked = await world.connect().testConnection(['order_download']);
    expect(revoked).toMatchObject({ ok: false, message: expect.stringContaining('Press Reconnect on the cart') });
  });
});
