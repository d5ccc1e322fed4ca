import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultCsvWmsSettings } from '../../../../shared/csv-defaults.js';
import { createFakeShopify, type FakeShopify } from '../../../fakes/shopify/index.js';
import { startTestEngine, type TestEngine } from '../../../support/engine-harness.js';
import { ACCEPT_ALL_ORDERS, connectShopify } from '../../../support/world.js';

/** The carrier each shipment reaches Shopify with: Shopify's name, the cart's own, or a custom one. */
describe('the carrier a shipment is uploaded with', () => {
  let t: TestEngine;
  let shop: FakeShopify;
  let folder: string;

  beforeEach(async () => {
    shop = await createFakeShopify({ orders: 0 });
    for (let i = 0; i < 4; i++) shop.state.addOrder({ lines: [{ sku: 'DH-1001', quantity: 1 }] });
    t = await startTestEngine();
    folder = path.join(t.dataDir, 'warehouse');
    await mkdir(folder, { recursive: true });
    await t.call('account.setup', { mode: 'fulfillment' });
    await t.call('wms.save', { settings: defaultCsvWmsSettings({ kind: 'folder', path: folder }), secrets: {} });
  });

  afterEach(async () => {
    await t.close();
    await shop.close();
  });

  it("is Shopify's name for a listed carrier, the cart's own where set, and a custom carrier with its tracking page otherwise", async () => {
    const merchantId = (await t.call('merchants.create', { name: 'Acme Outfitters', code: 'ACME' })).id;
    const cartId = await connectShopify(t, merchantId, shop, { filters: ACCEPT_ALL_ORDERS, carrierNames: { 'Bob Courier': 'Bobs Couriers Ltd' } });
    expect((await t.call('carts.get', { id: cartId })).carrierNames).toEqual({ 'Bob Courier': 'Bobs Couriers Ltd' });
    await t.call('services.runNow', { service: 'order_download', targetId: cartId });
    await t.call('services.runNow', { service: 'order_delivery', targetId: merchantId });
    const orders = (await t.call('orders.list', { cartId, limit: 10, offset: 0, sort: 'number:asc' })).items;
    const carriers = ['FDX', 'dhl', 'Bob Courier', 'Pony Express'];
    const lines = ['Order Number,SKU,Quantity,Carrier,Service,Tracking Number,Ship Date'];
    orders.forEach((o, i) => lines.push(`${o.orderNumber},DH-1001,1,${carriers[i]},Ground,TRK${i},2026-11-26`));
    await mkdir(path.join(folder, 'ACME', 'confirmations'), { recursive: true });
    await writeFile(path.join(folder, 'ACME', 'confirmations', 'ship-1.csv'), lines.join('\n'));
    expect((await t.call('services.runNow', { service: 'shipment_pickup', targetId: merchantId })).status).toBe('ok');

    const upload = await t.call('services.runNow', { service: 'shipment_upload', targetId: cartId });
    expect(upload.status).toBe('ok');
    const sent = orders.map((o) => shop.state.fulfillmentsOf(o.orderNumber)[0].trackingInfo[0]);
    expect(sent.map((s) => s.company)).toEqual(['FedEx', 'DHL Express', 'Bobs Couriers Ltd', 'Pony Express']);
    expect(sent.map((s) => s.url)).toEqual([null, null, null, null]);
  });
});
