/**
 * Magento 2 / Adobe Commerce: the CartPlugin (plugin.ts, descriptor in shared/platforms/magento.ts) and
 * the pieces it is built from.
 */
export { magentoPlugin } from './plugin.js';
export { createMagentoConnector } from './connector.js';
export type { MagentoConnectorOptions } from './connector.js';
export { downloadMagentoOrders, MAGENTO_ORDERS_PAGE_SIZE } from './download.js';
export { checkEditedMagentoCursor } from './download-cursor.js';
export { restBaseFor } from './store-address.js';
export { MagentoRestClient } from './rest-client.js';
export type { MagentoClientOptions, CallOptions } from './rest-client.js';
export { AdminTokenExchange, IntegrationToken } from './token.js';
export type { MagentoTokenSource, AdminTokenOptions } from './token.js';
export { MagentoApiError } from './magento-errors.js';
export { fetchOrderByIncrementId, fetchOrderPage, orderSearchQuery } from './order-search.js';
export type { OrderPage as MagentoOrderPage, OrderPageRequest } from './order-search.js';
export { mapMagentoOrder } from './order-mapper.js';
export type { MagentoOrderMapping } from './order-mapper.js';
export { mapOrderPage } from './order-page.js';
export type { MappedOrderPage } from './order-page.js';
export { uploadShipment, buildShipRequest, findShipmentByTracking } from './shipment-upload.js';
export { detectStockMode, pushStock } from './stock-push.js';
export type { StockMode } from './stock-push.js';
export { testMagentoConnection } from './test-connection.js';
export { MAGENTO_CARRIERS } from './carriers.js';
