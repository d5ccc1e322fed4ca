import { amazonCart } from './amazon-cart.js';
import { bigcommerceCart } from './bigcommerce-cart.js';
import type { CartUnderTest } from './cart-under-test.js';
import { csvCart } from './csv-cart.js';
import { demoCart } from './demo-cart.js';
import { etsyCart } from './etsy-cart.js';
import { magentoCart } from './magento-cart.js';
import { shopifyCart } from './shopify-cart.js';
import { woocommerceCart } from './woocommerce-cart.js';
import { ebayCart } from './ebay-cart.js';

/** Every cart's conformance adapter; a cart platform in the registry without one fails every-cart's test. */
export const CARTS_UNDER_TEST: CartUnderTest[] = [shopifyCart, demoCart, csvCart, magentoCart, bigcommerceCart, woocommerceCart, amazonCart, ebayCart, etsyCart];
