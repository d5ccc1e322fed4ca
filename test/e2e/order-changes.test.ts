import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCsvWmsSettings } from '../../shared/csv-defaults.js';
import { createFakeShopify, type FakeShopify } from '../fakes/shopify/index.js';
import { AlertsPage } from './pages/alerts-page.js';
import { OrdersPage } from './pages/orders-page.js';
import { startApp, type AppUnderTest } from './support/app.js';

/** Every order file under a folder, at any depth, with its text. */
async function orderFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && e.name.endsWith('.csv')).map((e) => join(e.parentPath, e.name));
  return Promise.all(files.sort().map((f) => readFile(f, 'utf8')));
}

/**
 * An order the shop fulfilled in part before download, then edited after it reached the warehouse: the
 * order file asks only for what is left, the order screen shows both quantities, the change in its
 * history and an alert, and Resend sends the new address.
 */
describe('an order fulfilled in part in the shop and changed after delivery, on the Orders screen', () => {
  let app: AppUnderTest;
  let shop: FakeShopify;
  let warehouse: string;
  let cartId: number;
  let merchantId: number;

  beforeAll(async () => {
    warehouse = await mkdtemp(join(tmpdir(), 'dockhand-e2e-changes-'));
    shop = await createFakeShopify({ orders: 0 });
    app = await startApp();
    app.page.setDefaultTimeout(15_000);
    await app.call('account.setup', { mode: 'fulfillment' });
    merchantId = (await app.call('merchants.create', {
      name: 'Acme Outfitters',
      code: 'ACME',
      schedules: { order_delivery: null, shipment_pickup: null, inventory_pickup: null },
    })).id;
    await app.call('wms.save', { settings: defaultCsvWmsSettings({ kind: 'folder', path: warehouse }), secrets: {} });
    cartId = (await app.call('carts.create', {
      merchantId,
      platform: 'shopify',
      name: 'Acme Shopify',
      earliestOrderDate: '2000-01-01',
      settings: { shopDomain: shop.shopDomain, baseUrl: shop.url },
      credentials: { accessToken: shop.token },
      // The fake shop's ship codes are not mapped: they go to the warehouse as received.
      rejectUnmappedShipCodes: false,
      schedules: { order_download: null, shipment_upload: null, inventory_upload: null },
    })).id;
  });

  afterAll(async () => {
    await app?.close();
    await shop?.close();
    if (warehouse) await rm(warehouse, { recursive: true, force: true });
  });

  it('asks the warehouse for what is left, shows the change after delivery and resends the new address', { timeout: 120_000 }, async () => {
    const order = shop.state.addOrder({
      financialStatus: 'PAID',
      lines: [{ sku: 'DH-1000', quantity: 3 }, { sku: 'DH-1001', quantity: 1 }, { sku: 'DH-1002', quantity: 2 }],
    });
    shop.state.fulfillInCart(order.id, { 0: 2, 1: 1 });
    shop.state.addOrder({ financialStatus: 'PAID', test: true });
    expect((await app.call('services.runNow', { service: 'order_download', targetId: cartId })).status).toBe('ok');
    expect((await app.call('services.runNow', { service: 'order_delivery', targetId: merchantId })).status).toBe('ok');

    // One file, one order (the test order is skipped), and only what is left to ship of it.
    const [file] = await orderFiles(warehouse);
    const [header, ...rows] = Papa.parse<string[]>(file, { skipEmptyLines: true }).data;
    const column = (name: string) => rows.map((r) => r[header.indexOf(name)]);
    expect(column('Order Number')).toEqual([order.name, order.name]);
    expect(column('SKU')).toEqual(['DH-1000', 'DH-1002']);
    expect(column('Quantity')).toEqual(['1', '2']);

    // The shop changes the address after the warehouse got the order.
    shop.state.updateOrder(order.id, (o) => {
      o.shippingAddress = { ...o.shippingAddress!, address1: '9 Elm St', city: 'Chicago' };
    });
    expect((await app.call('services.runNow', { service: 'order_download', targetId: cartId })).counts.changedAfterDelivery).toBe(1);

    const orders = new OrdersPage(app.page);
    await orders.goto({ cart: cartId });
    const detail = await orders.openOrder(order.name);
    await app.page.getByText('Changed after delivery').first().waitFor();
    const head = app.page.getByRole('table', { name: 'Lines' }).locator('thead th');
    await expect.poll(() => head.allTextContents()).toEqual(['Line', 'SKU', 'Name', 'To ship', 'Ordered', 'Shipped', 'Price']);
    await expect.poll(() => detail.lines().nth(1).textContent()).toContain('fulfilled in the cart: not sent to the warehouse');
    await expect.poll(() => detail.historyEntries().last().textContent()).toMatch(
      /At WMS — Changed in the cart after delivery: ship-to address: address 1 ".*" → "9 Elm St", city ".*" → "Chicago"/,
    );

    const alerts = new AlertsPage(app.page);
    await alerts.goto();
    await alerts.alert(`Order ${order.name} (Acme Shopify) changed in the cart after it reached the WMS`).waitFor();

    await orders.goto({ cart: cartId });
    const again = await orders.openOrder(order.name);
    await again.action('Resend to WMS').click();
    await expect.poll(() => again.status().textContent()).toBe('New');
    expect((await app.call('services.runNow', { service: 'order_delivery', targetId: merchantId })).status).toBe('ok');
    const files = await orderFiles(warehouse);
    expect(files).toHaveLength(2);
    expect(files[1]).toContain('9 Elm St');
    expect(files[1]).toContain('Chicago');
    await alerts.goto();
    await expect.poll(() => alerts.alert(`Order ${order.name}`).count()).toBe(0);
  });
});
