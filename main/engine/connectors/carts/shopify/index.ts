import {
  shopifyCredentialsSchema,
  shopifyRequiredCredentials,
  shopifyApiVersionNotice,
  shopifySavedSettingsSchema,
  shopifySecretAddress,
  type ShopifyCredentials,
  type ShopifySettings,
} from '../../../../../shared/schemas/shopify.js';
import type { CartPlugin } from '../cart-connector.js';
import { createShopifyConnector } from './connector.js';
import { checkEditedCursor } from './download-cursor.js';

export const shopifyPlugin: CartPlugin<ShopifySettings, ShopifyCredentials> = {
  manifest: {
    platform: 'shopify',
    displayName: 'Shopify',
    capabilities: { shipments: true, inventory: true },
  },
  // Saved settings: a version retired since is still read, and called through its successor.
  settingsSchema: shopifySavedSettingsSchema,
  credentialsSchema: shopifyCredentialsSchema,
  create: (ctx, settings, credentials) => createShopifyConnector(ctx, settings, credentials),
  secretAddress: shopifySecretAddress,
  requiredCredentials: shopifyRequiredCredentials,
  settingsNotices: (settings) => [shopifyApiVersionNotice(settings.apiVersion)].filter((n): n is string => n !== undefined),
  parseCursor: checkEditedCursor,
};

export { createShopifyConnector, shopifyBaseUrl, shopifyGraphqlEndpoint } from './connector.js';
export type { ShopifyConnectorOptions } from './connector.js';
export { mapShopifyOrder } from './order-mapper.js';
export { clearShopifyTokenCache } from './token.js';
