import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BigCommerceHttpError } from '../../../../../../main/engine/connectors/carts/bigcommerce/rest-client.js';
import { OutcomeUnknownError } from '../../../../../../main/engine/net/index.js';
import { DockhandError } from '../../../../../../shared/errors.js';
import type { FakeBigCommerce } from '../../../../../fakes/bigcommerce/index.js';
import { clientFor, fakeStore, virtualClock } from './helpers.js';

let fake: FakeBigCommerce | undefined;

/** The error a call failed with (BigCommerceHttpError where the store answered, else a DockhandError). */
const rejection = (call: Promise<unknown>) =>
  call.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (err: unknown) => err as BigCommerceHttpError,
  );
let other: Server | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
  if (other) {
    other.closeAllConnections();
    await new Promise((resolve) => other!.close(resolve));
    other = undefined;
  }
});

describe('BigCommerce REST client: reading', () => {
  it('reads a v2 list page by page and takes the 204 of an empty page as an empty list', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc, { orders: 3 });
    const { client } = clientFor(fake, vc);
    const first = await client.getList('/v2/orders', { page: 1, limit: 2 });
    expect(first.map((o) => (o as { id: number }).id)).toEqual([100, 101]);
    expect(await client.getList('/v2/orders', { page: 2, limit: 2 })).toHaveLength(1);
    expect(await client.getList('/v2/orders', { page: 3, limit: 2 })).toEqual([]);
    expect(await client.get('/v2/orders', { page: 3, limit: 2 })).toBeNull();
  });

  it('exposes the quota the store announced after each answer', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc, { orders: 1 });
    const { client } = clientFor(fake, vc);
    expect(client.quota.snapshot).toBeUndefined();
    await client.get('/v2/orders/100');
    expect(client.quota.snapshot).toEqual({ left: 149, quota: 150, windowMs: 30_000, resetsAt: vc.nowMs() + 30_000, observedAt: vc.nowMs() });
  });

  it('refuses a list answer that is not a list as malformed', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc, { orders: 1 });
    const { client } = clientFor(fake, vc);
    const err = await rejection(client.getList('/v2/orders/100'));
    expect(err).toBeInstanceOf(DockhandError);
    expect(err.kind).toBe('transient');
    expect(err.message).toContain('did not answer with a list');
  });

  it('classes a body cut off mid-way as a transient malformed answer', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc, { orders: 1 });
    fake.store.garbleNext(1);
    const { client } = clientFor(fake, vc);
    const err = await rejection(client.get('/v2/orders/100'));
    expect(err.kind).toBe('transient');
    expect(err.message).toContain('not JSON');
  });
});

describe('BigCommerce REST client: refusals', () => {
  it('classes a refused token as auth, with the store’s words and without the token', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc);
    const { client } = clientFor(fake, vc, { accessToken: 'not-the-token' });
    const err = await rejection(client.get('/v2/orders'));
    expect(err).toBeInstanceOf(BigCommerceHttpError);
    expect(err).toMatchObject({ kind: 'auth', status: 401 });
    expect(err.message).toContain('No valid credentials');
    expect(err.message).toContain(fake.storeHash);
    expect(err.message).not.toContain('not-the-token');
  });

  it('classes a missing scope (403) as auth and names the scopes to grant', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc, { scopes: ['store_v2_orders'] });
    const { client } = clientFor(fake, vc);
    const err = await rejection(client.put('/v3/inventory/adjustments/absolute', { reason: 'x', items: [] }));
    expect(err).toMatchObject({ kind: 'auth', status: 403 });
    expect(err.message).toContain('OAuth scopes');
  });

  it('classes a 404 for a wrong store hash as config', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc);
    const { client } = clientFor(fake, vc, { storeHash: 'nosuchstore' });
    const err = await rejection(client.get('/v2/orders'));
    expect(err).toMatchObject({ kind: 'config', status: 404 });
    expect(err.message).toContain('check the store hash');
  });

  it('classes a refused shipment (400, v2 error list) as data with the store’s message', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc, { orders: 1 });
    const { client } = clientFor(fake, vc);
    const err = await rejection(client.post('/v2/orders/100/shipments', { tracking_number: '1Z' }));
    expect(err).toMatchObject({ kind: 'data', status: 400 });
    expect(err.detail).toBe("The required field 'order_address_id' was not supplied.");
  });

  it('classes a refused inventory adjustment (422 problem+json) as data with its title', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc);
    const { client } = clientFor(fake, vc);
    const err = await rejection(client.put('/v3/inventory/adjustments/absolute', { reason: 'x', items: [{ location_id: 1, sku: 'GHOST', quantity: 1 }] }));
    expect(err).toMatchObject({ kind: 'data', status: 422 });
    expect(err.detail).toContain('sku GHOST');
  });
});

describe('BigCommerce REST client: the request quota', () => {
  it('waits for the window to reset once the announced quota is spent, so the store never answers 429', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc, { orders: 1, quota: 3, windowMs: 30_000 });
    const { client, throttles } = clientFor(fake, vc);
    for (let i = 0; i < 7; i += 1) await client.get('/v2/orders/100');
    expect(fake.store.stats.rateLimited).toBe(0);
    expect(fake.store.stats.requests).toBe(7);
    // Three per window: two waits of a whole window (time stands still between requests here).
    expect(vc.sleeps).toEqual([30_000, 30_000]);
    expect(throttles.every((t) => t.reason.includes('quota'))).toBe(true);
  });

  it('waits out a 429 for X-Rate-Limit-Time-Reset-Ms without using up an attempt', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc, { orders: 1, quota: 10, windowMs: 30_000 });
    const { client, throttles } = clientFor(fake, vc, { backoff: { attempts: 1 } });
    await client.get('/v2/orders/100');
    vc.advance(12_000);
    // Other apps of the store spend the rest of the window's quota.
    fake.store.spendQuota(9);
    const order = await client.get('/v2/orders/100');
    expect(order).toMatchObject({ id: 100 });
    expect(fake.store.stats.rateLimited).toBe(1);
    expect(vc.sleeps).toEqual([18_000]);
    expect(throttles).toEqual([{ ms: 18_000, reason: expect.stringContaining('429') }]);
  });

  it('gives up with rate_limited when 429s outlast the longest wait allowed', async () => {
    const vc = virtualClock();
    // A store whose quota other apps always spend first: every answer is 429.
    fake = await fakeStore(vc, { orders: 1, quota: 0, windowMs: 30_000 });
    const { client } = clientFor(fake, vc, { maxRateLimitWaitMs: 45_000 });
    const err = await rejection(client.get('/v2/orders/100'));
    expect(err).toMatchObject({ kind: 'rate_limited', retryAfterMs: 30_000 });
    expect(err.message).toContain('HTTP 429');
    expect(fake.store.stats.rateLimited).toBe(2);
    expect(vc.sleeps).toEqual([30_000]);
  });
});

describe('BigCommerce REST client: server errors', () => {
  it('retries 5xx answers to a read with backoff and carries on', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc, { orders: 1 });
    fake.store.failNext(2, 503);
    const { client, throttles } = clientFor(fake, vc);
    expect(await client.get('/v2/orders/100')).toMatchObject({ id: 100 });
    expect(throttles.filter((t) => t.reason.includes('HTTP 503'))).toHaveLength(2);
  });

  it('fails a read with transient once 5xx outlasts its attempts', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc, { orders: 1 });
    fake.store.failNext(10, 500);
    const { client } = clientFor(fake, vc, { backoff: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 } });
    const err = await rejection(client.get('/v2/orders/100'));
    expect(err).toMatchObject({ kind: 'transient' });
    expect(err.message).toContain('HTTP 500');
    expect(err.message).toContain('3 attempts');
    expect(fake.store.stats.requests).toBe(3);
  });

  it('names what a lasting 503 means on BigCommerce (down for maintenance) with the body’s title', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc, { orders: 1 });
    fake.store.failNext(10, 503);
    const { client } = clientFor(fake, vc, { backoff: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 } });
    const err = await rejection(client.get('/v2/orders/100'));
    expect(err).toMatchObject({ kind: 'transient' });
    expect(err.message).toMatch(/answered HTTP 503: Service Unavailable to GET \/v2\/orders\/100 \(gave up after 2 attempts\)\. .*"Down for Maintenance"/);
  });

  it('never sends a shipment twice after a 5xx: the outcome is unknown', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc, { orders: 1 });
    fake.store.failNext(1, 502);
    const { client } = clientFor(fake, vc);
    const order = fake.store.order(100);
    const shipment = { order_address_id: order.addresses[0].id, tracking_number: '1Z', items: [{ order_product_id: order.products[0].id, quantity: 1 }] };
    const err = await rejection(client.post('/v2/orders/100/shipments', shipment));
    expect(err).toBeInstanceOf(OutcomeUnknownError);
    expect(fake.store.stats.requests).toBe(1);
  });

  it('retries an absolute inventory adjustment after a 5xx, since setting a level twice is harmless', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc);
    fake.store.addProduct('MUG');
    fake.store.failNext(1, 503);
    const { client } = clientFor(fake, vc);
    const answer = await client.put('/v3/inventory/adjustments/absolute', { reason: 'x', items: [{ location_id: 1, sku: 'MUG', quantity: 4 }] });
    expect(answer).toMatchObject({ transaction_id: expect.any(String) });
    expect(fake.store.productBySku('MUG')?.product.inventory_level).toBe(4);
  });
});

describe('BigCommerce REST client: a wrong API address', () => {
  async function serve(status: number, headers: Record<string, string>, body: string): Promise<string> {
    other = createServer((_req, res) => {
      res.writeHead(status, headers);
      res.end(body);
    });
    await new Promise<void>((resolve) => other!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  }

  it('says a site that answers HTML is not the BigCommerce API', async () => {
    const vc = virtualClock();
    const url = await serve(200, { 'content-type': 'text/html' }, '<html>My shop</html>');
    const { client } = clientFor({ url, storeHash: 'abc', token: 't' } as FakeBigCommerce, vc);
    const err = await rejection(client.get('/v2/store'));
    expect(err).toMatchObject({ kind: 'config' });
    expect(err.message).toContain('did not answer like the BigCommerce API');
  });

  it('says where a redirect (such as HTTP to HTTPS) points instead of following it with the token', async () => {
    const vc = virtualClock();
    const url = await serve(301, { location: 'https://api.bigcommerce.com/stores/abc/v2/store' }, '');
    const { client } = clientFor({ url, storeHash: 'abc', token: 't' } as FakeBigCommerce, vc);
    const err = await rejection(client.get('/v2/store'));
    expect(err).toMatchObject({ kind: 'config', status: 301 });
    expect(err.message).toContain('https://api.bigcommerce.com/stores/abc/v2/store');
  });
});
