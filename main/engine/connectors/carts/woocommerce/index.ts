/**
 * WooCommerce (REST API v3): the plugin (plugin.ts, listed in ../registry.ts) and its building blocks.
 */
export { woocommercePlugin } from './plugin.js';
export { createWooConnector, wooRequestAddress } from './connector.js';
export type { WooConnectorOptions } from './connector.js';
export { checkEditedWooCursor } from './edited-cursor.js';
export { ledgerNote, readLedgerNote, shippedPerLine } from './shipment-ledger.js';
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
