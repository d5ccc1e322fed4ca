import { shopifyPlatform } from '../../../../../shared/platforms/shopify.js';
import type { ShopifyCredentials, ShopifySettings } from '../../../../../shared/schemas/shopify.js';
import { pluginBasics } from '../plugin-basics.js';
import type { CartPlugin } from '../cart-connector.js';
import { createShopifyConnector } from './connector.js';
import { checkEditedCursor } from './download-cursor.js';

export const shopifyPlugin: CartPlugin<ShopifySettings, ShopifyCredentials> = {
  ...pluginBasics<ShopifySettings, ShopifyCredentials>(shopifyPlatform),
  create: (ctx, settings, credentials) => createShopifyConnector(ctx, settings, credentials),
  parseCursor: checkEditedCursor,
};

export { createShopifyConnector, shopifyBaseUrl, shopifyGraphqlEndpoint } from './connector.js';
export type { ShopifyConnectorOptions } from './connector.js';
export { mapShopifyOrder } from './order-mapper.js';
export { clearShopifyTokenCache } from './token.js';
