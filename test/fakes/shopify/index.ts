export { createFakeShopify, MAX_SINGLE_QUERY_COST } from './fake-shopify.js';
export type { FakeShopify } from './fake-shopify.js';
export { FakeShopState, ALL_SCOPES } from './shop-state.js';
export type { FakeShopifyOptions, OrderSeed, OrderRef, FaultTarget } from './shop-state.js';
export type { FakeOrder, FakeFulfillment } from './fake-model.js';
