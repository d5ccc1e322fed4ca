import { formatGmt, formatSiteLocal } from './site-time.js';

/**
 * What the fake store holds. Dates are instants (ms); the JSON views format them the way WooCommerce
 * does (site-local and _gmt, no offset). Money is kept as the strings WooCommerce sends.
 */

export const ORDER_STATUSES = ['pending', 'processing', 'on-hold', 'completed', 'cancelled', 'refunded', 'failed', 'trash'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface WooAddress {
  first_name: string;
  last_name: string;
  company: string;
  address_1: string;
  address_2: string;
  city: string;
  state: string;
  postcode: string;
  country: string;
  email?: string;
  phone?: string;
}

export interface FakeLineItem {
  id: number;
  name: string;
  product_id: number;
  variation_id: number;
  quantity: number;
  subtotal: string;
  total: string;
  total_tax: string;
  sku: string;
  /** WooCommerce sends the unit price as a number, unlike every other amount. */
  price: number;
}

export interface FakeShippingLine {
  id: number;
  method_title: string;
  method_id: string;
  instance_id?: string;
  total: string;
  total_tax: string;
}

export interface FakeOrder {
  id: number;
  number: string;
  status: OrderStatus;
  currency: string;
  createdMs: number;
  modifiedMs: number;
  paidMs: number | null;
  completedMs: number | null;
  discount_total: string;
  shipping_total: string;
  total_tax: string;
  total: string;
  customer_note: string;
  billing: WooAddress;
  shipping: WooAddress;
  payment_method: string;
  line_items: FakeLineItem[];
  shipping_lines: FakeShippingLine[];
  meta_data: { id: number; key: string; value: unknown }[];
  /** Set by the malformed-order control: applied to the JSON on every read, as a broken plugin would. */
  corrupt?: (json: Record<string, unknown>) => void;
}

export interface FakeNote {
  id: number;
  createdMs: number;
  note: string;
  customer_note: boolean;
  added_by_user: boolean;
}

export interface FakeTracking {
  tracking_id: string;
  tracking_provider: string;
  custom_tracking_provider?: string;
  custom_tracking_link?: string;
  tracking_number: string;
  date_shipped: string;
}

export interface FakeProduct {
  id: number;
  name: string;
  type: 'simple' | 'variable';
  sku: string;
  manage_stock: boolean;
  stock_quantity: number | null;
  variations: number[];
}

export interface FakeVariation {
  id: number;
  parent_id: number;
  sku: string;
  /** A variation may leave stock to its parent: WooCommerce then reports manage_stock "parent". */
  manage_stock: boolean | 'parent';
  stock_quantity: number | null;
}

export function orderJson(order: FakeOrder, timeZone: string, baseUrl: string): Record<string, unknown> {
  const date = (ms: number | null) => (ms === null ? null : formatSiteLocal(ms, timeZone));
  const gmt = (ms: number | null) => (ms === null ? null : formatGmt(ms));
  const json: Record<string, unknown> = {
    id: order.id,
    parent_id: 0,
    number: order.number,
    order_key: `wc_order_${order.id.toString(36)}`,
    created_via: 'checkout',
    version: '9.4.0',
    status: order.status,
    currency: order.currency,
    date_created: date(order.createdMs),
    date_created_gmt: gmt(order.createdMs),
    date_modified: date(order.modifiedMs),
    date_modified_gmt: gmt(order.modifiedMs),
    discount_total: order.discount_total,
    discount_tax: '0.00',
    shipping_total: order.shipping_total,
    shipping_tax: '0.00',
    cart_tax: order.total_tax,
    total: order.total,
    total_tax: order.total_tax,
    prices_include_tax: false,
    customer_id: 0,
    customer_ip_address: '',
    customer_user_agent: '',
    customer_note: order.customer_note,
    billing: { ...order.billing },
    shipping: { ...order.shipping },
    payment_method: order.payment_method,
    payment_method_title: order.payment_method,
    transaction_id: '',
    date_paid: date(order.paidMs),
    date_paid_gmt: gmt(order.paidMs),
    date_completed: date(order.completedMs),
    date_completed_gmt: gmt(order.completedMs),
    cart_hash: '',
    meta_data: order.meta_data.map((m) => ({ ...m })),
    line_items: order.line_items.map((l) => ({
      ...l,
      tax_class: '',
      subtotal_tax: '0.00',
      taxes: [],
      meta_data: [],
    })),
    tax_lines: [],
    shipping_lines: order.shipping_lines.map((s) => ({ ...s, taxes: [], meta_data: [] })),
    fee_lines: [],
    coupon_lines: [],
    refunds: [],
    _links: {
      self: [{ href: `${baseUrl}/wp-json/wc/v3/orders/${order.id}` }],
      collection: [{ href: `${baseUrl}/wp-json/wc/v3/orders` }],
    },
  };
  order.corrupt?.(json);
  return json;
}

export function noteJson(note: FakeNote, timeZone: string): Record<string, unknown> {
  return {
    id: note.id,
    author: note.added_by_user ? 'shop-manager' : 'WooCommerce',
    date_created: formatSiteLocal(note.createdMs, timeZone),
    date_created_gmt: formatGmt(note.createdMs),
    note: note.note,
    customer_note: note.customer_note,
  };
}

export function productJson(product: FakeProduct): Record<string, unknown> {
  return {
    id: product.id,
    name: product.name,
    slug: product.name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    type: product.type,
    status: 'publish',
    sku: product.sku,
    price: '10.00',
    manage_stock: product.manage_stock,
    stock_quantity: product.manage_stock ? product.stock_quantity : null,
    stock_status: stockStatus(product.manage_stock === true, product.stock_quantity),
    parent_id: 0,
    variations: [...product.variations],
  };
}

export function variationJson(variation: FakeVariation, parent: FakeProduct): Record<string, unknown> {
  const own = variation.manage_stock === true;
  const quantity = own ? variation.stock_quantity : variation.manage_stock === 'parent' ? parent.stock_quantity : null;
  return {
    id: variation.id,
    parent_id: variation.parent_id,
    sku: variation.sku,
    price: '10.00',
    manage_stock: variation.manage_stock,
    stock_quantity: quantity,
    stock_status: stockStatus(own || variation.manage_stock === 'parent', quantity),
  };
}

function stockStatus(managed: boolean, quantity: number | null): string {
  if (!managed) return 'instock';
  return (quantity ?? 0) > 0 ? 'instock' : 'outofstock';
}
