export { createFakeWooCommerce, WC_NAMESPACE, TRACKING_NAMESPACE } from './fake-woocommerce.js';
export type { FakeWooCommerce } from './fake-woocommerce.js';
export { FakeWooStore, DEFAULT_CONSUMER_KEY, DEFAULT_CONSUMER_SECRET } from './fake-store.js';
export type { FakeWooOptions, OrderSeed, Fault, RequestRecord } from './fake-store.js';
export type { FakeOrder, FakeProduct, FakeVariation, OrderStatus } from './fake-model.js';
export { MAX_PER_PAGE } from './collection-params.js';
export { MAX_BATCH_ITEMS } from './products-routes.js';
export { PHP_NOTICE } from './wp-replies.js';
