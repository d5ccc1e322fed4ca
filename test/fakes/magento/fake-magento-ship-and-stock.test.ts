import { afterEach, describe, expect, it } from 'vitest';
import { createFakeMagento, MESSAGES, type FakeMagento } from './index.js';

let fake: FakeMagento;

async function call(path: string, method = 'GET', body?: unknown) {
  const res = await fetch(`${fake.restBase}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${fake.integrationToken}` },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as any };
}

afterEach(async () => {
  await fake.close();
});

describe('fake Magento: ship', () => {
  it('ships part of an order, records the tracks, moves updated_at and completes the order on the last unit', async () => {
    fake = await createFakeMagento();
    const order = fake.state.addOrder({ lines: [{ sku: 'A', qty: 2, price: 10 }, { sku: 'B', qty: 1, price: 5 }] });
    const [a, b] = order.items;
    fake.state.advance(30);
    const tracks = [{ track_number: '1Z999', title: 'United Parcel Service', carrier_code: 'ups' }];
    const first = await call(`/V1/order/${order.entity_id}/ship`, 'POST', { items: [{ order_item_id: a.item_id, qty: 1 }], tracks });
    expect(first.status).toBe(200);
    expect(typeof first.body).toBe('number');
    expect(fake.state.orders.get(order.entity_id)).toMatchObject({ state: 'processing', updated_at: '2026-11-20 10:00:30' });
    expect(fake.state.shipments[0]).toMatchObject({ order_id: order.entity_id, tracks });

    const rest = await call(`/V1/order/${order.entity_id}/ship`, 'POST', {
      items: [{ order_item_id: a.item_id, qty: 1 }, { order_item_id: b.item_id, qty: 1 }],
    });
    expect(rest.status).toBe(200);
    expect(fake.state.orders.get(order.entity_id)?.state).toBe('complete');
  });

  it('refuses shipping more than remains, and any shipment of a complete order', async () => {
    fake = await createFakeMagento();
    const order = fake.state.addOrder({ lines: [{ sku: 'A', qty: 1, price: 10 }] });
    const item = order.items[0].item_id;
    const tooMuch = await call(`/V1/order/${order.entity_id}/ship`, 'POST', { items: [{ order_item_id: item, qty: 2 }] });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.message).toMatch(/^Shipment Document Validation Error/);
    await call(`/V1/order/${order.entity_id}/ship`, 'POST', { items: [{ order_item_id: item, qty: 1 }] });
    const again = await call(`/V1/order/${order.entity_id}/ship`, 'POST', { items: [{ order_item_id: item, qty: 1 }] });
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ message: MESSAGES.shipmentNotAllowed });
  });

  it('ships a configurable product by its parent item, and the child with it', async () => {
    fake = await createFakeMagento();
    const order = fake.state.addOrder({ lines: [{ sku: 'MH01-XS-Black', qty: 1, price: 52, configurable: { parentSku: 'MH01' } }] });
    const [parent, child] = order.items;
    const reply = await call(`/V1/order/${order.entity_id}/ship`, 'POST', { items: [{ order_item_id: parent.item_id, qty: 1 }] });
    expect(reply.status).toBe(200);
    expect(child.qty_shipped).toBe(1);
    expect(fake.state.orders.get(order.entity_id)?.state).toBe('complete');
  });
});

describe('fake Magento: stock', () => {
  it('saves MSI source items all or nothing', async () => {
    fake = await createFakeMagento();
    fake.state.addProduct('A', 5);
    const ok = await call('/V1/inventory/source-items', 'POST', { sourceItems: [{ sku: 'A', source_code: 'default', quantity: 12, status: 1 }] });
    expect(ok).toEqual({ status: 200, body: [] });
    expect(fake.state.products.get('A')?.sources.get('default')?.quantity).toBe(12);
    const bad = await call('/V1/inventory/source-items', 'POST', {
      sourceItems: [{ sku: 'A', source_code: 'default', quantity: 3, status: 1 }, { sku: 'A', source_code: 'warehouse_9', quantity: 1, status: 1 }],
    });
    expect(bad.status).toBe(400);
    expect(fake.state.products.get('A')?.sources.get('default')?.quantity).toBe(12);
  });

  it('stores a source item for a SKU the catalog does not have, as MSI does (no catalog key)', async () => {
    fake = await createFakeMagento();
    const reply = await call('/V1/inventory/source-items', 'POST', { sourceItems: [{ sku: 'GHOST', source_code: 'default', quantity: 4, status: 1 }] });
    expect(reply.status).toBe(200);
    expect(fake.state.orphanSourceItems.get('GHOST|default')).toEqual({ quantity: 4, status: 1 });
  });

  it('finds products by a SKU list with searchCriteria', async () => {
    fake = await createFakeMagento();
    fake.state.addProduct('A', 1);
    fake.state.addProduct('B', 1);
    fake.state.addProduct('C', 1);
    const q = new URLSearchParams({
      'searchCriteria[filter_groups][0][filters][0][field]': 'sku',
      'searchCriteria[filter_groups][0][filters][0][value]': 'A,C,NOPE',
      'searchCriteria[filter_groups][0][filters][0][condition_type]': 'in',
    });
    const reply = await call(`/V1/products?${q}`);
    expect(reply.body.total_count).toBe(2);
    expect(reply.body.items.map((p: { sku: string }) => p.sku)).toEqual(['A', 'C']);
  });

  it('has no /V1/inventory routes without MSI: 404 "Request does not match any route."', async () => {
    fake = await createFakeMagento({ msi: false });
    const reply = await call('/V1/inventory/source-items', 'POST', { sourceItems: [] });
    expect(reply).toEqual({ status: 404, body: { message: 'Request does not match any route.' } });
  });

  it('reads and updates a legacy stock item by SKU and item id', async () => {
    fake = await createFakeMagento({ msi: false });
    fake.state.addProduct('24-MB01', 3);
    const item = await call('/V1/stockItems/24-MB01');
    expect(item.body).toMatchObject({ qty: 3, is_in_stock: true });
    const put = await call(`/V1/products/24-MB01/stockItems/${item.body.item_id}`, 'PUT', { stockItem: { qty: 0, is_in_stock: false } });
    expect(put).toEqual({ status: 200, body: item.body.item_id });
    expect(fake.state.products.get('24-MB01')?.stock_item).toMatchObject({ qty: 0, is_in_stock: false });
    expect(fake.state.inventoryWrites).toEqual([{ sku: '24-MB01', quantity: 0 }]);
    const unknown = await call('/V1/products/NOPE/stockItems/1', 'PUT', { stockItem: { qty: 1 } });
    expect(unknown).toEqual({ status: 404, body: { message: MESSAGES.noSuchProduct } });
  });
});
