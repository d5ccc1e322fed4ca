import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getCart, updateCart } from '../../../../main/engine/store/repositories/carts-repo.js';
import { createFakeShopify, type FakeShopify } from '../../../fakes/shopify/index.js';
import { startTestEngine, type TestEngine } from '../../../support/engine-harness.js';
import { rejection } from '../../../support/rejection.js';
import { ACCEPT_ALL_ORDERS, connectShopify } from '../../../support/world.js';

/**
 * A cart saved by an earlier Dockhand with an API version Shopify has retired since (2025-10, retired
 * October 2026). Shopify would answer it with the oldest version it serves; Dockhand calls that version
 * itself, keeps the cart running, and tells the person what to choose, on the cart and as an alert.
 */
describe('a Shopify cart saved with a retired API version', () => {
  let t: TestEngine;
  let shop: FakeShopify;
  let cartId: number;

  beforeEach(async () => {
    shop = await createFakeShopify({ orders: 3 });
    t = await startTestEngine();
    await t.call('account.setup', { mode: 'fulfillment' });
    const merchantId = (await t.call('merchants.create', { name: 'Acme Outfitters', code: 'ACME' })).id;
    cartId = await connectShopify(t, merchantId, shop, { filters: ACCEPT_ALL_ORDERS });
    // As an earlier Dockhand saved it.
    await t.engine.context.store.write((db) => {
      const cart = getCart(db, cartId)!;
      updateCart(db, cartId, { ...cart, rejectUnmapped: cart.rejectUnmapped, settings: { ...cart.settings, apiVersion: '2025-10' } }, '2026-12-06T08:00:00.000Z');
    });
  });

  afterEach(async () => {
    await t.close();
    await shop.close();
  });

  const notice =
    'The Shopify API version 2025-10 is retired; choose 2026-10 in the cart settings. Until then Dockhand uses 2026-01, the version Shopify answers such requests with.';

  it('keeps downloading, through the version Shopify serves, never the retired one', async () => {
    const run = await t.call('services.runNow', { service: 'order_download', targetId: cartId });
    expect(run.status).toBe('ok');
    expect(run.counts).toMatchObject({ downloaded: 3 });
    expect([...shop.state.apiVersionsRequested.keys()]).toEqual(['2026-01']);
  });

  it('says so on the cart and in an alert that stands until a served version is saved', async () => {
    expect((await t.call('carts.get', { id: cartId })).notices).toEqual([notice]);
    await t.call('services.runNow', { service: 'order_download', targetId: cartId });
    await t.call('services.runNow', { service: 'order_download', targetId: cartId });
    const alerts = (await t.call('alerts.list', {})).filter((a) => a.key === `settings-notice:cart:${cartId}`);
    expect(alerts).toEqual([expect.objectContaining({ severity: 'warning', targetType: 'cart', targetId: cartId, message: `Acme Shopify: ${notice}` })]);
    // A second run with the same problem renews nothing: no repeated alert event.
    expect(t.events.filter((e) => e.type === 'alert' && (e.data.alert as { key: string }).key === alerts[0].key)).toHaveLength(1);

    const cart = await t.call('carts.get', { id: cartId });
    const settings = cart.settings as { shopDomain: string };
    const input = {
      merchantId: cart.merchantId,
      platform: 'shopify' as const,
      name: cart.name,
      earliestOrderDate: cart.earliestOrderDate,
      settings: { ...settings, apiVersion: '2025-10' },
    };
    // The retired version cannot be saved again, and the message says what to choose.
    const refused = await rejection(t.call('carts.update', { id: cartId, cart: input }));
    expect(refused.fields?.['cart.settings.apiVersion']).toMatch(/^Shopify API version 2025-10 is retired .*: choose 2026-10/);

    // Saving a served version (the saved token stays: the address did not change) clears both.
    const saved = await t.call('carts.update', { id: cartId, cart: { ...input, settings: { ...settings, apiVersion: '2026-10' } } });
    expect(saved.notices).toEqual([]);
    expect(saved.hasCredentials).toBe(true);
    expect((await t.call('alerts.list', {})).some((a) => a.key === `settings-notice:cart:${cartId}`)).toBe(false);
    expect((await t.call('services.runNow', { service: 'order_download', targetId: cartId })).status).toBe('ok');
    expect(shop.state.apiVersionsRequested.get('2026-10')).toBe(1);
  });
});
