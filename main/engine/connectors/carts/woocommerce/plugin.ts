import { woocommercePlatform, type WooCredentials, type WooSettings } from '../../../../../shared/platforms/woocommerce.js';
import type { CartPlugin } from '../cart-connector.js';
import { pluginBasics } from '../plugin-basics.js';
import { createWooConnector } from './connector.js';
import { checkEditedWooCursor } from './edited-cursor.js';

/** WooCommerce as the engine's registry lists it: the descriptor's basics, the connector, the position check. */
export const woocommercePlugin: CartPlugin<WooSettings, WooCredentials> = {
  ...pluginBasics<WooSettings, WooCredentials>(woocommercePlatform),
  create: (ctx, settings, credentials) => createWooConnector(ctx, settings, credentials),
  parseCursor: checkEditedWooCursor,
};
