import { amazonPlugin } from './amazon/plugin.js';
import { bigcommercePlugin } from './bigcommerce/index.js';
import type { CartPlugin } from './cart-connector.js';
import { csvPlugin } from './csv/index.js';
import { demoPlugin } from './demo/index.js';
import { etsyPlugin } from './etsy/plugin.js';
import { magentoPlugin } from './magento/plugin.js';
import { shopifyPlugin } from './shopify/index.js';
import { woocommercePlugin } from './woocommerce/plugin.js';
import { ebayPlugin } from './ebay/plugin.js';

/** Every cart platform. Adding one = a folder, its fake, its tests, and one line here. */
export const cartPlugins: Record<string, CartPlugin<any, any>> = {
  shopify: shopifyPlugin,
  demo: demoPlugin,
  csv: csvPlugin,
  magento: magentoPlugin,
  bigcommerce: bigcommercePlugin,
  woocommerce: woocommercePlugin,
  amazon: amazonPlugin,
  ebay: ebayPlugin,
  etsy: etsyPlugin,
};

export function cartPlugin(platform: string): CartPlugin<any, any> | undefined {
  return Object.hasOwn(cartPlugins, platform) ? cartPlugins[platform] : undefined;
}
