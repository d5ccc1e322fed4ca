export { createFakeMagento } from './fake-magento.js';
export type { FakeMagento, FakeMagentoOptions, FaultKind, RequestRecord } from './fake-magento.js';
export { FakeMagentoState } from './store-state.js';
export { createOtherSite } from './other-site.js';
export type { OtherSite } from './other-site.js';
export type { OrderSeed, LineSeed } from './order-builder.js';
export type { MagentoOrder, MagentoOrderItem, MagentoAddress } from './fake-model.js';
export { MESSAGES } from './error-pages.js';
