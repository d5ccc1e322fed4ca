import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../main/engine/store/index.js';
import { migrations } from '../../main/engine/store/migrations/index.js';
import { getCart, updateCart } from '../../main/engine/store/repositories/carts-repo.js';
import { createFakeShopify, type FakeShopify } from '../fakes/shopify/index.js';
import { CartPage } from './pages/cart-page.js';
import { MerchantFormPage } from './pages/merchants-page.js';
import { startApp, type AppUnderTest } from './support/app.js';

/**
 * A warehouse updates Dockhand and opens a Shopify cart that an earlier version saved with API version
 * 2025-10, which Shopify retired in October 2026: the cart keeps working, its screen says what to do, the
 * form already offers the newest version, and one Save fixes it.
 */
describe('a Shopify cart saved with a retired API version, as a person finds it', () => {
  let app: AppUnderTest | undefined;
  let shop: FakeShopify;
  let dataDir: string;
  let merchantId: number;
  let cartId: number;

  beforeAll(async () => {
    shop = await createFakeShopify({ orders: 2 });
    dataDir = await mkdtemp(join(tmpdir(), 'dockhand-e2e-retired-'));
    const before = await startApp({ dataDir });
    await before.call('account.setup', { mode: 'fulfillment' });
    merchantId = (await before.call('merchants.create', { name: 'Acme Outdoor', code: 'ACME' })).id;
    const cart = await before.call('carts.create', {
      merchantId,
      platform: 'shopify',
      name: 'Acme Shopify',
      earliestOrderDate: '2026-11-01',
      settings: { shopDomain: shop.shopDomain, baseUrl: shop.url },
      credentials: { accessToken: shop.token },
    });
    cartId = cart.id;
    await before.close();
    // What an earlier Dockhand saved (no screen or API takes a retired version any more).
    const store = await openStore({ dir: join(dataDir, 'db'), migrations });
    await store.write((db) => {
      const row = getCart(db, cartId)!;
      updateCart(db, cartId, { ...row, settings: { ...row.settings, apiVersion: '2025-10' } }, '2026-10-01T08:00:00.000Z');
    });
    await store.close();
    app = await startApp({ dataDir });
  });

  afterAll(async () => {
    await app?.close();
    await shop?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('shows the problem on the cart and its merchant, offers 2026-10, and a Save fixes it', async () => {
    const page = app!.page;
    const merchant = new MerchantFormPage(page);
    await merchant.goto(merchantId);
    await page.getByText('Settings to update').waitFor();

    const cart = new CartPage(page);
    await cart.goto(cartId);
    await page.getByText('This cart keeps working, but a setting needs you.').waitFor();
    await page.getByText(/The Shopify API version 2025-10 is retired; choose 2026-10 in the cart settings\./).waitFor();
    // Advanced opens by itself on the version to save, which says why it changed.
    expect(await cart.field('API version').inputValue()).toBe('2026-10');
    await page.getByText(/Saved as 2025-10, which Shopify has retired \(Dockhand uses 2026-01 meanwhile\)/).waitFor({ state: 'visible' });
    await app!.screenshot('cart-retired-api-version');

    await cart.save();
    await page.getByText('Cart connection saved.').waitFor();
    await expect.poll(() => page.getByText('This cart keeps working, but a setting needs you.').count()).toBe(0);
    const saved = await app!.call('carts.get', { id: cartId });
    expect(saved).toMatchObject({ notices: [], hasCredentials: true, settings: { apiVersion: '2026-10' } });
    expect((await app!.call('services.runNow', { service: 'order_download', targetId: cartId })).status).toBe('ok');
    // The host's own schedule may have run before: never at the retired version.
    expect(shop.state.apiVersionsRequested.has('2025-10')).toBe(false);
    expect(shop.state.apiVersionsRequested.get('2026-10')).toBeGreaterThan(0);
  });
});
