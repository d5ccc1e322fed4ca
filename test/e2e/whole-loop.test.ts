import { Client } from 'basic-ftp';
import { readdir, readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeShopify, type FakeShopify } from '../fakes/shopify/index.js';
import { startFtpServer, type TestFtpServer } from '../support/ftp-server.js';
import { keptFiles } from '../support/kept-files.js';
import { ActivityPage } from './pages/activity-page.js';
import { CartPage } from './pages/cart-page.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { FirstRunPage } from './pages/first-run-page.js';
import { MerchantFormPage } from './pages/merchants-page.js';
import { OrdersPage } from './pages/orders-page.js';
import { toast } from './pages/toasts.js';
import { WmsPage } from './pages/wms-page.js';
import { startApp, type AppUnderTest } from './support/app.js';

/**
 * The whole loop through the screens, as a warehouse manager meets it on a new install: a merchant, its
 * Shopify store (the fake, over real HTTP), the CSV warehouse on a real FTP server; download and
 * deliver, the file on the server, the warehouse's confirmation dropped there, pickup and upload, and
 * the fulfillment with its tracking number in the shop and the order Confirmed on the Orders screen.
 * The API is used only to look at what the screens do not show (the shop's and the server's side).
 */
describe('the whole order loop through the screens', () => {
  let app: AppUnderTest;
  let shop: FakeShopify;
  let ftp: TestFtpServer;

  beforeAll(async () => {
    [shop, ftp] = await Promise.all([createFakeShopify({ orders: 8 }), startFtpServer()]);
    app = await startApp();
    app.page.setDefaultTimeout(30_000);
  });
  afterAll(async () => {
    await app?.close();
    await shop?.close();
    await ftp?.close();
  });

  it('takes a Shopify order to the warehouse over FTP and its tracking number back to the shop', { timeout: 180_000 }, async () => {
    const { page } = app;

    // First run: a fulfillment center that sets itself up.
    const firstRun = new FirstRunPage(page);
    await firstRun.waitUntilShown();
    await firstRun.chooseFulfillmentCenter();
    await firstRun.setUpMyself();

    // The Dashboard's checklist leads the way: a merchant first.
    const dashboard = new DashboardPage(page);
    await dashboard.checklist().waitFor();
    await dashboard.checklistStep('Add your first merchant').click();
    const merchantForm = new MerchantFormPage(page);
    await merchantForm.name().waitFor();
    await merchantForm.name().fill('Acme Outfitters');
    await merchantForm.code().fill('ACME');
    await merchantForm.save();
    await merchantForm.banner(/Acme Outfitters saved/).waitFor();

    // Its Shopify store, tested before it is saved.
    await new MerchantFormPage(page).connectCart();
    const cart = new CartPage(page);
    await cart.choosePlatform('Shopify');
    await cart.fill('Display name', 'Acme Shopify');
    await cart.fill('Shop domain', shop.shopDomain);
    await cart.fill('Admin API access token', shop.token);
    await cart.setBaseUrl(shop.url);
    // A new store holds orders with an unmapped ship code by default; this loop sends the fake shop's
    // codes as received (holding and mapping them is orders-and-ship-methods.test.ts).
    const reject = page.getByLabel('Reject unmapped shipping codes', { exact: true });
    expect(await reject.isChecked()).toBe(true);
    await reject.uncheck();
    await cart.test();
    await expect.poll(() => cart.testResult().textContent()).toContain('The connection works.');
    await cart.save();
    await toast(page, /Acme Shopify connected/).waitFor();

    // The warehouse: CSV files over FTP.
    const wms = new WmsPage(page);
    await wms.goto();
    await wms.startSetup();
    await wms.chooseTransport('FTP');
    await wms.fillFtp({ host: '127.0.0.1', port: ftp.port, user: ftp.user, password: ftp.password });
    await wms.save();
    await expect.poll(() => wms.top().textContent()).toContain('WMS setup saved.');

    // The checklist ticked the warehouse, the merchant and the services (a new store's download and the
    // merchant's delivery are on by default); the store ticks once its saved settings pass a Test.
    await dashboard.goto();
    await expect.poll(() => dashboard.checklistDone()).toEqual(['warehouse', 'merchant', 'services']);
    await dashboard.checklistStep(/Connect the first store/).click();
    await cart.test();
    await expect.poll(() => cart.testResult().textContent()).toContain('The connection works.');
    await dashboard.goto();
    await expect.poll(() => dashboard.checklistDone()).toEqual(['warehouse', 'merchant', 'store', 'services']);

    // Download and deliver, from the Activity screen.
    const activity = new ActivityPage(page);
    await activity.goto();
    await activity.runNow('Order Download', 'Acme Shopify');
    await activity.runResult('Order Download', 'Acme Shopify').getByText('Finished').waitFor();
    await activity.runNow('Order Delivery', 'Acme Outfitters');
    await activity.runResult('Order Delivery', 'Acme Outfitters').getByText('Finished').waitFor();

    // The order file is on the FTP server, and the Orders screen shows its orders At WMS.
    const atWms = (await app.call('orders.list', { status: 'at_wms', limit: 100 })).items;
    expect(atWms.length).toBeGreaterThan(0);
    const files = (await readdir(ftp.localPath('/ACME/orders'))).filter((f) => f.endsWith('.csv'));
    expect(files).toHaveLength(1);
    const orderFile = await readFile(ftp.localPath(`/ACME/orders/${files[0]}`), 'utf8');
    for (const order of atWms) expect(orderFile).toContain(order.orderNumber);
    const orders = new OrdersPage(page);
    await orders.goto({ status: 'at_wms' });
    await expect.poll(() => orders.orderNumbers().then((n) => n.sort())).toEqual(atWms.map((o) => o.orderNumber).sort());

    // The warehouse ships one order: its confirmation file is uploaded to the server over FTP.
    const shipped = await app.call('orders.get', { id: atWms[0].id });
    const rows = ['Order Number,SKU,Quantity,Carrier,Service,Tracking Number,Ship Date'];
    for (const line of shipped.order.lines) rows.push(`${shipped.orderNumber},${line.sku},${line.quantity},UPS,Ground,1ZE2E0000000001,2026-11-27`);
    await uploadOverFtp(ftp, '/ACME/confirmations/shipped-1.csv', rows.join('\r\n') + '\r\n');

    // Pickup and upload, from the Activity screen.
    await activity.goto();
    await activity.runNow('Shipping Confirmations', 'Acme Outfitters');
    await activity.runResult('Shipping Confirmations', 'Acme Outfitters').getByText('Finished').waitFor();
    await activity.runNow('Shipment Upload', 'Acme Shopify');
    await activity.runResult('Shipment Upload', 'Acme Shopify').getByText('Finished').waitFor();

    // The shop has the fulfillment with its tracking number...
    const fulfillments = shop.state.fulfillmentsOf(shipped.cartOrderId);
    expect(fulfillments.map((f) => f.trackingInfo[0]?.number)).toEqual(['1ZE2E0000000001']);
    expect(keptFiles(ftp.localPath('/ACME/confirmations/archive'))).toEqual(['shipped-1.csv']);

    // ...and the Orders screen shows the order Confirmed, with its shipment.
    await orders.goto({ status: 'confirmed' });
    await expect.poll(() => orders.orderNumbers()).toEqual([shipped.orderNumber]);
    const detail = await orders.openOrder(shipped.orderNumber);
    await expect.poll(() => detail.status().textContent()).toContain('Confirmed');
    await page.getByText('1ZE2E0000000001').first().waitFor();
    await app.screenshot('order-confirmed');
  });
});

async function uploadOverFtp(ftp: TestFtpServer, path: string, content: string): Promise<void> {
  const client = new Client(10_000);
  try {
    await client.access({ host: ftp.host, port: ftp.port, user: ftp.user, password: ftp.password });
    await client.ensureDir(path.slice(0, path.lastIndexOf('/')));
    await client.uploadFrom(Readable.from([content]), path.slice(path.lastIndexOf('/') + 1));
  } finally {
    client.close();
  }
}
