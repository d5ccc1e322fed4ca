export { createFakeEtsy } from './fake-etsy.js';
export type { FakeEtsy, FakeEtsyOptions, EtsyRequestRecord } from './fake-etsy.js';
export { FakeEtsyShop } from './shop-state.js';
export type { FakeReceipt, FakeListing, LineSeed, Money } from './shop-state.js';
export { FakeEtsyOAuth, ACCESS_TOKEN_SECONDS, REFRESH_TOKEN_SECONDS } from './oauth-server.js';
export { AppQuota } from './app-quota.js';
