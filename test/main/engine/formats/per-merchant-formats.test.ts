import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ORDER_PROFILE, defaultCsvWmsSettings } from '../../../../shared/csv-defaults.js';
import { createFakeShopify, type FakeShopify } from '../../../fakes/shopify/index.js';
import { startTestEngine, type TestEngine } from '../../../support/engine-harness.js';
import { ACCEPT_ALL_ORDERS, connectShopify } from '../../../support/world.js';

/**
 * Two merchants on one warehouse (a local folder): Acme overrides the order and confirmation formats,
 * Beta keeps the warehouse's. Real downloads, deliveries and pickups through the engine.
 */
describe('a merchant\'s own file formats', () => {
  let t: TestEngine;
  let folder: string;
  const shops: FakeShopify[] = [];
  const merchants: Record<'ACME' | 'BETA', { id: number; cartId: number; shop: FakeShopify }> = {} as never;

  beforeEach(async () => {
    t = await startTestEngine();
    folder = path.join(t.dataDir, 'warehouse');
    await mkdir(folder, { recursive: true });
    await t.call('account.setup', { mode: 'fulfillment' });
    await t.call('wms.save', { settings: defaultCsvWmsSettings({ kind: 'folder', path: folder }), secrets: {} });
    for (const [name, code] of [['Acme Outfitters', 'ACME'], ['Beta Goods', 'BETA']] as const) {
      const shop = await createFakeShopify({ orders: 0, restoreRate: 10_000, maximumAvailable: 100_000 });
      shops.push(shop);
      const id = (await t.call('merchants.create', { name, code })).id;
      merchants[code] = { id, shop, cartId: await connectShopify(t, id, shop, { filters: ACCEPT_ALL_ORDERS }) };
    }
  });
  afterEach(async () => {
    await t.close();
    for (const s of shops.splice(0)) await s.close();
  });

  async function deliverOne(code: 'ACME' | 'BETA'): Promise<{ orderNumber: string; file: string }> {
    const m = merchants[code];
    const order = m.shop.state.addOrder({ lines: [{ sku: `${code}-1`, quantity: 2 }, { sku: `${code}-2`, quantity: 1 }] });
    await t.call('services.runNow', { service: 'order_download', targetId: m.cartId });
    const run = await t.call('services.runNow', { service: 'order_delivery', targetId: m.id });
    expect(run.status).toBe('ok');
    const dir = path.join(folder, code, 'orders');
    const [name] = (await readdir(dir)).filter((f) => f.endsWith('.csv'));
    return { orderNumber: order.name, file: await readFile(path.join(dir, name), 'utf8') };
  }

  async function shipmentsOf(code: 'ACME' | 'BETA', orderNumber: string) {
    const [found] = (await t.call('orders.list', { merchantId: merchants[code].id, search: orderNumber, limit: 5, offset: 0 })).items;
    return (await t.call('orders.get', { id: found.id })).shipments;
  }

  it('writes and reads only that merchant\'s files in its own formats; the other keeps the warehouse\'s', async () => {
    const horizontal = await t.call('formats.copy', { from: { preset: 'order-horizontal-10-items' } });
    const positional = await t.call('formats.copy', { from: { preset: 'confirmation-no-header-semicolon' } });
    await t.call('merchants.update', {
      id: merchants.ACME.id,
      merchant: { name: 'Acme Outfitters', code: 'ACME', fileFormats: { order: horizontal.id, confirmation: positional.id } },
    });

    const acme = await deliverOne('ACME');
    const beta = await deliverOne('BETA');
    const [acmeHeader, ...acmeRows] = acme.file.trimEnd().split('\r\n');
    expect(acmeHeader).toContain('SKU 1,Qty 1,Price 1,SKU 2,Qty 2,Price 2');
    expect(acmeRows).toHaveLength(1);
    expect(acmeRows[0]).toContain('ACME-1,2,');
    const [betaHeader, ...betaRows] = beta.file.trimEnd().split('\r\n');
    expect(betaHeader).toBe(DEFAULT_ORDER_PROFILE.columns.map((c) => c.header).join(','));
    expect(betaRows).toHaveLength(2);

    // Confirmations: Acme's warehouse writes positional semicolon rows, Beta's the standard headed file.
    await mkdir(path.join(folder, 'ACME', 'confirmations'), { recursive: true });
    await writeFile(path.join(folder, 'ACME', 'confirmations', 'ship.csv'), `${acme.orderNumber};ACME-1;2;UPS;1ZACME;2026-11-26\r\n${acme.orderNumber};ACME-2;1;UPS;1ZACME;2026-11-26\r\n`);
    await mkdir(path.join(folder, 'BETA', 'confirmations'), { recursive: true });
    await writeFile(
      path.join(folder, 'BETA', 'confirmations', 'ship.csv'),
      `Order Number,SKU,Quantity,Carrier,Tracking Number,Ship Date\r\n${beta.orderNumber},BETA-1,2,UPS,1ZBETA,2026-11-26\r\n${beta.orderNumber},BETA-2,1,UPS,1ZBETA,2026-11-26\r\n`,
    );
    for (const code of ['ACME', 'BETA'] as const) {
      const pickup = await t.call('services.runNow', { service: 'shipment_pickup', targetId: merchants[code].id });
      expect(pickup.status).toBe('ok');
    }
    expect((await shipmentsOf('ACME', acme.orderNumber)).map((s) => s.trackingNumber)).toEqual(['1ZACME']);
    expect((await shipmentsOf('BETA', beta.orderNumber)).map((s) => s.trackingNumber)).toEqual(['1ZBETA']);
  });

  it('follows the warehouse\'s choice for a merchant without an override', async () => {
    const semicolons = await t.call('formats.copy', { from: { preset: 'order-line-rows-ship-to-columns' } });
    const semi = await t.call('formats.save', { id: semicolons.id, kind: 'order', name: 'Semicolon lines', profile: { ...(semicolons.profile as typeof DEFAULT_ORDER_PROFILE), delimiter: ';' } });
    const wms = await t.call('wms.get', {});
    await t.call('wms.save', { settings: { ...wms.settings!, formats: { ...wms.settings!.formats, order: semi.id } }, secrets: {} });
    const beta = await deliverOne('BETA');
    expect(beta.file.split('\r\n')[0]).toBe('order_number;order_date;ship_method;first_name;last_name;company;address1;address2;city;state;postal_code;country;phone;email;sku;quantity;unit_price');
  });
});
