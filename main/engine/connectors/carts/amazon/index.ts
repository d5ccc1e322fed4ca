/**
 * Amazon Selling Partner API: the CartPlugin (plugin.ts, descriptor in shared/platforms/amazon.ts) and
 * the pieces it is built from.
 */
export { amazonPlugin } from './plugin.js';
export { createAmazonConnector, CONNECT_FIRST } from './connector.js';
export type { AmazonConnectorOptions } from './connector.js';
export { downloadAmazonOrders, fetchOrderItems, AFN_SKIP_REASON, AMAZON_MAX_RECENT } from './download.js';
export { AMAZON_ORDERS_PAGE_SIZE, TWO_MINUTES_MS, lastUpdatedBeforeAt } from './order-query.js';
export { AMAZON_USAGE_PLANS, operationLimiter, type AmazonOperation } from './operations.js';
export { amazonEndpoints } from './endpoints.js';
export { exchangeAmazonCode } from './code-exchange.js';
export { mapAmazonOrder, readAmazonOrder, amazonShipCode, NO_RESTRICTED_ROLE_NOTE } from './order-mapper.js';
export { packageReferenceId, buildConfirmation } from './shipment-upload.js';
export { quantityPatch } from './listings-push.js';
export { AmazonApiError, classifySpApiFailure } from './sp-errors.js';
