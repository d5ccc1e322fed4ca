import { afterEach, describe, expect, it } from 'vitest';
import { findProductsBySku, listVariations, updateStock } from '../../../../../../main/engine/connectors/carts/woocommerce/stock-api.js';
import { createFakeWooCommerce, type FakeWooCommerce } from '../../../../../fakes/woocommerce/index.js';
import { clientFor } from './helpers.js';

let fake: FakeWooCommerce | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('WooCommerce stock', () => {
  it('finds simple products by SKU and a variation SKU only among its parent’s variations', async () => {
    fake = await createFakeWooCommerce();
    const mug = fake.store.addSimpleProduct('MUG');
    const tee = fake.store.addVariableProduct('TEE', [{ sku: 'TEE-S' }, { sku: 'TEE-M' }]);
    const { client } = clientFor(fake);
    const products = await findProductsBySku(client, ['MUG', 'TEE-S']);
    expect(products.map((p) => p.id)).toEqual([mug.id]);
    const variations = await listVariations(client, tee.product.id);
    expect(variations.map((v) => v.sku)).toEqual(['TEE-S', 'TEE-M']);
  });

  it('sends 250 updates as three batches of at most 100 and reports each item', async () => {
    fake = await createFakeWooCommerce();
    const products = Array.from({ length: 250 }, (_, i) => fake!.store.addSimpleProduct(`SKU-${i}`, { stock: 0 }));
    const { client } = clientFor(fake);
    const outcomes = await updateStock(client, products.map((p, i) => ({ id: p.id, quantity: i })));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(fake.store.requests.filter((r) => r.path === '/wp-json/wc/v3/products/batch')).toHaveLength(3);
    expect(fake.store.products.get(products[249].id)?.stock_quantity).toBe(249);
  });

  it('reports an item whose manage_stock is off, an unknown id, and a variation that leaves stock to its parent', async () => {
    fake = await createFakeWooCommerce();
    const managed = fake.store.addSimpleProduct('A', { stock: 1 });
    const unmanaged = fake.store.addSimpleProduct('B', { manageStock: false, stock: null });
    const { client } = clientFor(fake);
    const outcomes = await updateStock(client, [
      { id: managed.id, quantity: 4 },
      { id: unmanaged.id, quantity: 4 },
      { id: 987654, quantity: 4 },
    ]);
    expect(outcomes[0]).toEqual({ id: managed.id, ok: true });
    expect(outcomes[1]).toMatchObject({ ok: false, reason: 'not_managed' });
    expect(outcomes[2]).toMatchObject({ ok: false, reason: 'refused', message: 'woocommerce_rest_product_invalid_id: Invalid ID.' });
    const tee = fake.store.addVariableProduct('TEE', [{ sku: 'TEE-S', manageStock: 'parent' }, { sku: 'TEE-M', stock: 1 }]);
    const variationOutcomes = await updateStock(client, tee.variations.map((v) => ({ id: v.id, quantity: 9 })), tee.product.id);
    expect(variationOutcomes.map((o) => (o.ok ? 'ok' : o.reason))).toEqual(['not_managed', 'ok']);
  });
});
