/**
 * What the fake store keeps. Money in cents (rendered as BigCommerce's 4-decimal strings), times in
 * whole-second ms (rendered as RFC 2822). views.ts turns these into the documented JSON.
 */

export interface FakeBcAddress {
  first_name: string;
  last_name: string;
  company: string;
  street_1: string;
  street_2: string;
  city: string;
  state: string;
  zip: string;
  country: string;
  country_iso2: string;
  phone: string;
  email: string;
}

export interface FakeBcShippingAddress extends FakeBcAddress {
  id: number;
  shipping_method: string;
  costCents: number;
}

export interface FakeBcOrderProduct {
  id: number;
  product_id: number;
  variant_id: number;
  order_address_id: number;
  name: string;
  sku: string;
  type: 'physical' | 'digital';
  quantity: number;
  quantity_shipped: number;
  quantity_refunded: number;
  priceCents: number;
  discountCents: number;
}

export interface FakeBcShipment {
  id: number;
  order_address_id: number;
  createdMs: number;
  tracking_number: string;
  shipping_provider: string;
  tracking_carrier: string;
  tracking_link: string;
  shipping_method: string;
  comments: string;
  items: { order_product_id: number; product_id: number; quantity: number }[];
}

export interface FakeBcOrder {
  id: number;
  customer_id: number;
  createdMs: number;
  modifiedMs: number;
  status_id: number;
  currency_code: string;
  payment_status: string;
  customer_message: string;
  staff_notes: string;
  discountCents: number;
  couponDiscountCents: number;
  taxCents: number;
  billing: FakeBcAddress;
  addresses: FakeBcShippingAddress[];
  products: FakeBcOrderProduct[];
  shipments: FakeBcShipment[];
  /** Fields written over the rendered order as they are: how a test makes an order malformed. */
  overrides: Record<string, unknown>;
  /** The same for the rendered product lines (by order_product_id) and shipping addresses (by id). */
  productOverrides: Map<number, Record<string, unknown>>;
  addressOverrides: Map<number, Record<string, unknown>>;
}

export type InventoryTracking = 'none' | 'product' | 'variant';

export interface FakeBcVariant {
  id: number;
  sku: string;
  inventory_level: number;
}

export interface FakeBcProduct {
  id: number;
  name: string;
  sku: string;
  inventory_tracking: InventoryTracking;
  inventory_level: number;
  /** The first is the base variant every product has (same SKU as the product when it has no options). */
  variants: FakeBcVariant[];
}

/** Order status names by status_id (orders.v2 /order_statuses). */
export const STATUS_NAMES: Record<number, string> = {
  0: 'Incomplete',
  1: 'Pending',
  2: 'Shipped',
  3: 'Partially Shipped',
  4: 'Refunded',
  5: 'Cancelled',
  6: 'Declined',
  7: 'Awaiting Payment',
  8: 'Awaiting Pickup',
  9: 'Awaiting Shipment',
  10: 'Completed',
  11: 'Awaiting Fulfillment',
  12: 'Manual Verification Required',
  13: 'Disputed',
  14: 'Partially Refunded',
};

export const STATUS_SHIPPED = 2;
export const STATUS_PARTIALLY_SHIPPED = 3;
export const STATUS_AWAITING_FULFILLMENT = 11;
