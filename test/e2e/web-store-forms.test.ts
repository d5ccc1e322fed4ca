import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeBigCommerce, type FakeBigCommerce } from '../fakes/bigcommerce/index.js';
import { createFakeMagento, type FakeMagento } from '../fakes/magento/index.js';
import { createFakeWooCommerce, type FakeWooCommerce } from '../fakes/woocommerce/index.js';
import { CartPage } from './pages/cart-page.js';
import { MerchantFormPage } from './pages/merchants-page.js';
import { toast } from './pages/toasts.js';
import { startApp, type AppUnderTest } from './support/app.js';

/**
 * WooCommerce, BigCommerce and Magento connected as a person does it, each against its fake store: the
 * platform's form, a Test with a wrong credential that says what is wrong, the right one, Save, and a
 * download that brings the store's orders.
 */
describe('connecting a WooCommerce, BigCommerce and Magento store through their forms', () => {
  let app: AppUnderTest;
  let woo: FakeWooCommerce;
  let bc: FakeBigCommerce;
  let magento: FakeMagento;
  let merchantId: number;

  beforeAll(async () => {
    woo = await createFakeWooCommerce({ startMs: Date.now() - 60_000 });
    woo.store.seedOrders(3);
    bc = await createFakeBigCommerce({ orders: 3 });
    magento = await createFakeMagento({ start: new Date(Date.now() - 60_000) });
    for (let i = 0; i < 3; i++) magento.state.addOrder({});
    app = await startApp();
    await app.call('account.setup', { mode: 'fulfillment' });
    merchantId = (await app.call('merchants.create', { name: 'Acme Outfitters', code: 'ACME' })).id;
  });
  afterAll(async () => {
    await app?.close();
    await Promise.all([woo?.close(), bc?.close(), magento?.close()]);
  });

  /** Opens a new cart form of the platform on the merchant's page. */
  async function newCart(platform: string, name: string): Promise<CartPage> {
    const merchant = new MerchantFormPage(app.page);
    await merchant.goto(merchantId);
    await merchant.connectCart();
    const cart = new CartPage(app.page);
    await cart.choosePlatform(platform);
    await cart.fill('Display name', name);
    return cart;
  }

  /** Saves the form, then downloads through the saved cart: every order of the fake store arrives. */
  async function saveAndDownload(cart: CartPage, name: string, orders: number): Promise<void> {
    await cart.save();
    await toast(app.page, new RegExp(`${name} connected`)).waitFor();
    const saved = (await app.call('carts.list', { merchantId })).find((c) => c.name === name);
    expect(saved?.hasCredentials).toBe(true);
    const run = await app.call('services.runNow', { service: 'order_download', targetId: saved!.id });
    expect(run.status, run.message ?? '').toBe('ok');
    // A new cart holds orders whose ship code is not mapped yet (the Ship methods screen releases them).
    expect(run.counts, JSON.stringify(run)).toMatchObject({ downloaded: orders, held: orders });
    const held = await app.call('orders.list', { cartId: saved!.id, limit: 10, offset: 0 });
    expect(held.total).toBe(orders);
  }

  it('WooCommerce: a wrong secret is refused on Test, the right keys connect and download', async () => {
    const cart = await newCart('WooCommerce', 'Acme Woo');
    await cart.fill('Store address', 'https://acme-outdoor.example');
    await cart.fill('Consumer key', woo.consumerKey);
    await cart.fill('Consumer secret', 'cs_wrong');
    await cart.setBaseUrl(woo.url);
    await cart.test();
    await expect.poll(() => cart.testResult().textContent()).toMatch(/^The connection test failed\./);
    await cart.fill('Consumer secret', woo.consumerSecret);
    await cart.test();
    await expect.poll(() => cart.testResult().textContent()).toMatch(/^The connection works\. Connected to /);
    await app.screenshot('cart-woocommerce');
    await saveAndDownload(cart, 'Acme Woo', 3);
  });

  it('BigCommerce: a wrong token is refused on Test, the right one connects and downloads', async () => {
    const cart = await newCart('BigCommerce', 'Acme BigCommerce');
    await cart.fill('Store hash', bc.storeHash);
    await cart.fill('Access token', 'wrong-token');
    await cart.setBaseUrl(bc.url);
    await cart.test();
    await expect.poll(() => cart.testResult().textContent()).toMatch(/^The connection test failed\./);
    await cart.fill('Access token', bc.token);
    await cart.test();
    await expect.poll(() => cart.testResult().textContent()).toMatch(/^The connection works\. Connected to /);
    await app.screenshot('cart-bigcommerce');
    await saveAndDownload(cart, 'Acme BigCommerce', 3);
  });

  it('Magento: a wrong token is refused on Test, the right one connects and downloads', async () => {
    const cart = await newCart('Magento', 'Acme Magento');
    await cart.fill('Store address', magento.url);
    await cart.fill('Access Token', 'wrong-token');
    await cart.test();
    await expect.poll(() => cart.testResult().textContent()).toMatch(/^The connection test failed\./);
    await cart.fill('Access Token', magento.integrationToken);
    await cart.test();
    await expect.poll(() => cart.testResult().textContent()).toMatch(/^The connection works\. Connected to /);
    await app.screenshot('cart-magento');
    await saveAndDownload(cart, 'Acme Magento', 3);
  });
});
