import { describeCartConformance } from './cart-conformance.js';
import { magentoCart } from './magento-cart.js';

describeCartConformance(magentoCart);
