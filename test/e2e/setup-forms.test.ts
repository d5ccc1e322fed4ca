import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOPIFY_API_VERSION, SHOPIFY_SUPPORTED_API_VERSIONS, shopifyApiVersionServedUntil } from '../../shared/schemas/shopify.js';
import { createFakeShopify, type FakeShopify } from '../fakes/shopify/index.js';
import { startFtpServer, type TestFtpServer } from '../support/ftp-server.js';
import { startShopifyCatcher } from '../support/secret-catchers.js';
import { CartPage } from './pages/cart-page.js';
import { MerchantFormPage, MerchantsPage } from './pages/merchants-page.js';
import { toast } from './pages/toasts.js';
import { WmsPage } from './pages/wms-page.js';
import { startApp, type AppUnderTest } from './support/app.js';

/**
 * The setup forms as a person uses them, bad input first: a frequency out of range, a refused token,
 * a wrong FTP password. Each is shown where the user looks and nothing is saved that should not be.
 * The tests run in order on one app: merchant, then its Shopify cart, then the FTP WMS.
 */
describe('the Merchants, Cart setup and WMS setup screens', () => {
  let app: AppUnderTest;
  let shop: FakeShopify;
  let ftp: TestFtpServer;
  let merchantId: number;

  beforeAll(async () => {
    [shop, ftp] = await Promise.all([createFakeShopify(), startFtpServer()]);
    app = await startApp();
    await app.call('account.setup', { mode: 'fulfillment' });
    await app.page.reload();
  });
  afterAll(async () => {
    await app?.close();
    await shop?.close();
    await ftp?.close();
  });

  it('an out-of-range frequency shows the allowed range on its field and saves nothing', async () => {
    const merchants = new MerchantsPage(app.page);
    await merchants.goto();
    await merchants.emptyState().waitFor();
    const form = await merchants.addMerchant();
    await form.name().fill('Acme Outdoor');
    await form.code().fill('ACME');
    await form.setCustomFrequency('Order Delivery', 3);
    await form.setCustomFrequency('Shipping Confirmations', 7);
    await form.save();

    await expect.poll(() => form.frequencyError('Order Delivery').textContent()).toContain('every 5 min to once a day, or off');
    await expect.poll(() => form.frequencyError('Shipping Confirmations').textContent()).toContain('every 15 min to once a day, or off');
    expect(await app.call('merchants.list', {})).toEqual([]);

    // A custom frequency left blank was saved as Off without a word.
    await form.frequency('Order Delivery').selectOption('custom');
    await form.setCustomFrequency('Shipping Confirmations', 30);
    await app.page.getByLabel('Order Delivery: minutes').fill('');
    await form.save();
    await expect.poll(() => form.frequencyError('Order Delivery').textContent()).toContain('Enter how often this runs, in minutes, or choose Off');
    expect(await app.call('merchants.list', {})).toEqual([]);
  });

  it('a merchant with allowed frequencies is saved and listed with its code and schedules', async () => {
    // Still on the form of the previous test, with its refused values.
    const merchantForm = new MerchantFormPage(app.page);
    await merchantForm.frequency('Order Delivery').selectOption({ label: 'every 15 min' });
    await merchantForm.frequency('Shipping Confirmations').selectOption({ label: 'every 30 min' });
    await merchantForm.errorContacts().fill('ops@acme.example, night@acme.example');
    expect(await merchantForm.partialShipments().inputValue()).toBe('as_shipped');
    await merchantForm.partialShipments().selectOption({ label: 'Wait until the whole order has shipped' });
    await merchantForm.save();

    await merchantForm.banner(/Acme Outdoor saved/).waitFor();
    const saved = await app.call('merchants.list', {});
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      name: 'Acme Outdoor',
      code: 'ACME',
      errorContacts: ['ops@acme.example', 'night@acme.example'],
      schedules: { order_delivery: 15, shipment_pickup: 30, inventory_pickup: 60 },
      partialShipments: 'when_complete',
    });
    merchantId = saved[0].id;
    await app.screenshot('merchant-form');

    const merchants = new MerchantsPage(app.page);
    await merchants.goto();
    const row = merchants.row('Acme Outdoor');
    await expect.poll(() => row.textContent()).toContain('ACME');
    await expect.poll(() => row.textContent()).toContain('Order Delivery every 15 min');
  });

  it('a refused Shopify token is shown next to the credentials; the right one names the shop and the cart saves', async () => {
    const merchant = new MerchantFormPage(app.page);
    await merchant.goto(merchantId);
    await merchant.connectCart();
    const cart = new CartPage(app.page);
    await cart.choosePlatform('Shopify');
    await cart.fill('Display name', 'Acme Shopify');
    await cart.fill('Shop domain', shop.shopDomain);
    await cart.fill('Admin API access token', 'shpat_wrong');
    await cart.setBaseUrl(shop.url);

    await cart.test();
    await cart.testResult().waitFor();
    await expect.poll(() => cart.testResult().textContent()).toMatch(/test failed.*refused the access token \(HTTP 401/);
    expect(await app.call('carts.list', {})).toEqual([]);

    await cart.fill('Admin API access token', shop.token);
    await cart.test();
    await expect.poll(() => cart.testResult().textContent()).toContain('The connection works.');
    await expect.poll(() => cart.testResult().textContent()).toContain('Acme Outfitters');
    expect(await app.call('carts.list', {})).toEqual([]);

    // Test orders stay out unless asked for; the API version offered is one the connector supports.
    expect(await cart.field('Download test orders').isChecked()).toBe(false);
    await cart.field('Download test orders').check();
    expect(await cart.field('API version').inputValue()).toBe(SHOPIFY_API_VERSION);
    expect(await cart.field('API version').locator('option').allTextContents()).toEqual(
      SHOPIFY_SUPPORTED_API_VERSIONS.map((v) => `${v} (${v === SHOPIFY_API_VERSION ? 'newest; ' : ''}served until at least ${shopifyApiVersionServedUntil(v)})`),
    );

    await cart.save();
    await toast(app.page, /Acme Shopify connected/).waitFor();
    const carts = await app.call('carts.list', { merchantId });
    expect(carts).toHaveLength(1);
    expect(carts[0]).toMatchObject({ platform: 'shopify', name: 'Acme Shopify', hasCredentials: true, settings: { shopDomain: shop.shopDomain, baseUrl: shop.url } });
    expect(carts[0].settings).toMatchObject({ apiVersion: SHOPIFY_API_VERSION, filters: { includeTestOrders: true } });
    // The saved token is never sent back to the screen.
    await expect.poll(() => cart.field('Admin API access token').inputValue()).toBe('');

    // A saved cart tests over its saved token when the field is left blank.
    await cart.test();
    await expect.poll(() => cart.testResult().textContent()).toContain('The connection works.');
    await app.screenshot('cart-setup');

    const merchants = new MerchantsPage(app.page);
    await merchants.goto();
    await expect.poll(() => merchants.row('Acme Outdoor').getByRole('cell').nth(2).textContent()).toBe('1');
    await app.screenshot('merchants');
  });

  it('a saved token is not sent to another base URL: the token field asks for it again', async () => {
    const catcher = await startShopifyCatcher();
    try {
      const [saved] = await app.call('carts.list', { merchantId });
      const cart = new CartPage(app.page);
      await cart.goto(saved.id);
      await cart.setBaseUrl(catcher.url);
      await cart.test();
      await expect
        .poll(() => cart.fieldError('Admin API access token').textContent(), { timeout: 15_000 })
        .toBe(
          `Enter the Admin API access token again: the shop address changed from ${shop.url} for ${shop.shopDomain} to ${catcher.url} for ${shop.shopDomain}, and a saved token is only sent to the address it was saved for`,
        );
      expect(await cart.testResult().count()).toBe(0);
      await cart.save();
      await expect.poll(() => cart.fieldError('Admin API access token').textContent(), { timeout: 15_000 }).toMatch(/^Enter the Admin API access token again/);
      expect(catcher.caught).toEqual([]);
      expect((await app.call('carts.get', { id: saved.id })).settings).toMatchObject({ baseUrl: shop.url });
      await app.screenshot('cart-setup-address-changed');
    } finally {
      await catcher.close();
    }
  });

  it('a wrong FTP password fails the test and is not saved; the right one tests ok and saves', async () => {
    const wms = new WmsPage(app.page);
    await wms.goto();
    await wms.introduction().waitFor();
    await wms.startSetup();
    await wms.chooseTransport('FTP');
    await wms.fillFtp({ host: '127.0.0.1', port: ftp.port, user: ftp.user, password: 'not-the-password' });
    await expect.poll(() => wms.examplePaths().textContent()).toContain('/ACME/orders');

    await wms.test();
    await expect.poll(() => wms.top().textContent()).toMatch(/test failed.*FTP login refused for user dockhand/);
    expect((await app.call('wms.get', {})).configured).toBe(false);

    // Save tests first: a failing setup is saved only after "Save anyway"; cancelling saves nothing.
    await wms.save();
    await wms.failedTestDialog().waitFor();
    await wms.failedTestDialog().getByRole('button', { name: 'Cancel' }).click();
    expect((await app.call('wms.get', {})).configured).toBe(false);

    await wms.field('Password').fill(ftp.password);
    await wms.test();
    await expect.poll(() => wms.top().textContent()).toContain('The WMS connection works.');
    expect((await app.call('wms.get', {})).configured).toBe(false);

    await wms.save();
    await expect.poll(() => wms.top().textContent()).toContain('WMS setup saved.');
    const saved = await app.call('wms.get', {});
    expect(saved).toMatchObject({ configured: true, hasPassword: true, settings: { transport: { kind: 'ftp', host: '127.0.0.1', port: ftp.port, user: ftp.user } } });
    expect((await app.call('wms.test', {})).ok).toBe(true);
    await expect.poll(() => wms.field('Password').inputValue()).toBe('');
    await app.screenshot('wms-setup');
  });

  it('the saved FTP password is not sent to another server: the password field asks for it again', async () => {
    const wms = new WmsPage(app.page);
    await wms.field('Host').fill('localhost');
    await wms.test();
    await expect
      .poll(() => wms.fieldError('Password').textContent(), { timeout: 15_000 })
      .toBe(
        `Enter the FTP password again: the server address changed from ftp://127.0.0.1:${ftp.port} to ftp://localhost:${ftp.port}, and a saved password is only sent to the address it was saved for`,
      );
    expect((await app.call('wms.get', {})).settings?.transport).toMatchObject({ host: '127.0.0.1' });

    // Back on the server it was saved for, the saved password is used again.
    await wms.field('Host').fill('127.0.0.1');
    await wms.test();
    // A real FTP login: seconds on a loaded machine, not the poll's default second.
    await expect.poll(() => wms.top().textContent(), { timeout: 15_000 }).toContain('The WMS connection works.');
    expect(await wms.fieldError('Password').count()).toBe(0);
  });

  it('deleting a merchant needs its name typed, then removes it with its cart', async () => {
    const merchant = new MerchantFormPage(app.page);
    await merchant.goto(merchantId);
    const dialog = await merchant.startDelete();
    const confirm = dialog.getByRole('button', { name: 'Delete merchant' });
    await dialog.getByLabel('Type "Acme Outdoor" to confirm').fill('Acme');
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Type "Acme Outdoor" to confirm').fill('Acme Outdoor');
    await confirm.click();

    await toast(app.page, 'Merchant Acme Outdoor deleted.').waitFor();
    expect(await app.call('merchants.list', {})).toEqual([]);
    expect(await app.call('carts.list', {})).toEqual([]);
    await new MerchantsPage(app.page).emptyState().waitFor();
  });
});
