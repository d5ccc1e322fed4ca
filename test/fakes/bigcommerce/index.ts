export { createFakeBigCommerce } from './fake-bigcommerce.js';
export type { FakeBigCommerce } from './fake-bigcommerce.js';
export { FakeBcStore, ALL_SCOPES } from './store-state.js';
export type { FakeBigCommerceOptions, OrderSeed } from './store-state.js';
export type { FakeBcOrder, FakeBcProduct } from './model.js';
export { toRfc2822 } from './dates.js';
