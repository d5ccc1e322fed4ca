import { afterEach, describe, expect, it } from 'vitest';
import { pushWooInventory } from '../../../../../../main/engine/connectors/carts/woocommerce/inventory-push.js';
import { createFakeWooCommerce, type FakeWooCommerce } from '../../../../../fakes/woocommerce/index.js';
import { clientFor } from './helpers.js';

let fake: FakeWooCommerce | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('WooCommerce inventory push', () => {
  it('sets simple products and variations found under their parent, and names unknown SKUs', async () => {
    fake = await createFakeWooCommerce();
    const mug = fake.store.addSimpleProduct('MUG', { stock: 1 });
    const tee = fake.store.addVariableProduct('TEE', [{ sku: 'TEE-S', stock: 1 }, { sku: 'TEE-M', stock: 1 }]);
    const { client } = clientFor(fake);
    const result = await pushWooInventory(client, [
      { sku: 'MUG', quantity: 12 },
      { sku: 'TEE-M', quantity: 5 },
      { sku: 'NOPE', quantity: 3 },
    ]);
    expect(result).toEqual({ updated: 2, unknownSkus: ['NOPE'], failed: [] });
    expect(fake.store.products.get(mug.id)?.stock_quantity).toBe(12);
    expect(fake.store.variations.get(tee.variations[1].id)?.stock_quantity).toBe(5);
    expect(fake.store.variations.get(tee.variations[0].id)?.stock_quantity).toBe(1);
    expect(fake.store.requests.some((r) => r.path === `/wp-json/wc/v3/products/${tee.product.id}/variations/batch`)).toBe(true);
  });

  it('reports a product whose stock WooCommerce does not manage instead of counting it', async () => {
    fake = await createFakeWooCommerce();
    fake.store.addSimpleProduct('POSTER', { manageStock: false, stock: null });
    const { client } = clientFor(fake);
    const result = await pushWooInventory(client, [{ sku: 'POSTER', quantity: 4 }]);
    expect(result.updated).toBe(0);
    expect(result.failed).toEqual([{ sku: 'POSTER', reason: expect.stringContaining('manage_stock is off') }]);
  });
});
