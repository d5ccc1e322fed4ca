import { describeCartConformance } from './cart-conformance.js';
import { shopifyCart } from './shopify-cart.js';

describeCartConformance(shopifyCart);
