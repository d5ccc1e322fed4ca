import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOtherSite, type OtherSite } from '../fakes/magento/other-site.js';
import { createFakeWooCommerce, type FakeWooCommerce } from '../fakes/woocommerce/index.js';
import { CartPage } from './pages/cart-page.js';
import { MerchantFormPage } from './pages/merchants-page.js';
import { startApp, type AppUnderTest } from './support/app.js';

/**
 * A wrong store address typed into a web store's form, as people get it wrong: a site that is not the
 * platform, http:// instead of https:// (for a store that is not on this machine), and an address that
 * redirects (the shop moved to www., or http:// to https://). Each Test says what is wrong with the
 * address, in words, instead of a refused key or a network error.
 */
describe('a wrong store address on Test', () => {
  let app: AppUnderTest;
  let merchantId: number;
  let notWordPress: FakeWooCommerce;
  let wooRedirect: FakeWooCommerce;
  let blog: OtherSite;
  let magentoRedirect: OtherSite;

  beforeAll(async () => {
    notWordPress = await createFakeWooCommerce({ notWordPress: true });
    wooRedirect = await createFakeWooCommerce({ redirectTo: 'https://www.acme-outdoor.example/wp-json/' });
    blog = await createOtherSite();
    magentoRedirect = await createOtherSite({ redirectTo: 'https://www.acme-outdoor.example' });
    app = await startApp();
    await app.call('account.setup', { mode: 'fulfillment' });
    merchantId = (await app.call('merchants.create', { name: 'Acme Outfitters', code: 'ACME' })).id;
  });
  afterAll(async () => {
    await app?.close();
    await Promise.all([notWordPress?.close(), wooRedirect?.close(), blog?.close(), magentoRedirect?.close()]);
  });

  /** A new cart form of the platform on the merchant's page. */
  async function newCart(platform: string, name: string): Promise<CartPage> {
    const merchant = new MerchantFormPage(app.page);
    await merchant.goto(merchantId);
    await merchant.connectCart();
    const cart = new CartPage(app.page);
    await cart.choosePlatform(platform);
    await cart.fill('Display name', name);
    return cart;
  }

  async function wooCart(storeUrl: string, baseUrl?: string): Promise<CartPage> {
    const cart = await newCart('WooCommerce', 'Acme Woo');
    await cart.fill('Store address', storeUrl);
    await cart.fill('Consumer key', notWordPress.consumerKey);
    await cart.fill('Consumer secret', notWordPress.consumerSecret);
    if (baseUrl) await cart.setBaseUrl(baseUrl);
    return cart;
  }

  async function magentoCart(storeUrl: string): Promise<CartPage> {
    const cart = await newCart('Magento', 'Acme Magento');
    await cart.fill('Store address', storeUrl);
    await cart.fill('Access Token', 'abcdefghijklmnopqrstuvwxyz012345');
    return cart;
  }

  it('WooCommerce: a site that is not WordPress is named as such', async () => {
    const cart = await wooCart('https://acme-outdoor.example', notWordPress.url);
    await cart.test();
    await expect
      .poll(() => cart.testResult().textContent(), { timeout: 15_000 })
      .toMatch(/^The connection test failed\..*is not a WordPress site: it answered with a web page \("Welcome to Acme Outdoor"\) instead of the REST API\. Check the store address\./);
    await app.screenshot('store-address-woocommerce-not-wordpress');
  });

  it('WooCommerce: http:// is refused on the address field, saying why https:// is needed', async () => {
    const cart = await wooCart('http://acme-outdoor.example');
    const before = notWordPress.store.requests.length + wooRedirect.store.requests.length;
    await cart.test();
    await expect
      .poll(() => cart.fieldError('Store address').textContent(), { timeout: 15_000 })
      .toBe('Enter the https:// address: WooCommerce accepts API keys without a signature only over HTTPS');
    expect(await cart.testResult().count()).toBe(0);
    // Nothing was sent: the keys never left for a plain-http address.
    expect(notWordPress.store.requests.length + wooRedirect.store.requests.length).toBe(before);
  });

  it('WooCommerce: an address that redirects names where it redirects to', async () => {
    const cart = await wooCart('https://acme-outdoor.example', wooRedirect.url);
    await cart.test();
    await expect
      .poll(() => cart.testResult().textContent(), { timeout: 15_000 })
      .toMatch(/^The connection test failed\..*redirects to https:\/\/www\.acme-outdoor\.example \(HTTP 301\): enter https:\/\/www\.acme-outdoor\.example as the store address/);
    await app.screenshot('store-address-woocommerce-redirect');
  });

  it('Magento: a site that is not Magento is named as such, not taken for a wrong token', async () => {
    const cart = await magentoCart(blog.url);
    await cart.test();
    await expect
      .poll(() => cart.testResult().textContent(), { timeout: 15_000 })
      .toMatch(/^The connection test failed\..*is not a Magento store's REST API: .* answered a web page \("Just another WordPress site"\) \(HTTP 200\)\. Check the store address\./);
    await app.screenshot('store-address-magento-not-magento');
  });

  it('Magento: http:// to a store on another machine is refused on the address field', async () => {
    const cart = await magentoCart('http://shop.acme-outdoor.example');
    await cart.test();
    await expect
      .poll(() => cart.fieldError('Store address').textContent(), { timeout: 15_000 })
      .toBe('Use https:// (Magento would receive the token unencrypted over http://)');
    expect(await cart.testResult().count()).toBe(0);
  });

  it('Magento: an address that redirects names where it redirects to', async () => {
    const cart = await magentoCart(magentoRedirect.url);
    await cart.test();
    await expect
      .poll(() => cart.testResult().textContent(), { timeout: 15_000 })
      .toMatch(/^The connection test failed\..*redirects .* to https:\/\/www\.acme-outdoor\.example \(HTTP 301\): enter https:\/\/www\.acme-outdoor\.example as the store address/);
    await app.screenshot('store-address-magento-redirect');
  });
});
