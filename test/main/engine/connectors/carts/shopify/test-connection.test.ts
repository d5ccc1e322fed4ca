import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeShopify, type FakeShopify } from '../../../../../fakes/shopify/index.js';
import { connectTo } from './helpers.js';

let fake: FakeShopify;

beforeEach(async () => {
  fake = await createFakeShopify({ orders: 1, shopName: 'Acme Outfitters', planName: 'Grow' });
});

afterEach(async () => {
  await fake.close();
});

describe('Shopify test connection', () => {
  it('names the shop and its plan when every needed scope is granted', async () => {
    const result = await connectTo(fake).connector.testConnection(['order_download', 'shipment_upload', 'inventory_upload']);
    expect(result).toMatchObject({ ok: true, message: 'Connected to Acme Outfitters (Grow plan)' });
    expect(result.missingScopes).toBeUndefined();
    expect(result.details?.scopes).toContain('read_orders');
  });

  it('lists the scopes the requested services lack', async () => {
    fake.state.scopes = ['read_orders', 'read_products'];
    const result = await connectTo(fake).connector.testConnection(['order_download', 'inventory_upload']);
    expect(result.ok).toBe(false);
    expect(result.missingScopes).toEqual(['read_inventory', 'write_inventory', 'read_locations']);
    expect(result.message).toBe(
      'Connected to Acme Outfitters (Grow plan), but the app lacks the access scopes read_inventory, write_inventory, read_locations needed for order download, inventory upload',
    );
  });

  it('counts a write scope as granting its read scope', async () => {
    fake.state.scopes = ['write_orders'];
    const result = await connectTo(fake).connector.testConnection(['order_download']);
    expect(result.ok).toBe(true);
  });

  it('answers with the refusal rather than throwing for a wrong token', async () => {
    const result = await connectTo(fake, { credentials: { accessToken: 'shpat_nope' } }).connector.testConnection(['order_download']);
    expect(result.ok).toBe(false);
    expect(result.details?.errorKind).toBe('auth');
    expect(result.message).toContain(fake.shopDomain);
  });
});
