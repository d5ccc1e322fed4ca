import { describeCartConformance } from './cart-conformance.js';
import { ebayCart } from './ebay-cart.js';

describeCartConformance(ebayCart);
