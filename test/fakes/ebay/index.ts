export { createFakeEbay } from './fake-ebay.js';
export type { FakeEbay, FakeEbayOptions, RequestRecord } from './fake-ebay.js';
export { FakeSellerState } from './seller-state.js';
export { FakeOAuth, ALL_SCOPES, ACCESS_TOKEN_SECONDS, REFRESH_TOKEN_SECONDS } from './oauth-server.js';
export type { FakeApp } from './oauth-server.js';
export type { FakeOrder, FakeLineItem, LineSeed, OrderSeed } from './fake-model.js';
