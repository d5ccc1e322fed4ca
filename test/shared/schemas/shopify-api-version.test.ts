import { describe, expect, it } from 'vitest';
import {
  SHOPIFY_API_VERSION,
  SHOPIFY_SUPPORTED_API_VERSIONS,
  shopifySettingsSchema,
} from '../../../shared/schemas/shopify.js';

const shop = { shopDomain: 'acme-store.myshopify.com' };
const versionMessage = (apiVersion: unknown) => {
  const result = shopifySettingsSchema.safeParse({ ...shop, apiVersion });
  return result.success ? undefined : result.error.issues.find((i) => i.path.join('.') === 'apiVersion')?.message;
};

describe('the Shopify API version of a cart connection', () => {
  it('defaults to a version the connector supports', () => {
    const { apiVersion } = shopifySettingsSchema.parse(shop);
    expect(apiVersion).toBe(SHOPIFY_API_VERSION);
    expect(SHOPIFY_SUPPORTED_API_VERSIONS).toContain(apiVersion);
  });

  it('accepts every version the connector supports, from 2025-07 (its queries read ShopPlan.publicDisplayName)', () => {
    expect(SHOPIFY_SUPPORTED_API_VERSIONS[0]).toBe('2025-07');
    for (const version of SHOPIFY_SUPPORTED_API_VERSIONS) expect(versionMessage(version)).toBeUndefined();
  });

  it.each(['2025-04', '2024-10', '2023-01'])('refuses %s, older than the fields the connector reads, in plain words', (version) => {
    expect(versionMessage(version)).toBe(
      `Dockhand does not work with Shopify API version ${version}: its requests need ${SHOPIFY_SUPPORTED_API_VERSIONS[0]} or later. Choose one of ${SHOPIFY_SUPPORTED_API_VERSIONS.join(', ')}`,
    );
  });

  it.each(['2025-05', '2025-13', 'latest', 'unstable', '2025-7', ''])('refuses %j, which is no Shopify API version', (version) => {
    expect(versionMessage(version)).toBe(
      `"${version}" is not a Shopify API version Dockhand works with. Choose one of ${SHOPIFY_SUPPORTED_API_VERSIONS.join(', ')}`,
    );
  });

  it('refuses a release newer than the ones the connector was checked against', () => {
    expect(versionMessage('2026-04')).toMatch(/^Dockhand does not work with Shopify API version 2026-04 yet/);
  });
});
