/**
 * WooCommerce (REST API v3) building blocks. The CartPlugin that wires them (manifest, settings and
 * credentials schemas, factory) comes with the connector kit; nothing here is registered yet.
 */
export { WooRestClient, parseStoreUrl } from './rest-client.js';
export type { WooRestClientOptions, ListPage, SiteDiscovery, WooReply } from './rest-client.js';
export { WooRestError, isNoRoute } from './rest-errors.js';
export { mapWooOrder } from './order-mapper.js';
export type { WooOrderMapping } from './order-mapper.js';
export { statusesToQuery, skipReasonFor, DEFAULT_STATUSES } from './order-filters.js';
export { readOrdersPage } from './order-page.js';
export { walkOrders } from './order-walk.js';
export type { OrderWalkOptions } from './order-walk.js';
export type { ReadOrdersPage } from './order-page.js';
export {
  fetchOrdersPage,
  completeOrder,
  addOrderNote,
  listOrderNotes,
  addTracking,
  listTrackings,
  listTrackingProviders,
  ORDERS_PER_PAGE,
} from './orders-api.js';
export type { OrdersPageQuery, TrackingInput } from './orders-api.js';
export { trackingInputFor } from './tracking-provider.js';
export { uploadWooShipment, shippedNote } from './shipment-upload.js';
export type { WooShipmentOptions, WooShipmentResult } from './shipment-upload.js';
export { findProductsBySku, listVariations, updateStock, MAX_BATCH_ITEMS } from './stock-api.js';
export { pushWooInventory } from './inventory-push.js';
export type { StockUpdate, StockOutcome } from './stock-api.js';
export { testWooConnection } from './test-connection.js';
