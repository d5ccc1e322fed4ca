import type { PlatformForm } from '../platform-form.js';
import { amazonForm } from './amazon-form.js';
import { bigcommerceForm } from './bigcommerce-form.js';
import { csvForm } from './csv-form.js';
import { demoForm } from './demo-form.js';
import { etsyForm } from './etsy-form.js';
import { magentoForm } from './magento-form.js';
import { shopifyForm } from './shopify-form.js';
import { woocommerceForm } from './woocommerce-form.js';
import { ebayForm } from './ebay-form.js';

/** Every platform's setup form, by platform id (the ids of `carts.platforms`). */
// Each form has its own draft type; `any` is confined to this map.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const PLATFORM_FORMS: Record<string, PlatformForm<any>> = {
  shopify: shopifyForm,
  demo: demoForm,
  csv: csvForm,
  magento: magentoForm,
  bigcommerce: bigcommerceForm,
  woocommerce: woocommerceForm,
  amazon: amazonForm,
  ebay: ebayForm,
  etsy: etsyForm,
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function platformForm(platform: string): PlatformForm<any> | undefined {
  return Object.hasOwn(PLATFORM_FORMS, platform) ? PLATFORM_FORMS[platform] : undefined;
}
