import { afterEach, describe, expect, it } from 'vitest';
import { createFakeWooCommerce, PHP_NOTICE, type FakeWooCommerce, type FakeWooOptions } from './index.js';

let fake: FakeWooCommerce | undefined;

async function start(options: FakeWooOptions = {}): Promise<FakeWooCommerce> {
  fake = await createFakeWooCommerce(options);
  return fake;
}

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function basic(shop: FakeWooCommerce, key = shop.consumerKey, secret = shop.consumerSecret): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}` };
}

async function call(shop: FakeWooCommerce, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const res = await fetch(`${shop.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(init.headers ?? basic(shop)) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    redirect: 'manual',
  });
  const text = await res.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, text, body };
}

const ids = (body: { id: number }[]) => body.map((o) => o.id);

describe('fake WooCommerce: authentication', () => {
  it('accepts the consumer key and secret over HTTP Basic and in the query string', async () => {
    const shop = await start();
    shop.store.seedOrders(2);
    expect((await call(shop, '/wp-json/wc/v3/orders')).status).toBe(200);
    const query = `consumer_key=${shop.consumerKey}&consumer_secret=${shop.consumerSecret}`;
    const viaQuery = await call(shop, `/wp-json/wc/v3/orders?${query}`, { headers: {} });
    expect(viaQuery.status).toBe(200);
    expect(viaQuery.body).toHaveLength(2);
    expect(shop.store.requests.map((r) => r.auth)).toEqual(['basic', 'query']);
  });

  it('answers a request without keys as a guest: 401 woocommerce_rest_cannot_view', async () => {
    const shop = await start();
    const reply = await call(shop, '/wp-json/wc/v3/orders', { headers: {} });
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({ code: 'woocommerce_rest_cannot_view', message: 'Sorry, you cannot list resources.', data: { status: 401 } });
  });

  it('refuses a wrong key or a wrong secret with woocommerce_rest_authentication_error', async () => {
    const shop = await start();
    const badKey = await call(shop, '/wp-json/wc/v3/orders', { headers: basic(shop, 'ck_wrong') });
    expect(badKey.status).toBe(401);
    expect(badKey.body).toEqual({ code: 'woocommerce_rest_authentication_error', message: 'Consumer key is invalid.', data: { status: 401 } });
    const badSecret = await call(shop, '/wp-json/wc/v3/orders', { headers: basic(shop, shop.consumerKey, 'cs_wrong') });
    expect(badSecret.body.message).toBe('Consumer secret is invalid.');
  });

  it('loses Basic credentials on a server that drops the Authorization header, so only the query string works', async () => {
    const shop = await start({ dropsAuthorizationHeader: true });
    expect((await call(shop, '/wp-json/wc/v3/orders')).body.code).toBe('woocommerce_rest_cannot_view');
    const query = `consumer_key=${shop.consumerKey}&consumer_secret=${shop.consumerSecret}`;
    expect((await call(shop, `/wp-json/wc/v3/orders?${query}`, { headers: {} })).status).toBe(200);
  });

  it('refuses writes with a read-only key', async () => {
    const shop = await start({ permissions: 'read' });
    const [order] = shop.store.seedOrders(1);
    const reply = await call(shop, `/wp-json/wc/v3/orders/${order.id}`, { method: 'PUT', body: { status: 'completed' } });
    expect(reply.status).toBe(401);
    expect(reply.body.message).toBe('The API key provided does not have write permissions.');
    expect(shop.store.orders.get(order.id)?.status).toBe('processing');
  });
});

describe('fake WooCommerce: order paging', () => {
  it('pages 25 orders by 10 with X-WP-Total, X-WP-TotalPages and a Link header', async () => {
    const shop = await start();
    shop.store.seedOrders(25);
    const seen: number[] = [];
    for (const page of [1, 2, 3]) {
      const reply = await call(shop, `/wp-json/wc/v3/orders?per_page=10&page=${page}&orderby=id&order=asc`);
      expect(reply.headers.get('x-wp-total')).toBe('25');
      expect(reply.headers.get('x-wp-totalpages')).toBe('3');
      expect(reply.body).toHaveLength(page === 3 ? 5 : 10);
      seen.push(...ids(reply.body));
      if (page < 3) expect(reply.headers.get('link')).toMatch(new RegExp(`[?&]page=${page + 1}[&>][^,]*rel="next"`));
      else expect(reply.headers.get('link')).not.toContain('rel="next"');
    }
    expect(seen).toEqual([...shop.store.orders.keys()]);
    expect((await call(shop, '/wp-json/wc/v3/orders?per_page=10&page=4')).body).toEqual([]);
  });

  it('defaults to 10 per page, newest first, and refuses per_page above 100', async () => {
    const shop = await start();
    shop.store.seedOrders(12);
    const first = await call(shop, '/wp-json/wc/v3/orders');
    expect(first.body).toHaveLength(10);
    expect(first.body[0].id).toBe(Math.max(...shop.store.orders.keys()));
    const tooMany = await call(shop, '/wp-json/wc/v3/orders?per_page=101');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.code).toBe('rest_invalid_param');
    expect(tooMany.body.data.params.per_page).toContain('between 1 (inclusive) and 100 (inclusive)');
  });

  it('lets offset win over page, counting X-WP-Total without the offset', async () => {
    const shop = await start();
    shop.store.seedOrders(15);
    const reply = await call(shop, '/wp-json/wc/v3/orders?per_page=5&offset=12&page=1&orderby=id&order=asc');
    expect(ids(reply.body)).toEqual([...shop.store.orders.keys()].slice(12));
    expect(reply.headers.get('x-wp-total')).toBe('15');
  });

  it('moves an order modified between offset pages to the end, so the next page skips one order and repeats it', async () => {
    const shop = await start();
    const orders = shop.store.seedOrders(6);
    const list = (offset: number) => call(shop, `/wp-json/wc/v3/orders?per_page=3&offset=${offset}&orderby=modified&order=asc`);
    const first = ids((await list(0)).body);
    expect(first).toEqual(orders.slice(0, 3).map((o) => o.id));
    shop.store.modifyOrder(orders[1].id, (o) => void (o.customer_note = 'leave at the door'));
    const second = ids((await list(3)).body);
    expect(second).toEqual([orders[4].id, orders[5].id, orders[1].id]);
    expect([...first, ...second]).not.toContain(orders[3].id);
  });

  it('filters modified_after on GMT dates with dates_are_gmt, and on site-local dates without it', async () => {
    // Chicago is UTC-6 in November: the local date fields read six hours behind the _gmt ones.
    const shop = await start({ timeZone: 'America/Chicago', startMs: Date.UTC(2026, 10, 20, 12, 0, 0) });
    const [early, late] = shop.store.seedOrders(2);
    const json = (await call(shop, `/wp-json/wc/v3/orders/${late.id}`)).body;
    expect(json.date_modified_gmt).toBe('2026-11-20T12:00:02');
    expect(json.date_modified).toBe('2026-11-20T06:00:02');
    const gmt = await call(shop, '/wp-json/wc/v3/orders?modified_after=2026-11-20T12:00:01&dates_are_gmt=true');
    expect(ids(gmt.body)).toEqual([late.id]);
    // The same UTC digits without dates_are_gmt are read as Chicago time, six hours later: nothing matches.
    const local = await call(shop, '/wp-json/wc/v3/orders?modified_after=2026-11-20T12:00:01');
    expect(local.body).toEqual([]);
    const localRight = await call(shop, '/wp-json/wc/v3/orders?modified_after=2026-11-20T06:00:00');
    expect(ids(localRight.body).sort()).toEqual([early.id, late.id].sort());
  });

  it('filters by a comma list of statuses and leaves trash out of any', async () => {
    const shop = await start();
    const [processing, onHold] = shop.store.seedOrders([{ status: 'processing' }, { status: 'on-hold' }, { status: 'completed' }, { status: 'trash' }]);
    const reply = await call(shop, '/wp-json/wc/v3/orders?status=processing,on-hold&orderby=id&order=asc');
    expect(ids(reply.body)).toEqual([processing.id, onHold.id]);
    expect((await call(shop, '/wp-json/wc/v3/orders')).body).toHaveLength(3);
    expect((await call(shop, '/wp-json/wc/v3/orders?status=shipped')).body.code).toBe('rest_invalid_param');
  });
});

describe('fake WooCommerce: shipping an order', () => {
  it('completes an order with PUT, moving its date_modified, and adds a customer note', async () => {
    const shop = await start();
    const [order] = shop.store.seedOrders(1);
    const before = order.modifiedMs;
    const put = await call(shop, `/wp-json/wc/v3/orders/${order.id}`, { method: 'PUT', body: { status: 'completed' } });
    expect(put.body.status).toBe('completed');
    expect(shop.store.orders.get(order.id)!.modifiedMs).toBeGreaterThan(before);
    const note = await call(shop, `/wp-json/wc/v3/orders/${order.id}/notes`, { method: 'POST', body: { note: 'Shipped UPS 1Z999', customer_note: true } });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ note: 'Shipped UPS 1Z999', customer_note: true });
    expect((await call(shop, `/wp-json/wc/v3/orders/${order.id}/notes`, { method: 'POST', body: {} })).body.code).toBe('rest_missing_callback_param');
  });

  it('serves the Shipment Tracking routes when the extension is installed', async () => {
    const shop = await start({ shipmentTracking: true });
    const [order] = shop.store.seedOrders(1);
    const path = `/wp-json/wc-shipment-tracking/v3/orders/${order.id}/shipment-trackings`;
    const created = await call(shop, path, { method: 'POST', body: { tracking_provider: 'UPS', tracking_number: '1Z999', date_shipped: '2026-11-21' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ tracking_provider: 'UPS', tracking_number: '1Z999', date_shipped: '2026-11-21' });
    expect(created.body.tracking_link).toContain('1Z999');
    expect((await call(shop, path)).body).toHaveLength(1);
  });

  it('answers rest_no_route for the Shipment Tracking routes when the extension is absent', async () => {
    const shop = await start({ shipmentTracking: false });
    const [order] = shop.store.seedOrders(1);
    const reply = await call(shop, `/wp-json/wc-shipment-tracking/v3/orders/${order.id}/shipment-trackings`, { method: 'POST', body: { tracking_number: '1' } });
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({ code: 'rest_no_route', message: 'No route was found matching the URL and request method.', data: { status: 404 } });
    expect((await call(shop, '/wp-json')).body.namespaces).not.toContain('wc-shipment-tracking/v3');
  });
});

describe('fake WooCommerce: products and stock', () => {
  it('finds a variation SKU only under its parent, not through /products?sku=', async () => {
    const shop = await start();
    shop.store.addSimpleProduct('MUG');
    const { product, variations } = shop.store.addVariableProduct('TEE', [{ sku: 'TEE-S' }, { sku: 'TEE-M' }]);
    expect(ids((await call(shop, '/wp-json/wc/v3/products?sku=MUG,TEE-S')).body)).toHaveLength(1);
    const found = await call(shop, `/wp-json/wc/v3/products/${product.id}/variations?sku=TEE-M`);
    expect(ids(found.body)).toEqual([variations[1].id]);
  });

  it('updates stock in batches of at most 100 with an error per bad item, ignoring stock while manage_stock is off', async () => {
    const shop = await start();
    const managed = shop.store.addSimpleProduct('A', { stock: 1 });
    const unmanaged = shop.store.addSimpleProduct('B', { manageStock: false, stock: null });
    const reply = await call(shop, '/wp-json/wc/v3/products/batch', {
      method: 'POST',
      body: { update: [{ id: managed.id, stock_quantity: 7 }, { id: unmanaged.id, stock_quantity: 9 }, { id: 999999, stock_quantity: 1 }] },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.update[0]).toMatchObject({ id: managed.id, stock_quantity: 7 });
    expect(reply.body.update[1]).toMatchObject({ id: unmanaged.id, manage_stock: false, stock_quantity: null });
    expect(reply.body.update[2]).toEqual({ id: 999999, error: { code: 'woocommerce_rest_product_invalid_id', message: 'Invalid ID.', data: { status: 400 } } });
    const tooMany = await call(shop, '/wp-json/wc/v3/products/batch', {
      method: 'POST',
      body: { update: Array.from({ length: 101 }, () => ({ id: managed.id, stock_quantity: 1 })) },
    });
    expect(tooMany.status).toBe(413);
    expect(tooMany.body.code).toBe('woocommerce_rest_request_entity_too_large');
  });

  it('refuses a variation of another parent in a variations batch', async () => {
    const shop = await start();
    const tee = shop.store.addVariableProduct('TEE', [{ sku: 'TEE-S', stock: 2 }]);
    const cap = shop.store.addVariableProduct('CAP', [{ sku: 'CAP-1' }]);
    const reply = await call(shop, `/wp-json/wc/v3/products/${tee.product.id}/variations/batch`, {
      method: 'POST',
      body: { update: [{ id: tee.variations[0].id, stock_quantity: 5 }, { id: cap.variations[0].id, stock_quantity: 5 }] },
    });
    expect(reply.body.update[0]).toMatchObject({ id: tee.variations[0].id, stock_quantity: 5 });
    expect(reply.body.update[1].error.code).toBe('woocommerce_rest_product_variation_invalid_id');
  });
});

describe('fake WooCommerce: failures for tests', () => {
  it('answers wp_die() as WordPress does: JSON to a request asking for JSON, then recovers', async () => {
    const shop = await start();
    shop.store.criticalErrorNext(1);
    shop.store.failNext(1, 503, '30');
    const critical = await call(shop, '/wp-json/wc/v3/orders');
    expect(critical.status).toBe(500);
    expect(critical.body).toMatchObject({ code: 'internal_server_error', data: { status: 500 }, additional_errors: [] });
    expect(critical.body.message).toContain('There has been a critical error on this website.');
    const maintenance = await call(shop, '/wp-json/wc/v3/orders');
    expect(maintenance.status).toBe(503);
    expect(maintenance.headers.get('retry-after')).toBe('30');
    expect(maintenance.body).toMatchObject({ code: 'wp_die', message: 'Briefly unavailable for scheduled maintenance. Check back in a minute.' });
    expect((await call(shop, '/wp-json/wc/v3/orders')).status).toBe(200);
  });

  it('answers the HTML pages to a request that does not ask for JSON, or when told to', async () => {
    const shop = await start();
    shop.store.criticalErrorNext(1);
    shop.store.maintenanceNext(1, { page: true });
    const res = await fetch(`${shop.url}/wp-json/wc/v3/orders`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('There has been a critical error on this website.');
    const maintenance = await call(shop, '/wp-json/wc/v3/orders');
    expect(maintenance.status).toBe(503);
    expect(maintenance.headers.get('content-type')).toContain('text/html');
    // wp_maintenance() asks to come back in ten minutes.
    expect(maintenance.headers.get('retry-after')).toBe('600');
    expect(maintenance.text).toContain('Briefly unavailable for scheduled maintenance. Check back in a minute.');
  });

  it('prints a PHP notice before the JSON, and answers 429 with Retry-After', async () => {
    const shop = await start();
    shop.store.seedOrders(1);
    shop.store.phpNoticeNext(1);
    shop.store.rateLimitNext(1, '3');
    const noisy = await call(shop, '/wp-json/wc/v3/orders');
    expect(noisy.status).toBe(200);
    expect(noisy.text.startsWith(PHP_NOTICE)).toBe(true);
    expect(JSON.parse(noisy.text.slice(PHP_NOTICE.length))).toHaveLength(1);
    const limited = await call(shop, '/wp-json/wc/v3/orders');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
  });

  it('serves a malformed order as the control altered it', async () => {
    const shop = await start();
    const [order] = shop.store.seedOrders(1);
    shop.store.malformOrder(order.id, (json) => void (json.line_items = 'oops'));
    expect((await call(shop, `/wp-json/wc/v3/orders/${order.id}`)).body.line_items).toBe('oops');
  });

  it('plays a site that is not WordPress, and one that redirects', async () => {
    const plain = await start({ notWordPress: true });
    const reply = await call(plain, '/wp-json/wc/v3/orders');
    expect(reply.status).toBe(404);
    expect(reply.headers.get('content-type')).toContain('text/html');
    await plain.close();
    fake = undefined;
    const moved = await start({ redirectTo: 'https://shop.example.com/' });
    const redirect = await call(moved, '/wp-json/wc/v3/orders');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('https://shop.example.com/');
  });
});

describe('fake WooCommerce: limits and revoked keys', () => {
  it('answers 429 with Retry-After past a host request limit, and counts it', async () => {
    const shop = await start({ hostRateLimit: { requestsPerSecond: 0.2, burst: 2 } });
    const replies = [];
    for (let i = 0; i < 3; i++) replies.push(await call(shop, '/wp-json/wc/v3/orders'));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 429]);
    // One request every five seconds: the next token is up to five seconds away.
    expect(Number(replies[2].headers.get('retry-after'))).toBeGreaterThanOrEqual(4);
    expect(shop.store.throttled).toBe(1);
  });

  it('refuses revoked keys as an invalid consumer key', async () => {
    const shop = await start();
    shop.store.revokeKeys();
    const reply = await call(shop, '/wp-json/wc/v3/orders');
    expect(reply.status).toBe(401);
    expect(reply.body.message).toBe('Consumer key is invalid.');
  });
});
