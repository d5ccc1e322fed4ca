import { afterEach, describe, expect, it } from 'vitest';
import { DockhandError } from '../../../../../../shared/errors.js';
import { createFakeShopify, type FakeShopify } from '../../../../../fakes/shopify/index.js';
import { ACCEPT_ALL, allOrders, collectPages, connectTo } from './helpers.js';

let fake: FakeShopify | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('Shopify GraphQL client', () => {
  it('turns a refused access token into an auth error that names the shop', async () => {
    fake = await createFakeShopify({ orders: 5 });
    const { connector } = connectTo(fake, { credentials: { accessToken: 'shpat_wrong' } });
    const err = await collectPages(connector, null).catch((e) => e);
    expect(err).toBeInstanceOf(DockhandError);
    expect(err.kind).toBe('auth');
    expect(err.message).toContain(fake.shopDomain);
    expect(err.message).toContain('Invalid API key or access token');
    expect(err.message).not.toContain('shpat_wrong');
  });

  it('asks for the access token before calling Shopify when it is missing', async () => {
    fake = await createFakeShopify({ orders: 5 });
    const { connector } = connectTo(fake, { credentials: {} });
    const err = await collectPages(connector, null).catch((e) => e);
    expect(err.kind).toBe('config');
    expect(err.fields).toEqual({ 'credentials.accessToken': 'Enter the Admin API access token' });
    expect(fake.state.stats.requests).toBe(0);
  });

  it('retries 5xx replies with backoff and carries on', async () => {
    fake = await createFakeShopify({ orders: 30, restoreRate: 1e6, maximumAvailable: 1e6 });
    fake.state.failNext(2, 503);
    const { connector, throttles } = connectTo(fake, { settings: ACCEPT_ALL });
    const orders = allOrders(await collectPages(connector, null));
    expect(orders).toHaveLength(30);
    expect(throttles.filter((t) => t.reason.includes('HTTP 503'))).toHaveLength(2);
  });

  it('fails the run with a transient error when 5xx persists', async () => {
    fake = await createFakeShopify({ orders: 30 });
    fake.state.failNext(10, 500);
    const { connector } = connectTo(fake, { options: { backoff: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 } } });
    const err = await collectPages(connector, null).catch((e) => e);
    expect(err.kind).toBe('transient');
    expect(err.message).toContain('HTTP 500');
    expect(fake.state.stats.requests).toBe(3);
  });

  it('fails the run with a clear message on a reply that is not JSON', async () => {
    fake = await createFakeShopify({ orders: 30 });
    fake.state.malformNext(1);
    const { connector } = connectTo(fake);
    const pages: unknown[] = [];
    const err = await (async () => {
      for await (const page of connector.fetchOrders({ cursor: null, earliestOrderDate: '2000-01-01T00:00:00Z' })) pages.push(page);
    })().catch((e) => e);
    expect(pages).toHaveLength(0);
    expect(err.kind).toBe('transient');
    expect(err.message).toBe(`Shopify ${fake.shopDomain} sent a malformed reply: the reply is not a JSON object`);
  });

  it('fails on a JSON reply of the wrong shape', async () => {
    fake = await createFakeShopify({ orders: 30 });
    fake.state.malformNext(1, { body: '{"data":{"orders":{"edges":[]}}}' });
    const { connector } = connectTo(fake);
    const err = await collectPages(connector, null).catch((e) => e);
    expect(err.kind).toBe('transient');
    expect(err.message).toContain('orders is missing its nodes or pageInfo');
  });

  it('waits for the cost budget before the bucket runs dry instead of being throttled', async () => {
    // A bucket that holds one page: every later page must wait for the restore.
    fake = await createFakeShopify({ orders: 120, maximumAvailable: 1000, restoreRate: 20_000 });
    const { connector, throttles } = connectTo(fake, { settings: ACCEPT_ALL });
    expect(allOrders(await collectPages(connector, null))).toHaveLength(120);
    expect(fake.state.stats.throttled).toBe(0);
    expect(throttles.filter((t) => t.reason.includes('cost budget')).length).toBeGreaterThan(0);
  });

  it('waits out THROTTLED replies and retries the same page without failing', async () => {
    fake = await createFakeShopify({ orders: 60, maximumAvailable: 1000, restoreRate: 10_000 });
    const { connector, throttles } = connectTo(fake, { settings: ACCEPT_ALL });
    const seen: string[] = [];
    for await (const page of connector.fetchOrders({ cursor: null, earliestOrderDate: '2000-01-01T00:00:00Z' })) {
      seen.push(...page.orders.map((o) => o.orderNumber));
      fake.state.drainBucket(); // someone else spent the budget: our estimate is now wrong
    }
    expect(seen).toHaveLength(60);
    expect(new Set(seen).size).toBe(60);
    expect(fake.state.stats.throttled).toBeGreaterThan(0);
    expect(throttles.some((t) => t.reason.includes('THROTTLED'))).toBe(true);
  });
});
