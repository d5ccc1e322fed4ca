import { describe, expect, it } from 'vitest';
import { cartInputSchema } from '../../../shared/contract.js';
import { CART_PLATFORMS, cartPlatform, cartSecretPatterns } from '../../../shared/platforms/index.js';

const common = { merchantId: 1, name: 'Acme', earliestOrderDate: '2026-01-01T00:00:00Z' };

describe('the cart platform descriptors', () => {
  it('name each platform once and find it by its id', () => {
    const ids = CART_PLATFORMS.map((p) => p.platform);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of CART_PLATFORMS) expect(cartPlatform(p.platform)?.displayName).toBe(p.displayName);
    expect(cartPlatform('magento-1')).toBeUndefined();
    expect(cartPlatform('constructor')).toBeUndefined();
  });

  it('build the contract cart input: one branch per platform, each with its own settings schema', () => {
    expect(cartInputSchema.safeParse({ ...common, platform: 'demo', settings: {} }).success).toBe(true);
    const shopify = cartInputSchema.safeParse({ ...common, platform: 'shopify', settings: { shopDomain: 'acme.myshopify.com' }, credentials: { accessToken: 'shpat_x' } });
    expect(shopify.success).toBe(true);
    // Shopify's settings are checked by Shopify's schema, not the Demo store's.
    const wrong = cartInputSchema.safeParse({ ...common, platform: 'shopify', settings: { ordersPerRun: 5 } });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues.map((i) => i.path.join('.'))).toContain('settings.shopDomain');
    expect(cartInputSchema.safeParse({ ...common, platform: 'bigcartel', settings: {} }).success).toBe(false);
  });

  it('say which credentials the settings need, each named for a person', () => {
    const shopify = cartPlatform('shopify')!;
    expect(Object.keys(shopify.requiredCredentials({ authMode: 'access_token' }))).toEqual(['accessToken']);
    expect(Object.keys(shopify.requiredCredentials({ authMode: 'client_credentials' }))).toEqual(['clientId', 'clientSecret']);
    expect(cartPlatform('demo')!.requiredCredentials({})).toEqual({});
    expect(cartPlatform('demo')!.secretAddress({})).toBeNull();
  });

  it('give secret patterns that are global, so every occurrence in a line is replaced', () => {
    const patterns = cartSecretPatterns();
    expect(patterns.length).toBeGreaterThan(0);
    for (const { pattern } of patterns) expect(pattern.flags).toContain('g');
  });

  it('read each platform sync position in words, and say when one cannot be read', () => {
    const shopify = cartPlatform('shopify')!;
    expect(shopify.describeSyncPosition('{"v":1,"updatedAt":"2026-11-20T10:32:00Z"}', '2026-01-01T00:00:00Z').summary).toBe(
      'Orders updated after 2026-11-20 10:32 UTC are downloaded next.',
    );
    expect(shopify.describeSyncPosition('yesterday', '2026-01-01T00:00:00Z').unreadable).toBe(true);
    expect(cartPlatform('demo')!.describeSyncPosition('{"issued":12}', '2026-01-01T00:00:00Z').summary).toContain('next download starts at order 13');
  });
});
