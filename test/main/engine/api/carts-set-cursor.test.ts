import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEngine, type TestEngine } from '../../../support/engine-harness.js';
import { rejection } from '../../../support/rejection.js';
import { listSyncPositions, setSyncPosition } from '../../../../main/engine/store/repositories/sync-positions-repo.js';


describe('carts.setCursor checks a typed sync position through the cart platform before saving it', () => {
  let t: TestEngine;
  let shopId: number;
  let demoId: number;
  const shopCursor = JSON.stringify({ v: 1, updatedAt: '2026-01-05T10:00:00.000Z', createdAtMin: '2026-01-01T00:00:00.000Z', recent: { 'gid://1': '2026-01-05T10:00:00.000Z' } });

  beforeAll(async () => {
    t = await startTestEngine();
    await t.call('account.setup', { mode: 'fulfillment' });
    const m = await t.call('merchants.create', { name: 'Acme', code: 'ACME' });
    const shop = await t.call('carts.create', {
      merchantId: m.id,
      platform: 'shopify',
      name: 'Acme shop',
      earliestOrderDate: '2026-01-01T00:00:00Z',
      settings: { shopDomain: 'acme.myshopify.com' },
      credentials: { accessToken: 'shpat_test' },
    });
    shopId = shop.id;
    const demo = await t.call('carts.create', { merchantId: m.id, platform: 'demo', name: 'Demo', earliestOrderDate: '2026-01-01T00:00:00Z', settings: {} });
    demoId = demo.id;
  });
  afterAll(() => t.close());

  it("sets and clears the 'orders' stream only: the cart's other streams keep their positions", async () => {
    const store = t.engine.context.store;
    await store.write((db) => setSyncPosition(db, demoId, 'inventory_feeds', 'feed-7', '2026-02-01T00:00:00.000Z'));
    const set = await t.call('carts.setCursor', { id: demoId, cursor: '5' });
    expect(set.syncCursor).toBe('{"issued":5}');
    // The view lists every stream's position, the other streams as they were.
    expect(set.syncPositions.map((p) => [p.stream, p.position])).toEqual([['inventory_feeds', 'feed-7'], ['orders', '{"issued":5}']]);
    const streams = () => store.read((db) => listSyncPositions(db, demoId).map((p) => [p.stream, p.position]));
    expect(await streams()).toEqual([['inventory_feeds', 'feed-7'], ['orders', '{"issued":5}']]);
    expect((await t.call('carts.setCursor', { id: demoId, cursor: null })).syncCursor).toBeNull();
    expect(await streams()).toEqual([['inventory_feeds', 'feed-7']]);
  });

  it('saves a full Shopify position as the download writes it', async () => {
    const view = await t.call('carts.setCursor', { id: shopId, cursor: shopCursor });
    expect(JSON.parse(view.syncCursor!)).toEqual(JSON.parse(shopCursor));
  });

  it('turns a bare Shopify time with a zone into a position that keeps the earliest order date', async () => {
    const view = await t.call('carts.setCursor', { id: shopId, cursor: ' 2026-02-01T12:30:00+01:00 ' });
    expect(JSON.parse(view.syncCursor!)).toEqual({ v: 1, updatedAt: '2026-02-01T11:30:00.000Z', createdAtMin: '2026-01-01T00:00:00.000Z' });
  });

  it('refuses a Shopify typo on the cursor field and keeps the saved position', async () => {
    const before = (await t.call('carts.get', { id: shopId })).syncCursor;
    for (const typo of ['2026-02-01', 'yesterday', '{"updatedAt":"2026-02-01"}', '{"updatedAt": 5']) {
      const err = await rejection(t.callRaw('carts.setCursor', { id: shopId, cursor: typo }));
      expect(err.kind).toBe('validation');
      expect(err.fields?.cursor).toMatch(/time with its zone/);
    }
    expect((await t.call('carts.get', { id: shopId })).syncCursor).toBe(before);
  });

  it('refuses a Shopify position in the future, which would skip every order until then', async () => {
    const err = await rejection(t.callRaw('carts.setCursor', { id: shopId, cursor: '2999-01-01T00:00:00Z' }));
    expect(err.fields?.cursor).toMatch(/in the future/);
  });

  it('refuses an empty position and points to the restart instead', async () => {
    const err = await rejection(t.callRaw('carts.setCursor', { id: demoId, cursor: '   ' }));
    expect(err.fields?.cursor).toMatch(/Restart from the earliest order date/);
  });

  it('accepts a Demo store count as a number or JSON and refuses anything else', async () => {
    expect((await t.call('carts.setCursor', { id: demoId, cursor: '12' })).syncCursor).toBe('{"issued":12}');
    expect((await t.call('carts.setCursor', { id: demoId, cursor: '{"issued": 3}' })).syncCursor).toBe('{"issued":3}');
    for (const typo of ['-1', '1.5', '{"issued":"3"}', 'abc']) {
      const err = await rejection(t.callRaw('carts.setCursor', { id: demoId, cursor: typo }));
      expect(err.fields?.cursor).toMatch(/how many orders the Demo store has handed out/);
    }
    expect((await t.call('carts.get', { id: demoId })).syncCursor).toBe('{"issued":3}');
  });

  it('restarts from the earliest order date with null, and the next download starts over', async () => {
    expect((await t.call('carts.setCursor', { id: demoId, cursor: null })).syncCursor).toBeNull();
    expect((await t.call('carts.setCursor', { id: shopId, cursor: null })).syncCursor).toBeNull();
  });

  it('names an unknown cart as not found', async () => {
    const err = await rejection(t.callRaw('carts.setCursor', { id: 9999, cursor: '1' }));
    expect(err.kind).toBe('not_found');
  });
});

describe('carts.setCursor while a download runs', () => {
  it('is refused, because the download would overwrite it with its own next position', async () => {
    const { createFakeShopify } = await import('../../../fakes/shopify/index.js');
    const shop = await createFakeShopify({ orders: 3 });
    const t = await startTestEngine();
    try {
      await t.call('account.setup', { mode: 'fulfillment' });
      const m = await t.call('merchants.create', { name: 'Acme', code: 'ACME' });
      const cart = await t.call('carts.create', {
        merchantId: m.id,
        platform: 'shopify',
        name: 'Acme shop',
        earliestOrderDate: '2026-01-01T00:00:00Z',
        settings: { shopDomain: shop.shopDomain, baseUrl: shop.url },
        credentials: { accessToken: shop.token },
      });
      shop.state.delayNext(1, 1_500);
      const download = t.call('services.runNow', { service: 'order_download', targetId: cart.id });
      await expect.poll(async () => (await t.call('schedules.list', {})).find((j) => j.service === 'order_download')?.state).toBe('running');
      const err = await rejection(t.call('carts.setCursor', { id: cart.id, cursor: null }));
      expect(err.kind).toBe('conflict');
      expect(err.message).toMatch(/download is running/);
      expect((await download).status).toBe('ok');
      // Once it has finished, the same request is taken.
      expect((await t.call('carts.setCursor', { id: cart.id, cursor: null })).syncCursor).toBeNull();
    } finally {
      await t.close();
      await shop.close();
    }
  });
});
