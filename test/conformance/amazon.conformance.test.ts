import { amazonCart } from './amazon-cart.js';
import { describeCartConformance } from './cart-conformance.js';

describeCartConformance(amazonCart);
