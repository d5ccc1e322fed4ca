/**
 * Etsy (Open API v3): the CartPlugin (plugin.ts, descriptor in shared/platforms/etsy.ts) and the pieces
 * it is built from.
 */
export { etsyPlugin } from './plugin.js';
export { createEtsyConnector, etsyApiKey } from './connector.js';
export type { EtsyConnectorOptions } from './connector.js';
export { downloadEtsyReceipts, ETSY_RECEIPTS_PAGE_SIZE } from './download.js';
export { EtsyAppLimiter, etsyAppLimiter } from './app-limiter.js';
export { exchangeEtsyCode } from './code-exchange.js';
export { clearGrantLineages } from './grant-lineage.js';
