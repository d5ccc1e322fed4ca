import { bigcommerceCart } from './bigcommerce-cart.js';
import { describeCartConformance } from './cart-conformance.js';

describeCartConformance(bigcommerceCart);
