import {
  shopifyApiVersionNotice,
  shopifyCredentialsSchema,
  shopifyRequiredCredentials,
  shopifySavedSettingsSchema,
  shopifySecretAddress,
  shopifySettingsSchema,
} from '../schemas/shopify.js';
import type { CartPlatform } from './cart-platform.js';
import { describeTimePosition, ISO_WITH_ZONE, parseJsonObject } from './sync-position.js';

/** Shopify's position: {"v":1,"updatedAt":...} or a bare time with its zone; null when it is neither. */
function shopifyUpdatedAt(position: string): string | null {
  const text = position.trim();
  const candidate = ISO_WITH_ZONE.test(text) ? text : parseJsonObject(text)?.updatedAt;
  if (typeof candidate !== 'string' || !ISO_WITH_ZONE.test(candidate) || Number.isNaN(Date.parse(candidate))) return null;
  return new Date(Date.parse(candidate)).toISOString();
}

export const shopifyPlatform = {
  platform: 'shopify',
  displayName: 'Shopify',
  blurb: 'Connect a Shopify shop with an Admin API access token or app credentials.',
  capabilities: { shipments: true, inventory: true, tracking: 'per_line' },
  settingsSchema: shopifySettingsSchema,
  savedSettingsSchema: shopifySavedSettingsSchema,
  credentialsSchema: shopifyCredentialsSchema,
  secretAddress: shopifySecretAddress,
  requiredCredentials: shopifyRequiredCredentials,
  settingsNotices: (settings) => [shopifyApiVersionNotice(settings.apiVersion)].filter((n): n is string => n !== undefined),
  secretPatterns: [
    // Admin API (shpat), custom app (shpca), shared secret (shpss), private app (shppa), user (shpua) tokens.
    { pattern: /\bshp(at|ca|ss|pa|ua)_[A-Za-z0-9]+/g, replace: '[redacted]' },
    // The Shopify header written out in a string ("X-Shopify-Access-Token: abc", JSON or not).
    { pattern: /(x-shopify-access-token["']?\s*[:=]\s*["']?)(?!\[redacted\])[^\s"',;}]+/gi, replace: '$1[redacted]' },
  ],
  // Shopify's tracking companies (Fulfillment.trackingInfo.company); any other name is kept with its URL.
  carriers: {
    names: {
      UPS: 'UPS',
      FDX: 'FedEx',
      USPS: 'USPS',
      DHL: 'DHL Express',
      DHLEC: 'DHL eCommerce',
      CAPOST: 'Canada Post',
      PUROLATOR: 'Purolator',
      ROYALMAIL: 'Royal Mail',
      AUSPOST: 'Australia Post',
      ONTRAC: 'OnTrac',
      LASERSHIP: 'Lasership',
      AMAZON: 'Amazon Logistics US',
      DPD: 'DPD',
      GLS: 'GLS',
      TNT: 'TNT',
    },
    custom: 'name_and_url',
  },
  linkSites: ['admin.shopify.com', 'help.shopify.com', '*.myshopify.com'],
  describeSyncPosition: (position, earliestOrderDate) => describeTimePosition(position, earliestOrderDate, shopifyUpdatedAt),
} satisfies CartPlatform<'shopify', typeof shopifySettingsSchema, typeof shopifyCredentialsSchema>;
