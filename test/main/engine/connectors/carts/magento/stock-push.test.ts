import { afterEach, describe, expect, it } from 'vitest';
import { detectStockMode, pushStock, SOURCE_ITEMS_BATCH } from '../../../../../../main/engine/connectors/carts/magento/stock-push.js';
import { createFakeMagento, type FakeMagento } from '../../../../../fakes/magento/index.js';
import { clientFor } from './helpers.js';

let fake: FakeMagento;

afterEach(async () => {
  await fake.close();
});

describe('detectStockMode', () => {
  it('finds MSI and its sources where installed, and the legacy stock items where the route is missing', async () => {
    fake = await createFakeMagento();
    expect(await detectStockMode(clientFor(fake))).toEqual({ kind: 'msi', sourceCodes: ['default'] });
    await fake.close();
    fake = await createFakeMagento({ msi: false });
    expect(await detectStockMode(clientFor(fake))).toEqual({ kind: 'legacy' });
  });

  it('does not take a wrong token for a store without MSI', async () => {
    fake = await createFakeMagento();
    const client = clientFor(fake);
    fake.revokeTokens();
    await expect(detectStockMode(client)).rejects.toMatchObject({ kind: 'auth' });
  });
});

describe('pushStock', () => {
  it('sets MSI source quantities in batches, out of stock at zero, and reports SKUs the catalog lacks', async () => {
    fake = await createFakeMagento();
    const skus = Array.from({ length: SOURCE_ITEMS_BATCH + 5 }, (_, i) => `SKU-${i}`);
    for (const sku of skus) fake.state.addProduct(sku, 1);
    const levels = [...skus.map((sku, i) => ({ sku, quantity: i })), { sku: 'GHOST', quantity: 3 }];
    const result = await pushStock(clientFor(fake), levels, { kind: 'msi', sourceCodes: ['default'] });
    expect(result).toEqual({ updated: skus.length, unknownSkus: ['GHOST'], failed: [] });
    expect(fake.state.products.get('SKU-0')?.sources.get('default')).toEqual({ quantity: 0, status: 0 });
    expect(fake.state.products.get('SKU-104')?.sources.get('default')).toEqual({ quantity: 104, status: 1 });
    expect(fake.state.orphanSourceItems.size).toBe(0);
    expect(fake.requests.filter((r) => r.path === '/V1/inventory/source-items')).toHaveLength(2);
  });

  it('refuses a source the store does not have, before pushing anything', async () => {
    fake = await createFakeMagento();
    const push = pushStock(clientFor(fake), [{ sku: 'A', quantity: 1 }], { kind: 'msi', sourceCodes: ['default'] }, 'warehouse_9');
    await expect(push).rejects.toMatchObject({ kind: 'config', message: expect.stringContaining('no inventory source "warehouse_9"') });
    expect(fake.requests).toHaveLength(0);
  });

  it('updates legacy stock items one SKU at a time by their item id', async () => {
    fake = await createFakeMagento({ msi: false });
    fake.state.addProduct('24-MB01', 10);
    fake.state.addProduct('24-MB02', 0);
    const result = await pushStock(clientFor(fake), [{ sku: '24-MB01', quantity: 0 }, { sku: '24-MB02', quantity: 7 }, { sku: 'NOPE', quantity: 1 }], { kind: 'legacy' });
    expect(result).toEqual({ updated: 2, unknownSkus: ['NOPE'], failed: [] });
    expect(fake.state.products.get('24-MB01')?.stock_item).toMatchObject({ qty: 0, is_in_stock: false });
    expect(fake.state.products.get('24-MB02')?.stock_item).toMatchObject({ qty: 7, is_in_stock: true });
  });

  it('records a SKU Magento refuses as failed and carries on with the rest', async () => {
    fake = await createFakeMagento({ msi: false });
    fake.state.addProduct('A', 1);
    fake.state.addProduct('B', 1);
    fake.failNext(1, { status: 400, method: 'PUT', path: '/V1/products/A/stockItems/1' });
    const result = await pushStock(clientFor(fake), [{ sku: 'A', quantity: 5 }, { sku: 'B', quantity: 6 }], { kind: 'legacy' });
    expect(result.updated).toBe(1);
    expect(result.failed).toEqual([{ sku: 'A', reason: expect.stringContaining('the stock of A') }]);
    expect(fake.state.products.get('B')?.stock_item.qty).toBe(6);
  });
});
