import { afterEach, describe, expect, it } from 'vitest';
import { createFakeBigCommerce, toRfc2822, type FakeBigCommerce, type FakeBigCommerceOptions } from './index.js';

let fake: FakeBigCommerce | undefined;
let nowMs = Date.parse('2026-11-20T12:00:00Z');

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(options: FakeBigCommerceOptions = {}): Promise<FakeBigCommerce> {
  nowMs = Date.parse('2026-11-20T12:00:00Z');
  fake = await createFakeBigCommerce({ now: () => nowMs, ...options });
  return fake;
}

function call(path: string, init: { method?: string; body?: unknown; token?: string | null } = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json' };
  if (init.token !== null) headers['x-auth-token'] = init.token ?? fake!.token;
  return fetch(`${fake!.url}/stores/${fake!.storeHash}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

describe('fake BigCommerce: auth', () => {
  it('refuses a request without X-Auth-Token with 401 and a problem body, taking no quota', async () => {
    await start();
    const res = await call('/v2/orders', { token: null });
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body).toMatchObject({ status: 401, type: expect.stringContaining('api-status-codes') });
    expect(typeof body.title).toBe('string');
    expect(res.headers.get('x-rate-limit-requests-left')).toBeNull();
    const next = await call('/v2/store');
    expect(next.headers.get('x-rate-limit-requests-left')).toBe('149');
  });

  it('refuses a wrong token, and a token lacking the scope with 403', async () => {
    await start({ scopes: ['store_v2_orders_read_only'] });
    expect((await call('/v2/orders', { token: 'wrong' })).status).toBe(401);
    const res = await call('/v3/inventory/adjustments/absolute', { method: 'PUT', body: { items: [] } });
    expect(res.status).toBe(403);
    expect((await res.json()).title).toContain('scope');
  });

  it('answers 404 in the v2 error shape for an order that does not exist', async () => {
    await start();
    const res = await call('/v2/orders/999');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual([{ status: 404, message: 'The requested resource was not found.' }]);
  });
});

describe('fake BigCommerce: v2 orders paging', () => {
  it('pages with page and limit, and answers an empty page with 204 and no body', async () => {
    await start({ orders: 5 });
    const first = await call('/v2/orders?page=1&limit=2');
    expect(first.status).toBe(200);
    expect((await first.json()).map((o: { id: number }) => o.id)).toEqual([100, 101]);
    const third = await call('/v2/orders?page=3&limit=2');
    expect((await third.json()).map((o: { id: number }) => o.id)).toEqual([104]);
    const past = await call('/v2/orders?page=4&limit=2');
    expect(past.status).toBe(204);
    expect(await past.text()).toBe('');
  });

  it('filters by min_date_modified in RFC 2822 or ISO 8601, inclusively, sorted by date_modified', async () => {
    const f = await start({ orders: 4 });
    f.store.modifyOrder(100);
    const cutoff = f.store.order(103).modifiedMs;
    for (const value of [toRfc2822(cutoff), new Date(cutoff).toISOString()]) {
      const res = await call(`/v2/orders?min_date_modified=${encodeURIComponent(value)}&sort=date_modified:asc`);
      expect((await res.json()).map((o: { id: number }) => o.id)).toEqual([103, 100]);
    }
    const bad = await call('/v2/orders?min_date_modified=yesterday');
    expect(bad.status).toBe(400);
    expect((await bad.json())[0].status).toBe(400);
  });

  it('writes dates in RFC 2822 and money as four-decimal strings, lines and addresses as sub-resources', async () => {
    const f = await start();
    const order = f.store.addOrder({ lines: [['SKU-A', 2, 1250]] });
    const [view] = await (await call('/v2/orders?limit=1')).json();
    expect(view.date_modified).toBe(toRfc2822(order.modifiedMs));
    expect(view.date_modified).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    expect(view.subtotal_ex_tax).toBe('25.0000');
    expect(view.products.resource).toBe(`/orders/${order.id}/products`);
    const lines = await (await call(`/v2/orders/${order.id}/products`)).json();
    expect(lines).toEqual([expect.objectContaining({ sku: 'SKU-A', quantity: 2, price_ex_tax: '12.5000', order_address_id: order.addresses[0].id })]);
    const addresses = await (await call(`/v2/orders/${order.id}/shipping_addresses`)).json();
    expect(addresses[0]).toMatchObject({ id: order.addresses[0].id, shipping_method: 'UPS Ground', country_iso2: 'US' });
    expect((await call(`/v2/orders/${order.id}/shipments`)).status).toBe(204);
  });

  it('embeds consignments with their lines when asked with include=consignments.line_items&consignment_structure=object', async () => {
    const f = await start();
    const order = f.store.addOrder({ lines: [['SKU-A', 2, 1250], ['EBOOK', 1, 500]], digitalSkus: ['EBOOK'] });
    const [plain] = await (await call('/v2/orders')).json();
    expect(plain.consignments).toEqual({ url: expect.stringContaining(`/orders/${order.id}/consignments`), resource: `/orders/${order.id}/consignments` });
    const [view] = await (await call('/v2/orders?include=consignments.line_items&consignment_structure=object')).json();
    expect(view.consignments.pickups).toEqual([]);
    expect(view.consignments.shipping).toEqual([
      expect.objectContaining({ id: order.addresses[0].id, shipping_method: 'UPS Ground', line_items: [expect.objectContaining({ sku: 'SKU-A', quantity: 2 })] }),
    ]);
    expect(view.consignments.downloads).toEqual([expect.objectContaining({ line_items: [expect.objectContaining({ sku: 'EBOOK', type: 'digital' })] })]);
    const [linked] = await (await call('/v2/orders?include=consignments&consignment_structure=object')).json();
    expect(linked.consignments.shipping[0].line_items).toEqual([{ url: expect.any(String), resource: `/orders/${order.id}/products/${order.products[0].id}` }]);
  });

  it('pages by offset, as the real API does: an order modified between two pages moves to the end and the next page skips one', async () => {
    // What a download must defend against (move min_date_modified forward instead of counting pages).
    const f = await start({ orders: 4 });
    const query = '/v2/orders?sort=date_modified:asc&limit=2&min_date_modified=2000-01-01T00:00:00Z';
    const first = await (await call(`${query}&page=1`)).json();
    nowMs += 1_000;
    f.store.modifyOrder(100);
    const second = await (await call(`${query}&page=2`)).json();
    expect([...first, ...second].map((o: { id: number }) => o.id)).toEqual([100, 101, 103, 100]);
  });

  it('moves date_modified when an order is modified, and serves malformed fields as set', async () => {
    const f = await start({ orders: 1 });
    nowMs += 90_000;
    f.store.modifyOrder(100);
    f.store.malformOrder(100, { total_inc_tax: 12.5 });
    const view = await (await call('/v2/orders/100')).json();
    expect(view.date_modified).toBe(toRfc2822(nowMs));
    expect(view.total_inc_tax).toBe(12.5);
  });
});

describe('fake BigCommerce: request quota', () => {
  it('reports the quota on every counted answer and answers 429 with the reset time once it is spent', async () => {
    const f = await start({ quota: 3, windowMs: 30_000 });
    const lefts: (string | null)[] = [];
    for (let i = 0; i < 3; i += 1) {
      nowMs += 1_000;
      const res = await call('/v2/store');
      expect(res.status).toBe(200);
      lefts.push(res.headers.get('x-rate-limit-requests-left'));
      expect(res.headers.get('x-rate-limit-requests-quota')).toBe('3');
      expect(res.headers.get('x-rate-limit-time-window-ms')).toBe('30000');
    }
    expect(lefts).toEqual(['2', '1', '0']);
    nowMs += 1_000;
    const refused = await call('/v2/store');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('x-rate-limit-requests-left')).toBe('0');
    // The window began with the first request, 3 s ago.
    expect(refused.headers.get('x-rate-limit-time-reset-ms')).toBe('27000');
    expect(f.store.stats.rateLimited).toBe(1);
    nowMs += 27_000;
    const again = await call('/v2/store');
    expect(again.status).toBe(200);
    expect(again.headers.get('x-rate-limit-requests-left')).toBe('2');
    expect(again.headers.get('x-rate-limit-time-reset-ms')).toBe('30000');
  });

  it('shares the quota with other apps of the store', async () => {
    const f = await start({ quota: 10 });
    f.store.spendQuota(10);
    expect((await call('/v2/store')).status).toBe(429);
  });

  it('fails the next requests with the status asked for', async () => {
    const f = await start({ orders: 1 });
    f.store.failNext(2, 503);
    expect((await call('/v2/orders')).status).toBe(503);
    expect((await call('/v2/orders')).status).toBe(503);
    expect((await call('/v2/orders')).status).toBe(200);
  });
});

describe('fake BigCommerce: shipments', () => {
  it('needs order_address_id and items, and moves the order to Partially Shipped, then Shipped', async () => {
    const f = await start();
    const order = f.store.addOrder({ lines: [['SKU-A', 2, 1000]] });
    const line = order.products[0];
    const address = order.addresses[0];
    const missing = await call(`/v2/orders/${order.id}/shipments`, { method: 'POST', body: { tracking_number: '1Z', items: [] } });
    expect(missing.status).toBe(400);
    expect((await missing.json())[0].message).toContain('order_address_id');

    nowMs += 5_000;
    const part = await call(`/v2/orders/${order.id}/shipments`, {
      method: 'POST',
      body: { order_address_id: address.id, tracking_number: '1Z1', shipping_provider: 'ups', items: [{ order_product_id: line.id, quantity: 1 }] },
    });
    expect(part.status).toBe(201);
    expect(await part.json()).toMatchObject({ order_id: order.id, tracking_number: '1Z1', items: [{ order_product_id: line.id, quantity: 1 }] });
    expect(order.status_id).toBe(3);
    expect(order.modifiedMs).toBe(nowMs);

    const over = await call(`/v2/orders/${order.id}/shipments`, {
      method: 'POST',
      body: { order_address_id: address.id, tracking_number: '1Z2', items: [{ order_product_id: line.id, quantity: 2 }] },
    });
    expect(over.status).toBe(400);
    await call(`/v2/orders/${order.id}/shipments`, {
      method: 'POST',
      body: { order_address_id: address.id, tracking_number: '1Z2', items: [{ order_product_id: line.id, quantity: 1 }] },
    });
    expect(order.status_id).toBe(2);
    expect(await (await call(`/v2/orders/${order.id}/shipments`)).json()).toHaveLength(2);
  });
});

describe('fake BigCommerce: v3 catalog and inventory', () => {
  it('finds variants by SKU and sets stock with an absolute adjustment', async () => {
    const f = await start();
    const shirt = f.store.addProduct('SHIRT', { variantSkus: ['SHIRT-S', 'SHIRT-M'] });
    const res = await call('/v3/catalog/variants?sku:in=SHIRT-M,NOPE');
    const body = await res.json();
    expect(body.data).toEqual([expect.objectContaining({ sku: 'SHIRT-M', product_id: shirt.id })]);
    expect(body.meta.pagination).toMatchObject({ total: 1, current_page: 1 });

    const put = await call('/v3/inventory/adjustments/absolute', {
      method: 'PUT',
      body: { reason: 'Dockhand', items: [{ location_id: 1, sku: 'SHIRT-M', quantity: 7 }] },
    });
    expect(put.status).toBe(200);
    expect(typeof (await put.json()).transaction_id).toBe('string');
    expect(shirt.variants[2].inventory_level).toBe(7);
  });

  it('refuses the whole adjustment with 422 problem+json when one item cannot be placed', async () => {
    const f = await start();
    const mug = f.store.addProduct('MUG', { inventory: 3 });
    const res = await call('/v3/inventory/adjustments/absolute', {
      method: 'PUT',
      body: { reason: 'x', items: [{ location_id: 1, sku: 'MUG', quantity: 9 }, { location_id: 1, sku: 'GHOST', quantity: 1 }] },
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 422, title: expect.stringContaining('GHOST'), errors: {} });
    expect(mug.inventory_level).toBe(3);
  });
});
