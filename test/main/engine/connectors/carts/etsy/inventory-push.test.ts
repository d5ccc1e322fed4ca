import { afterEach, describe, expect, it } from 'vitest';
import { etsyWorld, type EtsyWorld } from './helpers.js';

let world: EtsyWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('stock levels written to Etsy listings', () => {
  it('change only the quantities of the pushed SKUs, keeping every product, property value and price of the listing', async () => {
    world = await etsyWorld();
    const shop = world.etsy.shop;
    const tee = shop.addListing([
      { sku: 'TEE-S', quantity: 4, cents: 2000 },
      { sku: 'TEE-M', quantity: 6, cents: 2150 },
      { sku: 'TEE-L', quantity: 1, cents: 2299 },
    ]);
    const before = JSON.parse(JSON.stringify(shop.inventoryView(tee))) as ReturnType<typeof shop.inventoryView>;
    const result = await world.connect().pushInventory!([{ sku: 'TEE-M', quantity: 40 }]);
    expect(result).toEqual({ updated: 1, unknownSkus: [], failed: [] });
    const after = shop.inventoryView(tee);
    expect(after.products.map((p) => [p.sku, p.offerings[0].quantity])).toEqual([
      ['TEE-S', 4],
      ['TEE-M', 40],
      ['TEE-L', 1],
    ]);
    // Everything but that one quantity is as it was.
    before.products[1].offerings[0].quantity = 40;
    expect(after).toEqual(before);
    expect(shop.inventoryWrites).toEqual([{ sku: 'TEE-M', quantity: 40 }]);
  });

  it('write each listing once however many of its SKUs change, reading the listing map once per run', async () => {
    world = await etsyWorld();
    const shop = world.etsy.shop;
    shop.addListing([
      { sku: 'TEE-S', quantity: 4 },
      { sku: 'TEE-M', quantity: 6 },
    ]);
    shop.addListing([{ sku: 'MUG', quantity: 2 }], 'sold_out');
    const connector = world.connect();
    const first = await connector.pushInventory!([
      { sku: 'TEE-S', quantity: 10 },
      { sku: 'TEE-M', quantity: 11 },
      { sku: 'GONE', quantity: 5 },
    ]);
    expect(first).toEqual({ updated: 2, unknownSkus: ['GONE'], failed: [] });
    // A sold-out listing is found too, and a restock reaches it.
    const second = await connector.pushInventory!([{ sku: 'MUG', quantity: 12 }]);
    expect(second.updated).toBe(1);
    expect(shop.quantityOf('MUG')).toBe(12);
    const puts = world.etsy.requests.filter((r) => r.method === 'PUT');
    expect(puts).toHaveLength(2);
    const listingReads = world.etsy.requests.filter((r) => r.path.endsWith('/listings'));
    expect(listingReads.every((r) => r.query.get('includes') === 'Inventory')).toBe(true);
    expect(listingReads.map((r) => r.query.get('state'))).toEqual(['active', 'sold_out', 'inactive', 'draft']);
  });

  it('send at most 999 units, the most Etsy takes on an offering, and never less than 0', async () => {
    world = await etsyWorld();
    world.etsy.shop.addListing([{ sku: 'MUG', quantity: 2 }]);
    world.etsy.shop.addListing([{ sku: 'BOWL', quantity: 2 }]);
    const result = await world.connect().pushInventory!([
      { sku: 'MUG', quantity: 5000 },
      { sku: 'BOWL', quantity: -3 },
    ]);
    expect(result.updated).toBe(2);
    expect(world.etsy.shop.quantityOf('MUG')).toBe(999);
    expect(world.etsy.shop.quantityOf('BOWL')).toBe(0);
  });
});
