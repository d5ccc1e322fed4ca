import { describeCartConformance } from './cart-conformance.js';
import { demoCart } from './demo-cart.js';

describeCartConformance(demoCart);
