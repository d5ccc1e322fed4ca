import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearCachedTokens } from '../../../../../../main/engine/connectors/carts/kit/token-source.js';
import { clearShopLimiters } from '../../../../../../main/engine/connectors/carts/kit/shop-limiters.js';
import { startEbayWorld, type EbayWorld } from './helpers.js';

/** Stock through bulkUpdatePriceQuantity: at most 25 a call, item and offers, per-SKU refusals. */

let world: EbayWorld;
beforeEach(() => {
  clearCachedTokens();
  clearShopLimiters();
});
afterEach(() => world?.close());

describe('eBay stock upload', () => {
  it('writes 60 SKUs in calls of at most 25, on the item and on each of its offers', async () => {
    world = await startEbayWorld();
    const skus = Array.from({ length: 60 }, (_, i) => `S${i}`);
    for (const sku of skus) world.fake.state.addProduct(sku, 0, 2);
    const result = await world.connect().pushInventory!(skus.map((sku, i) => ({ sku, quantity: i })));
    expect(result).toEqual({ updated: 60, unknownSkus: [], failed: [] });
    const bulk = world.fake.requests.filter((r) => r.path.endsWith('bulk_update_price_quantity'));
    expect(bulk.map((r) => (r.body as { requests: unknown[] }).requests.length)).toEqual([25, 25, 10]);
    const item = world.fake.state.items.get('S7')!;
    expect(item.quantity).toBe(7);
    expect([...item.offers.values()]).toEqual([7, 7]);
  });

  it('reports a SKU eBay does not have by name, a refused one with eBay\'s message, and looks offers up once per run', async () => {
    world = await startEbayWorld();
    world.fake.state.addProduct('OK', 1);
    world.fake.state.addProduct('LOCKED', 1);
    world.fake.refuseSku('LOCKED', 'The listing has ended and cannot be revised.');
    const connector = world.connect();
    const result = await connector.pushInventory!([{ sku: 'OK', quantity: 3 }, { sku: 'GONE', quantity: 2 }, { sku: 'LOCKED', quantity: 5 }]);
    expect(result.updated).toBe(1);
    expect(result.unknownSkus).toEqual(['GONE']);
    expect(result.failed).toEqual([{ sku: 'LOCKED', reason: expect.stringContaining('The listing has ended') }]);
    await connector.pushInventory!([{ sku: 'OK', quantity: 4 }]);
    expect(world.fake.requests.filter((r) => r.path.endsWith('/offer') && r.query.get('sku') === 'OK')).toHaveLength(1);
    expect(world.fake.state.items.get('OK')!.quantity).toBe(4);
  });

  it('writes a negative stock as 0 and refuses a fraction of a unit by name', async () => {
    world = await startEbayWorld();
    world.fake.state.addProduct('SHORT', 5);
    world.fake.state.addProduct('HALF', 5);
    const result = await world.connect().pushInventory!([{ sku: 'SHORT', quantity: -2 }, { sku: 'HALF', quantity: 1.5 }]);
    expect(result).toEqual({ updated: 1, unknownSkus: [], failed: [{ sku: 'HALF', reason: '1.5 is not a whole number of units' }] });
    expect(world.fake.state.items.get('SHORT')!.quantity).toBe(0);
  });
});
