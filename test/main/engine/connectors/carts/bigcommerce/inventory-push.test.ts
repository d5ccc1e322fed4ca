import { afterEach, describe, expect, it } from 'vitest';
import { pushInventory } from '../../../../../../main/engine/connectors/carts/bigcommerce/inventory-push.js';
import type { FakeBigCommerce } from '../../../../../fakes/bigcommerce/index.js';
import { clientFor, fakeStore, virtualClock } from './helpers.js';

let fake: FakeBigCommerce | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('BigCommerce inventory push', () => {
  it('sets stock per variant for products tracked by variant, and per product for products tracked as a whole', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc);
    const shirt = fake.store.addProduct('SHIRT', { variantSkus: ['SHIRT-S', 'SHIRT-M'] });
    const mug = fake.store.addProduct('MUG', { tracking: 'product' });
    const { client } = clientFor(fake, vc);
    const result = await pushInventory(client, [
      { sku: 'SHIRT-S', quantity: 4 },
      { sku: 'SHIRT-M', quantity: 0 },
      { sku: 'MUG', quantity: 12 },
    ]);
    expect(result).toEqual({ updated: 3, unknownSkus: [], failed: [] });
    expect(shirt.variants.map((v) => v.inventory_level)).toEqual([0, 4, 0]);
    expect(mug.inventory_level).toBe(12);
    expect(fake.store.adjustments).toHaveLength(1);
    expect(fake.store.adjustments[0].items).toEqual([
      { location_id: 1, variant_id: shirt.variants[1].id, quantity: 4 },
      { location_id: 1, variant_id: shirt.variants[2].id, quantity: 0 },
      { location_id: 1, product_id: mug.id, quantity: 12 },
    ]);
  });

  it('lists SKUs the catalog does not have as unknown and still sets the others', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc);
    const mug = fake.store.addProduct('MUG', { tracking: 'product' });
    const { client } = clientFor(fake, vc);
    const result = await pushInventory(client, [
      { sku: 'GHOST', quantity: 1 },
      { sku: 'MUG', quantity: 5 },
    ]);
    expect(result).toEqual({ updated: 1, unknownSkus: ['GHOST'], failed: [] });
    expect(mug.inventory_level).toBe(5);
  });

  it('reports a product that does not track stock, and a variant of a product tracked as a whole, instead of skipping them silently', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc);
    fake.store.addProduct('POSTER', { tracking: 'none' });
    fake.store.addProduct('LAMP', { tracking: 'product', variantSkus: ['LAMP-RED'] });
    const { client } = clientFor(fake, vc);
    const result = await pushInventory(client, [
      { sku: 'POSTER', quantity: 3 },
      { sku: 'LAMP-RED', quantity: 2 },
    ]);
    expect(result.updated).toBe(0);
    expect(result.failed).toEqual([
      { sku: 'POSTER', reason: expect.stringContaining('inventory tracking is off') },
      { sku: 'LAMP-RED', reason: expect.stringContaining('send the stock for LAMP') },
    ]);
    expect(fake.store.adjustments).toHaveLength(0);
  });

  it('looks SKUs up 50 at a time', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc);
    const skus = Array.from({ length: 120 }, (_, i) => `P-${i}`);
    for (const sku of skus) fake.store.addProduct(sku, { tracking: 'product' });
    const { client } = clientFor(fake, vc);
    const result = await pushInventory(client, skus.map((sku, i) => ({ sku, quantity: i })));
    expect(result).toMatchObject({ updated: 120, unknownSkus: [] });
    expect(fake.store.stats.byRoute.get('GET /v3/catalog/variants')).toBe(3);
    expect(fake.store.stats.byRoute.get('PUT /v3/inventory/adjustments/absolute')).toBe(1);
    expect(fake.store.productBySku('P-119')?.product.inventory_level).toBe(119);
  });

  it('reports every item of an adjustment the store refuses (422) with the store’s reason, and carries on', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc);
    fake.store.addProduct('MUG', { tracking: 'product' });
    fake.store.addProduct('CUP', { tracking: 'product' });
    const { client } = clientFor(fake, vc);
    const result = await pushInventory(client, [{ sku: 'MUG', quantity: 1 }, { sku: 'CUP', quantity: 2 }], { locationId: 2 });
    expect(result.updated).toBe(0);
    expect(result.failed.map((f) => f.sku)).toEqual(['MUG', 'CUP']);
    expect(result.failed[0].reason).toContain('Location with id 2 not found');
  });

  it('fails the push with auth when the token lacks the inventory scope', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc, { scopes: ['store_v2_orders', 'store_v2_products'] });
    fake.store.addProduct('MUG');
    const { client } = clientFor(fake, vc);
    await expect(pushInventory(client, [{ sku: 'MUG', quantity: 1 }])).rejects.toMatchObject({ kind: 'auth', status: 403 });
  });
});
