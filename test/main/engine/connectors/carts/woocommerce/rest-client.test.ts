import { afterEach, describe, expect, it } from 'vitest';
import { isNoRoute } from '../../../../../../main/engine/connectors/carts/woocommerce/rest-errors.js';
import { WooRestClient } from '../../../../../../main/engine/connectors/carts/woocommerce/rest-client.js';
import { httpRequest } from '../../../../../../main/engine/net/index.js';
import { silentLogger, systemClock } from '../../../../../../main/engine/platform/ports.js';
import { createFakeWooCommerce, type FakeWooCommerce, type FakeWooOptions } from '../../../../../fakes/woocommerce/index.js';
import { clientFor, failureOf } from './helpers.js';

let fake: FakeWooCommerce | undefined;

async function start(options: FakeWooOptions = {}): Promise<FakeWooCommerce> {
  fake = await createFakeWooCommerce(options);
  return fake;
}

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('WooCommerce REST client: keys', () => {
  it('sends the keys as HTTP Basic and reads the list with X-WP-Total and X-WP-TotalPages', async () => {
    const shop = await start();
    shop.store.seedOrders(23);
    const { client } = clientFor(shop);
    const page = await client.list('wc/v3/orders', { per_page: 10, page: 3 });
    expect(page.items).toHaveLength(3);
    expect(page).toMatchObject({ total: 23, totalPages: 3 });
    expect(shop.store.requests.at(-1)?.auth).toBe('basic');
  });

  it('switches to query-string keys when the server drops the Authorization header, and keeps them', async () => {
    const shop = await start({ dropsAuthorizationHeader: true });
    shop.store.seedOrders(2);
    const { client, logs } = clientFor(shop);
    expect((await client.list('wc/v3/orders')).items).toHaveLength(2);
    await client.list('wc/v3/orders');
    expect(shop.store.requests.map((r) => r.auth)).toEqual(['none', 'query', 'query']);
    expect(client.usesQueryStringAuth).toBe(true);
    expect(logs.some((l) => l.level === 'info' && /query string/.test(l.message))).toBe(true);
  });

  it('classes a wrong secret as auth, with WooCommerce’s reason and without the secret', async () => {
    const shop = await start();
    const { client } = clientFor(shop, { consumerSecret: 'cs_not_the_right_one' });
    const err = await failureOf(client.list('wc/v3/orders'));
    expect(err.kind).toBe('auth');
    expect(err.message).toContain('Consumer secret is invalid.');
    expect(err.message).not.toContain('cs_not_the_right_one');
  });

  it('classes a read-only key that tries to write as auth', async () => {
    const shop = await start({ permissions: 'read' });
    const [order] = shop.store.seedOrders(1);
    const { client } = clientFor(shop);
    const err = await failureOf(client.request('PUT', `wc/v3/orders/${order.id}`, { body: { status: 'completed' } }));
    expect(err.kind).toBe('auth');
    expect(err.message).toContain('does not have write permissions');
  });
});

describe('WooCommerce REST client: what the store answers', () => {
  it('classes a missing route as config and lets the caller tell it apart (Shipment Tracking not installed)', async () => {
    const shop = await start({ shipmentTracking: false });
    const [order] = shop.store.seedOrders(1);
    const { client } = clientFor(shop);
    const err = await failureOf(client.request('POST', `wc-shipment-tracking/v3/orders/${order.id}/shipment-trackings`, { body: { tracking_number: '1Z' } }));
    expect(err.kind).toBe('config');
    expect(isNoRoute(err)).toBe(true);
    expect(err.message).toContain('wc-shipment-tracking/v3');
  });

  it('finds WooCommerce and the Shipment Tracking extension in the site index', async () => {
    const shop = await start({ shipmentTracking: true });
    expect(await clientFor(shop).client.discover()).toEqual({ name: 'Acme Outdoor', wooCommerce: true, shipmentTracking: true });
    await shop.close();
    const bare = await start({ shipmentTracking: false });
    expect((await clientFor(bare).client.discover()).shipmentTracking).toBe(false);
  });

  it('uses the JSON after a PHP notice and logs the notice as a warning', async () => {
    const shop = await start();
    shop.store.seedOrders(2);
    shop.store.phpNoticeNext(1);
    const { client, logs } = clientFor(shop);
    expect((await client.list('wc/v3/orders')).items).toHaveLength(2);
    const warning = logs.find((l) => l.level === 'warn');
    expect(warning?.message).toContain('PHP output before the JSON');
    expect(String(warning?.fields?.notice)).toContain('Undefined index: shipping_phone');
  });

  it('waits out a 429 for its Retry-After seconds without failing', async () => {
    const shop = await start();
    shop.store.seedOrders(1);
    shop.store.rateLimitNext(2, '3');
    const { client, sleeps } = clientFor(shop);
    expect((await client.list('wc/v3/orders')).items).toHaveLength(1);
    expect(sleeps).toEqual([3000, 3000]);
  });

  it('retries a maintenance page (HTML 503) no sooner than its Retry-After, then reads the orders', async () => {
    const shop = await start();
    shop.store.seedOrders(1);
    shop.store.failNext(1, 503, '30');
    const { client, sleeps } = clientFor(shop);
    expect((await client.list('wc/v3/orders')).items).toHaveLength(1);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThanOrEqual(30_000);
  });

  it('gives up on a critical error page (HTML 500) that lasts as transient', async () => {
    const shop = await start();
    shop.store.failNext(10, 500);
    const { client } = clientFor(shop);
    const err = await failureOf(client.list('wc/v3/orders'));
    expect(err.kind).toBe('transient');
    expect(err.message).toContain('HTTP 500');
    expect(shop.store.requests).toHaveLength(3);
  });

  it('classes a refused parameter as data, naming WordPress’s code', async () => {
    const shop = await start();
    const { client } = clientFor(shop);
    const err = await failureOf(client.list('wc/v3/orders', { per_page: 500 }));
    expect(err.kind).toBe('data');
    expect(err.message).toContain('rest_invalid_param');
  });
});

describe('WooCommerce REST client: the transport', () => {
  it('sends every exchange through the transport it is given (the shop limiter’s place)', async () => {
    const shop = await start();
    shop.store.seedOrders(1);
    const sent: string[] = [];
    const { client } = clientFor(shop, {
      transport: async (req) => {
        sent.push(`${req.method} ${new URL(req.url).pathname} ${req.label}`);
        return httpRequest({ clock: systemClock }, req);
      },
    });
    await client.list('wc/v3/orders');
    await client.discover();
    expect(sent).toEqual([`GET /wp-json/wc/v3/orders WooCommerce 127.0.0.1:${new URL(shop.url).port}`, `GET /wp-json WooCommerce 127.0.0.1:${new URL(shop.url).port}`]);
  });
});

describe('WooCommerce REST client: the store address', () => {
  it('names a site that is not WordPress as such', async () => {
    const shop = await start({ notWordPress: true });
    const { client } = clientFor(shop);
    const err = await failureOf(client.list('wc/v3/orders'));
    expect(err.kind).toBe('config');
    expect(err.message).toContain('is not a WordPress site');
    expect(err.message).toContain('Welcome to Acme Outdoor');
    expect((await failureOf(client.discover())).message).toContain('is not a WordPress site');
  });

  it('says where a redirecting address leads', async () => {
    const shop = await start({ redirectTo: 'https://www.acme-outdoor.example/shop/wp-json/wc/v3/orders?consumer_key=ck_echoed' });
    const err = await failureOf(clientFor(shop).client.list('wc/v3/orders'));
    expect(err.kind).toBe('config');
    // The store address to type, not the REST path, and never the query string (it may carry the keys).
    expect(err.message).toContain('redirects to https://www.acme-outdoor.example/shop (HTTP 301): enter https://www.acme-outdoor.example/shop as the store address');
    expect(err.message).not.toContain('ck_echoed');
  });

  it('refuses a plain http:// store address, where Basic keys would travel in the clear', () => {
    const make = () =>
      new WooRestClient({ storeUrl: 'http://shop.example.com', consumerKey: 'ck', consumerSecret: 'cs', http: { clock: systemClock }, log: silentLogger });
    expect(make).toThrow(/uses http:\/\/.*https:\/\//);
  });

  it('keeps a subfolder install and drops a pasted /wp-json path', async () => {
    const shop = await start();
    shop.store.seedOrders(1);
    const { client } = clientFor(shop, { storeUrl: `${shop.url}/wp-json/wc/v3/` });
    expect((await client.list('wc/v3/orders')).items).toHaveLength(1);
    expect(shop.store.requests.at(-1)?.path).toBe('/wp-json/wc/v3/orders');
  });
});
