import { toRfc2822 } from './dates.js';
import {
  STATUS_NAMES,
  type FakeBcAddress,
  type FakeBcOrder,
  type FakeBcOrderProduct,
  type FakeBcProduct,
  type FakeBcShipment,
  type FakeBcShippingAddress,
} from './model.js';

/** The JSON the v2 and v3 APIs answer with, field names and formats as in the docs' examples. */

/** "12.3400": v2 money is a decimal string with four places. */
export const money = (cents: number): string => `${(cents / 100).toFixed(2)}00`;

/**
 * How the order's consignments come with it: `include=consignments.line_items&consignment_structure=object`
 * embeds them with their line items, `include=consignments` with links to the lines; without an include
 * the order links to /consignments like its other sub-resources.
 */
export type ConsignmentInclude = 'none' | 'links' | 'line_items';

export function orderView(o: FakeBcOrder, v2Base: string, consignments: ConsignmentInclude = 'none'): Record<string, unknown> {
  const subtotal = o.products.reduce((sum, p) => sum + p.priceCents * p.quantity, 0);
  const shipping = o.addresses.reduce((sum, a) => sum + a.costCents, 0);
  const total = subtotal + shipping + o.taxCents - o.discountCents - o.couponDiscountCents;
  const shippedTimes = o.shipments.map((s) => s.createdMs);
  const view: Record<string, unknown> = {
    id: o.id,
    customer_id: o.customer_id,
    date_created: toRfc2822(o.createdMs),
    date_modified: toRfc2822(o.modifiedMs),
    date_shipped: shippedTimes.length ? toRfc2822(Math.max(...shippedTimes)) : '',
    status_id: o.status_id,
    status: STATUS_NAMES[o.status_id] ?? 'Unknown',
    custom_status: STATUS_NAMES[o.status_id] ?? 'Unknown',
    subtotal_ex_tax: money(subtotal),
    subtotal_inc_tax: money(subtotal + o.taxCents),
    subtotal_tax: money(o.taxCents),
    base_shipping_cost: money(shipping),
    shipping_cost_ex_tax: money(shipping),
    shipping_cost_inc_tax: money(shipping),
    shipping_cost_tax: money(0),
    handling_cost_ex_tax: money(0),
    handling_cost_inc_tax: money(0),
    wrapping_cost_ex_tax: money(0),
    wrapping_cost_inc_tax: money(0),
    total_ex_tax: money(total - o.taxCents),
    total_inc_tax: money(total),
    total_tax: money(o.taxCents),
    items_total: o.products.reduce((sum, p) => sum + p.quantity, 0),
    items_shipped: o.products.reduce((sum, p) => sum + p.quantity_shipped, 0),
    payment_method: 'Credit Card',
    payment_status: o.payment_status,
    refunded_amount: money(0),
    order_is_digital: o.products.every((p) => p.type === 'digital'),
    currency_id: 1,
    currency_code: o.currency_code,
    currency_exchange_rate: '1.0000000000',
    default_currency_code: o.currency_code,
    staff_notes: o.staff_notes,
    customer_message: o.customer_message,
    discount_amount: money(o.discountCents),
    coupon_discount: money(o.couponDiscountCents),
    shipping_address_count: o.addresses.length,
    is_deleted: false,
    billing_address: { ...addressFields(o.billing), form_fields: [] },
    order_source: 'www',
    channel_id: 1,
    external_source: null,
    products: { url: `${v2Base}/orders/${o.id}/products`, resource: `/orders/${o.id}/products` },
    shipping_addresses: { url: `${v2Base}/orders/${o.id}/shipping_addresses`, resource: `/orders/${o.id}/shipping_addresses` },
    coupons: { url: `${v2Base}/orders/${o.id}/coupons`, resource: `/orders/${o.id}/coupons` },
    consignments:
      consignments === 'none'
        ? { url: `${v2Base}/orders/${o.id}/consignments`, resource: `/orders/${o.id}/consignments` }
        : consignmentsView(o, v2Base, consignments === 'line_items'),
    external_id: null,
    external_order_id: '',
    customer_locale: 'en',
  };
  return { ...view, ...o.overrides };
}

/** GET /orders/{id}/consignments (orderConsignment_Get): shipping consignments are the shipping addresses with their lines. */
export function consignmentsView(o: FakeBcOrder, v2Base: string, withLines: boolean): Record<string, unknown> {
  const lines = (keep: (p: FakeBcOrderProduct) => boolean) =>
    o.products
      .filter(keep)
      .map((p) => (withLines ? orderProductView(o, p) : { url: `${v2Base}/orders/${o.id}/products/${p.id}`, resource: `/orders/${o.id}/products/${p.id}` }));
  const digital = lines((p) => p.type === 'digital');
  return {
    pickups: [],
    shipping: o.addresses.map((a) => {
      const { order_id: _orderId, ...address } = shippingAddressView(o, a);
      return { ...address, line_items: lines((p) => p.type === 'physical' && p.order_address_id === a.id) };
    }),
    downloads: digital.length ? [{ recipient_email: o.billing.email, line_items: digital }] : [],
    email: { gift_certificates: [] },
  };
}

export function orderProductView(o: FakeBcOrder, p: FakeBcOrderProduct): Record<string, unknown> {
  const view: Record<string, unknown> = {
    id: p.id,
    order_id: o.id,
    product_id: p.product_id,
    variant_id: p.variant_id,
    order_address_id: p.order_address_id,
    name: p.name,
    name_customer: p.name,
    name_merchant: p.name,
    sku: p.sku,
    upc: '',
    type: p.type,
    base_price: money(p.priceCents),
    price_ex_tax: money(p.priceCents),
    price_inc_tax: money(p.priceCents),
    price_tax: money(0),
    base_total: money(p.priceCents * p.quantity),
    total_ex_tax: money(p.priceCents * p.quantity),
    total_inc_tax: money(p.priceCents * p.quantity),
    total_tax: money(0),
    weight: '1.0000',
    quantity: p.quantity,
    is_refunded: p.quantity_refunded > 0 && p.quantity_refunded === p.quantity,
    quantity_refunded: p.quantity_refunded,
    refund_amount: money(0),
    quantity_shipped: p.quantity_shipped,
    wrapping_message: '',
    parent_order_product_id: null,
    is_bundled_product: false,
    external_id: null,
    applied_discounts: p.discountCents ? [{ id: 'manual-discount', amount: money(p.discountCents), name: 'Manual Discount', code: null, target: 'order' }] : [],
    product_options: [],
  };
  return { ...view, ...o.productOverrides.get(p.id) };
}

export function shippingAddressView(o: FakeBcOrder, a: FakeBcShippingAddress): Record<string, unknown> {
  const lines = o.products.filter((p) => p.order_address_id === a.id);
  const view: Record<string, unknown> = {
    id: a.id,
    order_id: o.id,
    ...addressFields(a),
    items_total: lines.reduce((sum, p) => sum + p.quantity, 0),
    items_shipped: lines.reduce((sum, p) => sum + p.quantity_shipped, 0),
    shipping_method: a.shipping_method,
    base_cost: money(a.costCents),
    cost_ex_tax: money(a.costCents),
    cost_inc_tax: money(a.costCents),
    cost_tax: money(0),
    cost_tax_class_id: 0,
    shipping_zone_id: 1,
    shipping_zone_name: 'United States',
    form_fields: [],
  };
  return { ...view, ...o.addressOverrides.get(a.id) };
}

export function shipmentView(o: FakeBcOrder, s: FakeBcShipment): Record<string, unknown> {
  const address = o.addresses.find((a) => a.id === s.order_address_id);
  return {
    id: s.id,
    order_id: o.id,
    customer_id: o.customer_id,
    order_address_id: s.order_address_id,
    date_created: toRfc2822(s.createdMs),
    tracking_number: s.tracking_number,
    merchant_shipping_cost: money(0),
    shipping_method: s.shipping_method,
    comments: s.comments,
    shipping_provider: s.shipping_provider,
    tracking_carrier: s.tracking_carrier,
    tracking_link: s.tracking_link,
    billing_address: addressFields(o.billing),
    shipping_address: address ? addressFields(address) : null,
    items: s.items,
    shipping_provider_display_name: s.shipping_provider.toUpperCase(),
    generated_tracking_link: s.tracking_link ? '' : `https://track.example/${encodeURIComponent(s.tracking_number)}`,
  };
}

export function v3ProductView(p: FakeBcProduct): Record<string, unknown> {
  return {
    id: p.id,
    name: p.name,
    type: 'physical',
    sku: p.sku,
    inventory_level: p.inventory_tracking === 'variant' ? p.variants.reduce((s, v) => s + v.inventory_level, 0) : p.inventory_level,
    inventory_tracking: p.inventory_tracking,
    base_variant_id: p.variants[0]?.id ?? null,
  };
}

export function v3VariantView(p: FakeBcProduct, index: number): Record<string, unknown> {
  const v = p.variants[index];
  return {
    id: v.id,
    product_id: p.id,
    sku: v.sku,
    sku_id: index === 0 ? null : v.id,
    inventory_level: p.inventory_tracking === 'product' ? p.inventory_level : v.inventory_level,
    option_values: index === 0 ? [] : [{ id: v.id, label: v.sku, option_id: 1, option_display_name: 'Option' }],
  };
}

export function v3Page(data: unknown[], total: number, page: number, limit: number): Record<string, unknown> {
  const totalPages = Math.max(1, Math.ceil(total / limit));
  return {
    data,
    meta: {
      pagination: {
        total,
        count: data.length,
        per_page: limit,
        current_page: page,
        total_pages: totalPages,
        links: { current: `?page=${page}&limit=${limit}`, ...(page < totalPages ? { next: `?page=${page + 1}&limit=${limit}` } : {}) },
      },
    },
  };
}

function addressFields(a: FakeBcAddress): FakeBcAddress {
  return {
    first_name: a.first_name,
    last_name: a.last_name,
    company: a.company,
    street_1: a.street_1,
    street_2: a.street_2,
    city: a.city,
    state: a.state,
    zip: a.zip,
    country: a.country,
    country_iso2: a.country_iso2,
    phone: a.phone,
    email: a.email,
  };
}
