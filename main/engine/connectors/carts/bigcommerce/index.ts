import { bigcommercePlatform, type BigCommerceCredentials, type BigCommerceSettings } from '../../../../../shared/platforms/bigcommerce.js';
import type { CartPlugin } from '../cart-connector.js';
import { pluginBasics } from '../plugin-basics.js';
import { createBigCommerceConnector } from './connector.js';
import { checkEditedCursor } from './download-cursor.js';

export const bigcommercePlugin: CartPlugin<BigCommerceSettings, BigCommerceCredentials> = {
  ...pluginBasics<BigCommerceSettings, BigCommerceCredentials>(bigcommercePlatform),
  create: (ctx, settings, credentials) => createBigCommerceConnector(ctx, settings, credentials),
  parseCursor: checkEditedCursor,
};

export { createBigCommerceConnector } from './connector.js';
export type { BigCommerceConnectorOptions } from './connector.js';
export { mapBigCommerceOrder } from './order-mapper.js';
export { clearStoreQuotas } from './store-quota.js';
