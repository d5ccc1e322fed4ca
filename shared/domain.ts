/**
 * Domain types shared by the engine, the API contract and the screens.
 * Money is always a decimal string ("19.99"), never a binary float.
 * Times are ISO-8601 strings in UTC ("2026-11-27T05:54:44.000Z").
 */

export type AccountMode = 'fulfillment' | 'single_merchant';

export const SERVICE_NAMES = [
  'order_download',
  'order_delivery',
  'shipment_pickup',
  'shipment_upload',
  'inventory_pickup',
  'inventory_upload',
] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** Which services are scheduled per cart connection and which per merchant (PRODUCT.md). */
export const CART_SERVICES = ['order_download', 'shipment_upload', 'inventory_upload'] as const;
export const MERCHANT_SERVICES = ['order_delivery', 'shipment_pickup', 'inventory_pickup'] as const;
export type CartServiceName = (typeof CART_SERVICES)[number];
export type MerchantServiceName = (typeof MERCHANT_SERVICES)[number];

/**
 * Along the happy path: new -> at_wms -> (partially_shipped) -> shipped -> confirmed. Partially shipped:
 * the warehouse shipped some of the order's units, not all; it becomes shipped when every line is
 * shipped (or a person cancels the rest), and confirmed once the cart accepted every shipment of it.
 */
export const ORDER_STATUSES = [
  'new',
  'at_wms',
  'partially_shipped',
  'shipped',
  'confirmed',
  'error',
  'on_hold',
  'cancel_sending',
  'canceled',
  'skipped',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * When a merchant's shipments go to the cart. as_shipped (the default): each shipment as soon as the
 * warehouse confirms it, so the shopper gets tracking for what left the warehouse, and units that never
 * ship (backorders) hold back nothing that did. when_complete: only once every line of the order has
 * shipped (or the rest was canceled), for merchants whose carts or shoppers expect one notice per order.
 */
export const PARTIAL_SHIPMENT_MODES = ['as_shipped', 'when_complete'] as const;
export type PartialShipmentMode = (typeof PARTIAL_SHIPMENT_MODES)[number];

export interface Address {
  firstName?: string;
  lastName?: string;
  company?: string;
  address1?: string;
  address2?: string;
  address3?: string;
  city?: string;
  state?: string;
  zip?: string;
  country?: string;
  phone?: string;
  email?: string;
}

export interface OrderLine {
  lineNo: number;
  sku: string;
  name?: string;
  /**
   * The quantity to ship: what the cart still has to fulfil of this line when the order was
   * downloaded. This is what goes to the warehouse (the order file's Quantity), what stock is held
   * for, and what shipments of the line are measured against. 0 when the cart fulfilled the whole
   * line itself: the line is kept for reference and left out of the order file.
   */
  quantity: number;
  /**
   * The quantity ordered (less units removed from the order in the cart), for reference; set by carts
   * that tell it apart from the quantity to ship. Absent means the same as `quantity`.
   */
  orderedQuantity?: number;
  /** Unit price, decimal string. */
  price: string;
  discount?: string;
  /** The cart's own id of the line (Shopify LineItem gid), needed to ship it. */
  cartLineId: string;
  comment?: string;
  lot?: string;
}

/**
 * An order as the cart described it, mapped to Dockhand's canonical fields
 * (the reference product's names in comments).
 */
export interface CanonicalOrder {
  /** The cart's order id (e.g. "gid://shopify/Order/450789469"). Idempotency key with the cart connection. */
  cartOrderId: string;
  /** cust_ref: the number the merchant and shopper know ("#1001"). */
  orderNumber: string;
  /** cust_po_no */
  poNumber?: string;
  orderDate: string;
  /** The cart's last-modified time of the order, UTC. Drives incremental download. */
  updatedAt: string;
  /** Ship code as received from the cart (before mapping). */
  shipCode: string;
  carrier?: string;
  shipTo: Address;
  billTo: Address;
  currency: string;
  subtotal: string;
  discount: string;
  tax: string;
  shipping: string;
  total: string;
  giftMessage?: string;
  shippingInstructions?: string;
  customFields?: string[];
  requestedShipDate?: string;
  lines: OrderLine[];
  /** The cart's view of the order that matters to the loop. */
  cartState: {
    canceled: boolean;
    financialStatus?: string;
    fulfillmentStatus?: string;
    /** The cart marks the order as a test (e.g. Shopify's Order.test: placed with a test payment). */
    test?: boolean;
  };
  /** Set by the connector when its filters exclude the order (the order is kept as Skipped, with this reason). */
  skipReason?: string;
  /**
   * What the cart could not give about the order, one sentence each a manager reads (e.g. Amazon
   * withholding the buyer's name and street from an app without the Restricted Data role). Shown on the
   * order, never sent to the warehouse: the order still flows, and a person knows what is missing.
   */
  gaps?: string[];
}

export interface Shipment {
  /** Our order's local id. */
  orderId: number;
  carrier: string;
  service?: string;
  trackingNumber: string;
  trackingUrl?: string;
  shipDate: string;
  items: { sku: string; quantity: number; cartLineId?: string }[];
  cost?: string;
  weight?: string;
}

export interface InventoryLevel {
  sku: string;
  quantity: number;
  location?: string;
}

export interface ShipMethod {
  code: string;
  description: string;
  carrier: string;
}

/**
 * Every order sits in exactly one bucket, so the dashboard's counts add up to the total:
 * to_deliver (Dockhand owes the WMS), at_warehouse (the warehouse owes a shipment),
 * to_confirm (Dockhand owes the cart a tracking number), needs_attention (a person must act), done.
 */
export const HEALTH_BUCKETS = ['to_deliver', 'at_warehouse', 'to_confirm', 'needs_attention', 'done'] as const;
export type HealthBucket = (typeof HEALTH_BUCKETS)[number];

export const BUCKET_OF_STATUS: Record<OrderStatus, HealthBucket> = {
  new: 'to_deliver',
  at_wms: 'at_warehouse',
  // What keeps a partially shipped order from being done is the warehouse (the rest of it); the part
  // already shipped goes to the cart on its own, so Dockhand owes nobody a decision meanwhile.
  partially_shipped: 'at_warehouse',
  shipped: 'to_confirm',
  confirmed: 'done',
  error: 'needs_attention',
  on_hold: 'needs_attention',
  cancel_sending: 'needs_attention',
  canceled: 'done',
  skipped: 'done',
};
