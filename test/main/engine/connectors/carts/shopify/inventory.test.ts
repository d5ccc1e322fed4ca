import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeShopify, type FakeShopify } from '../../../../../fakes/shopify/index.js';
import { connectTo } from './helpers.js';

let fake: FakeShopify;

beforeEach(async () => {
  fake = await createFakeShopify({ orders: 1, products: 80 });
  for (let i = 0; i < 80; i++) fake.state.setInventory(`DH-${1000 + i}`, 10);
});

afterEach(async () => {
  await fake.close();
});

describe('Shopify inventory push', () => {
  it('sends only the quantities that changed and reports unknown SKUs', async () => {
    const { connector } = connectTo(fake);
    const result = await connector.pushInventory!([
      { sku: 'DH-1000', quantity: 10 },
      { sku: 'DH-1001', quantity: 4 },
      { sku: 'DH-1079', quantity: 0 },
      { sku: 'NOPE-1', quantity: 5 },
    ]);
    expect(result).toEqual({ updated: 2, unknownSkus: ['NOPE-1'], failed: [] });
    expect(fake.state.inventoryUpdates).toEqual([
      { sku: 'DH-1001', locationIndex: 0, quantity: 4 },
      { sku: 'DH-1079', locationIndex: 0, quantity: 0 },
    ]);
    expect(fake.state.inventory('DH-1001')).toBe(4);
  });

  it('finds SKUs across several search batches and sends nothing when all match', async () => {
    const { connector } = connectTo(fake);
    const levels = Array.from({ length: 80 }, (_, i) => ({ sku: `DH-${1000 + i}`, quantity: 10 }));
    expect(await connector.pushInventory!(levels)).toEqual({ updated: 0, unknownSkus: [], failed: [] });
    expect(fake.state.inventoryUpdates).toHaveLength(0);
    levels[70].quantity = 11;
    expect((await connector.pushInventory!(levels)).updated).toBe(1);
    expect(fake.state.inventory('DH-1070')).toBe(11);
  });

  it('records a refused SKU as failed and still applies the rest', async () => {
    fake.state.rejectInventoryFor.add('DH-1002');
    const { connector } = connectTo(fake);
    const result = await connector.pushInventory!([
      { sku: 'DH-1001', quantity: 1 },
      { sku: 'DH-1002', quantity: 2 },
      { sku: 'DH-1003', quantity: 3 },
    ]);
    expect(result.updated).toBe(2);
    expect(result.failed).toEqual([{ sku: 'DH-1002', reason: "The quantity can't be higher than 1,000,000,000." }]);
    expect([fake.state.inventory('DH-1001'), fake.state.inventory('DH-1002'), fake.state.inventory('DH-1003')]).toEqual([1, 10, 3]);
  });

  it('uses the location from the settings', async () => {
    const warehouse = fake.state.locations[1];
    fake.state.setInventory('DH-1005', 7, 1);
    const { connector } = connectTo(fake, { settings: { locationId: warehouse.id } });
    const result = await connector.pushInventory!([{ sku: 'DH-1005', quantity: 9 }]);
    expect(result.updated).toBe(1);
    expect(fake.state.inventory('DH-1005', 1)).toBe(9);
    expect(fake.state.inventory('DH-1005', 0)).toBe(10);
  });

  it('refuses quantities that are not whole numbers', async () => {
    const { connector } = connectTo(fake);
    const result = await connector.pushInventory!([{ sku: 'DH-1001', quantity: 2.5 }]);
    expect(result.failed).toEqual([{ sku: 'DH-1001', reason: 'quantity 2.5 is not a whole number' }]);
    expect(fake.state.inventoryUpdates).toHaveLength(0);
  });
});

describe('Shopify inventory push at each API version the connector offers', () => {
  it.each(['2026-01', '2026-04', '2026-07', '2026-10'])(
    'sets the levels at %s: changeFromQuantity null on each quantity (the warehouse is the truth) and an idempotency key',
    async (version) => {
      const { connector } = connectTo(fake, { settings: { apiVersion: version } });
      const result = await connector.pushInventory!([
        { sku: 'DH-1001', quantity: 4 },
        { sku: 'DH-1002', quantity: 0 },
      ]);
      expect(result).toEqual({ updated: 2, unknownSkus: [], failed: [] });
      expect([fake.state.inventory('DH-1001'), fake.state.inventory('DH-1002')]).toEqual([4, 0]);
      expect([...fake.state.apiVersionsRequested.keys()]).toEqual([version]);
      expect(fake.state.idempotentResults.size).toBe(1);
    },
  );

  it('sends a new idempotency key for the second round of a chunk, after a refused quantity', async () => {
    fake.state.rejectInventoryFor.add('DH-1002');
    const { connector } = connectTo(fake, { settings: { apiVersion: '2026-04' } });
    const result = await connector.pushInventory!([
      { sku: 'DH-1001', quantity: 1 },
      { sku: 'DH-1002', quantity: 2 },
    ]);
    expect(result).toMatchObject({ updated: 1, failed: [{ sku: 'DH-1002' }] });
    expect(fake.state.inventory('DH-1001')).toBe(1);
    expect(fake.state.idempotentResults.size).toBe(2);
  });
});
