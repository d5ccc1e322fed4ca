import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEngine, type TestEngine } from '../../../support/engine-harness.js';
import { rejection } from '../../../support/rejection.js';


describe('invalid settings are refused field by field and nothing is saved', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = await startTestEngine();
    await t.call('account.setup', { mode: 'fulfillment' });
  });
  afterAll(() => t.close());

  it('a merchant with a delivery every 2 minutes is refused with the allowed range, and not created', async () => {
    const err = await rejection(
      t.callRaw('merchants.create', { name: 'Acme', code: 'ACME', schedules: { order_delivery: 2, shipment_pickup: 30, inventory_pickup: 60 } }),
    );
    expect(err.kind).toBe('validation');
    expect(err.fields?.['schedules.order_delivery']).toMatch(/every 5 min to once a day, or off/);
    expect(await t.call('merchants.list', {})).toEqual([]);
  });

  it('shipment and inventory frequencies faster than allowed are refused with their own ranges', async () => {
    const m = await t.call('merchants.create', { name: 'Beta', code: 'BETA' });
    const ship = await rejection(t.callRaw('schedules.set', { service: 'shipment_pickup', targetId: m.id, minutes: 5 }));
    expect(ship.fields?.minutes).toMatch(/every 15 min to once a day/);
    const inv = await rejection(t.callRaw('schedules.set', { service: 'inventory_pickup', targetId: m.id, minutes: 30 }));
    expect(inv.fields?.minutes).toMatch(/every hour to once a day/);
    const tooSlow = await rejection(t.callRaw('schedules.set', { service: 'order_delivery', targetId: m.id, minutes: 2000 }));
    expect(tooSlow.kind).toBe('validation');
    const off = await t.call('schedules.set', { service: 'inventory_pickup', targetId: m.id, minutes: null });
    expect(off.minutes).toBeNull();
    const saved = await t.call('merchants.get', { id: m.id });
    expect(saved.schedules).toEqual({ order_delivery: 15, shipment_pickup: 30, inventory_pickup: null });
  });

  it('duplicate merchant names and codes are named on their fields', async () => {
    const err = await rejection(t.callRaw('merchants.create', { name: 'beta', code: 'beta' }));
    expect(err.fields).toMatchObject({ name: expect.stringMatching(/already exists/), code: expect.stringMatching(/already used/) });
  });

  it('a Shopify connection with a bad shop domain, a bad base URL and no token is refused, and not created', async () => {
    const m = (await t.call('merchants.list', {}))[0];
    const err = await rejection(
      t.callRaw('carts.create', {
        merchantId: m.id,
        platform: 'shopify',
        name: 'Shop',
        earliestOrderDate: '2026-11-01',
        settings: { shopDomain: 'not a shop', baseUrl: 'ftp://x' },
      }),
    );
    expect(err.kind).toBe('validation');
    expect(err.fields?.['settings.shopDomain']).toMatch(/myshopify\.com/);
    expect(err.fields?.['settings.baseUrl']).toBeDefined();
    const noToken = await rejection(
      t.callRaw('carts.create', { merchantId: m.id, platform: 'shopify', name: 'Shop', earliestOrderDate: '2026-11-01', settings: { shopDomain: 'acme.myshopify.com' } }),
    );
    expect(noToken.fields?.['credentials.accessToken']).toMatch(/access token/);
    expect(await t.call('carts.list', {})).toEqual([]);
  });

  it('an order download every minute is refused for a cart', async () => {
    const m = (await t.call('merchants.list', {}))[0];
    const err = await rejection(
      t.callRaw('carts.create', {
        merchantId: m.id,
        platform: 'demo',
        name: 'Demo',
        earliestOrderDate: '2026-11-01',
        settings: {},
        schedules: { order_download: 1, shipment_upload: 15, inventory_upload: 60 },
      }),
    );
    expect(err.fields?.['schedules.order_download']).toMatch(/every 5 min/);
    expect(await t.call('carts.list', {})).toEqual([]);
  });

  it('an unknown method and a malformed input are typed errors', async () => {
    expect((await rejection(t.callRaw('orders.explode', {}))).kind).toBe('not_found');
    expect((await rejection(t.callRaw('orders.get', { id: 'seven' }))).fields?.id).toBeDefined();
  });

  it('secrets never come back: the WMS view says only whether a password is set', async () => {
    const view = await t.call('wms.save', {
      settings: (await import('../../../../shared/csv-defaults.js')).defaultCsvWmsSettings({ kind: 'ftp', host: '127.0.0.1', port: 21, user: 'u', security: 'none', allowSelfSigned: false, passive: true, root: '/' }),
      secrets: { password: 'hunter2-secret' },
    });
    expect(view.hasPassword).toBe(true);
    expect(JSON.stringify(await t.call('wms.get', {}))).not.toContain('hunter2-secret');
    const { readdir, readFile } = await import('node:fs/promises');
    const path = await import('node:path');
    // Not in plain text anywhere in the data folder (database journal included).
    const walk = async (dir: string): Promise<string[]> =>
      (await readdir(dir, { withFileTypes: true })).flatMap((e) => (e.isDirectory() ? [] : [path.join(dir, e.name)]));
    const dbFiles = await walk(path.join(t.dataDir, 'db'));
    for (const f of dbFiles) expect((await readFile(f)).includes('hunter2-secret')).toBe(false);
  });
});
