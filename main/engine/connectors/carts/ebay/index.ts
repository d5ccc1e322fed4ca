/**
 * eBay (Sell Fulfillment and Inventory APIs): the CartPlugin (plugin.ts, descriptor in
 * shared/platforms/ebay.ts) and the pieces it is built from.
 */
export { ebayPlugin } from './plugin.js';
export { createEbayConnector } from './connector.js';
export type { EbayConnectorOptions } from './connector.js';
export { downloadEbayOrders, clampToLookback, ordersFilter, EBAY_ORDERS_PAGE_SIZE, EBAY_LOOKBACK_MS } from './download.js';
export { EbayRestClient, MAX_QUOTA_WAIT_MS } from './rest-client.js';
export { classifyEbayFailure, EbayApiError } from './ebay-errors.js';
export { ebayAccessTokens, exchangeEbayCode, tokenUrlOf, RECONNECT_MESSAGE } from './token.js';
export { mapEbayOrder } from './order-mapper.js';
export { uploadEbayShipment, buildFulfillmentRequest, fulfillmentIdOf } from './shipment-upload.js';
export { pushEbayInventory, EBAY_BULK_MAX } from './inventory-push.js';
export { ebayApiLimiter } from './api-limiters.js';
