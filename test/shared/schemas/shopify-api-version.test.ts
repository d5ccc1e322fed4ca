import { describe, expect, it } from 'vitest';
import {
  SHOPIFY_API_VERSION,
  SHOPIFY_SUPPORTED_API_VERSIONS,
  shopifyApiVersionInUse,
  shopifyApiVersionNotice,
  shopifySavedSettingsSchema,
  shopifySettingsSchema,
} from '../../../shared/schemas/shopify.js';

const shop = { shopDomain: 'acme-store.myshopify.com' };
const versionMessage = (apiVersion: unknown) => {
  const result = shopifySettingsSchema.safeParse({ ...shop, apiVersion });
  return result.success ? undefined : result.error.issues.find((i) => i.path.join('.') === 'apiVersion')?.message;
};

describe('the Shopify API version of a cart connection', () => {
  it('offers the versions Shopify serves in December 2026, oldest first, and defaults to the newest', () => {
    // 2025-07 and 2025-10 were retired in July and October 2026 (Shopify serves each version 12 months).
    expect([...SHOPIFY_SUPPORTED_API_VERSIONS]).toEqual(['2026-01', '2026-04', '2026-07', '2026-10']);
    expect(SHOPIFY_API_VERSION).toBe('2026-10');
    expect(shopifySettingsSchema.parse(shop).apiVersion).toBe('2026-10');
    for (const version of SHOPIFY_SUPPORTED_API_VERSIONS) expect(versionMessage(version)).toBeUndefined();
  });

  it.each(['2025-10', '2025-07', '2024-10'])('refuses %s: retired, with the version to choose', (version) => {
    expect(versionMessage(version)).toBe(
      `Shopify API version ${version} is retired (Shopify serves each version for 12 months): choose 2026-10. Dockhand works with 2026-01, 2026-04, 2026-07, 2026-10`,
    );
  });

  it.each(['2025-05', '2025-13', 'latest', 'unstable', '2025-7', ''])('refuses %j, which is no Shopify API version', (version) => {
    expect(versionMessage(version)).toBe(`"${version}" is not a Shopify API version Dockhand works with. Choose one of 2026-01, 2026-04, 2026-07, 2026-10`);
  });

  it('refuses a release newer than the ones the connector was checked against', () => {
    expect(versionMessage('2027-01')).toBe(
      'Dockhand does not work with Shopify API version 2027-01 yet (it was checked up to 2026-10). Choose one of 2026-01, 2026-04, 2026-07, 2026-10',
    );
  });
});

describe('a cart saved with a version Shopify has since retired', () => {
  it('still reads, so the cart keeps working and its saved token keeps its address', () => {
    expect(shopifySavedSettingsSchema.parse({ ...shop, apiVersion: '2025-10' }).apiVersion).toBe('2025-10');
    expect(shopifySavedSettingsSchema.safeParse({ ...shop, apiVersion: 'latest' }).success).toBe(false);
    expect(shopifySavedSettingsSchema.safeParse({ ...shop, apiVersion: '2027-01' }).success).toBe(false);
  });

  it('is called with the version Shopify answers it with (the oldest served), and says so', () => {
    expect(shopifyApiVersionInUse('2025-10')).toBe('2026-01');
    expect(shopifyApiVersionInUse('2025-07')).toBe('2026-01');
    expect(shopifyApiVersionInUse('2026-07')).toBe('2026-07');
    expect(shopifyApiVersionNotice('2025-10')).toBe(
      'The Shopify API version 2025-10 is retired; choose 2026-10 in the cart settings. Until then Dockhand uses 2026-01, the version Shopify answers such requests with.',
    );
    expect(shopifyApiVersionNotice('2026-01')).toBeUndefined();
  });
});
