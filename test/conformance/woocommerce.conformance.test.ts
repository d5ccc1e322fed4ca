import { describeCartConformance } from './cart-conformance.js';
import { woocommerceCart } from './woocommerce-cart.js';

describeCartConformance(woocommerceCart);
