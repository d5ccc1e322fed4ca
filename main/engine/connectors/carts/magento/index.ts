/**
 * Magento 2 / Adobe Commerce connector pieces. Not yet a CartPlugin: the plugin (descriptor in
 * shared/platforms, registry line, cursor through the connector kit) is wired once the kit lands.
 */
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
