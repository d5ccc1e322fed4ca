import { describeCartConformance } from './cart-conformance.js';
import { etsyCart } from './etsy-cart.js';

describeCartConformance(etsyCart);
