import { z } from 'zod';
import { isDecimal } from './values.js';

/**
 * The payload shapes the connector reads (orders.v2, catalog and inventory v3), as documented. Only
 * the fields Dockhand uses are checked; everything else passes through untouched (loose objects),
 * so a field BigCommerce adds tomorrow breaks nothing.
 */

/** v2 money: a decimal string ("336.3200"). A number here is a payload that left the documented shape. */
const money = z.string().refine(isDecimal, 'is not a decimal string');
/** v2 strings that stores leave empty or null. */
const text = z.string().nullish();
const id = z.number().int().positive();
const count = z.number().int().nonnegative();

export const bcAddressSchema = z.looseObject({
  first_name: text,
  last_name: text,
  company: text,
  street_1: text,
  street_2: text,
  city: text,
  state: text,
  zip: text,
  country: text,
  country_iso2: text,
  phone: text,
  email: text,
});

export const bcOrderSchema = z.looseObject({
  id,
  date_created: z.string(),
  date_modified: z.string(),
  status_id: z.number().int().nonnegative(),
  status: z.string(),
  subtotal_ex_tax: money,
  shipping_cost_ex_tax: money,
  total_tax: money,
  total_inc_tax: money,
  discount_amount: money,
  coupon_discount: money,
  currency_code: z.string().min(1),
  payment_status: text,
  customer_message: text,
  billing_address: bcAddressSchema,
  is_deleted: z.boolean().optional(),
});
export type BcOrder = z.infer<typeof bcOrderSchema>;

export const bcOrderProductSchema = z.looseObject({
  /** The order_product_id that shipments name. */
  id,
  order_id: id,
  product_id: count,
  variant_id: count.nullish(),
  order_address_id: count,
  name: z.string(),
  sku: text,
  type: z.string(),
  quantity: count,
  quantity_shipped: count,
  quantity_refunded: count.optional(),
  price_ex_tax: money,
  wrapping_message: text,
  applied_discounts: z.array(z.looseObject({ amount: money })).optional(),
});
export type BcOrderProduct = z.infer<typeof bcOrderProductSchema>;

export const bcShippingAddressSchema = bcAddressSchema.extend({
  id,
  /** Absent on a shipping consignment embedded in its order. */
  order_id: id.optional(),
  shipping_method: text,
});
export type BcShippingAddress = z.infer<typeof bcShippingAddressSchema>;

export const bcOrderProductsSchema = z.array(bcOrderProductSchema);
export const bcShippingAddressesSchema = z.array(bcShippingAddressSchema);

/**
 * An order's consignments as `include=consignments.line_items&consignment_structure=object` embeds
 * them: shipping consignments are its shipping addresses, each with its product lines; digital lines
 * come under downloads. Only the outline is checked here; the lines and addresses are checked by the
 * order mapper with the same schemas as the sub-resources.
 */
export const bcEmbeddedConsignmentsSchema = z.looseObject({
  pickups: z.array(z.looseObject({ line_items: z.array(z.unknown()).optional() })).optional(),
  shipping: z.array(z.looseObject({ line_items: z.array(z.unknown()) })),
  downloads: z.array(z.looseObject({ line_items: z.array(z.unknown()) })).optional(),
});

/** The answer to POST /orders/{id}/shipments (201). */
export const bcShipmentSchema = z.looseObject({
  id,
  order_id: id,
  order_address_id: id,
  tracking_number: text,
  items: z.array(z.looseObject({ order_product_id: id, quantity: count })),
});
export type BcShipment = z.infer<typeof bcShipmentSchema>;

/** v3 list envelope: { data: [...], meta: { pagination } }. */
export function bcV3ListSchema<T extends z.ZodType>(item: T) {
  return z.looseObject({
    data: z.array(item),
    meta: z.looseObject({
      pagination: z.looseObject({ total: count, count, per_page: count, current_page: count, total_pages: count }),
    }),
  });
}

export const bcVariantSchema = z.looseObject({
  id,
  product_id: id,
  sku: z.string(),
  inventory_level: z.number().int().optional(),
});
export type BcVariant = z.infer<typeof bcVariantSchema>;

export const bcProductSchema = z.looseObject({
  id,
  sku: z.string(),
  inventory_tracking: z.enum(['none', 'product', 'variant']),
  base_variant_id: id.nullish(),
});
export type BcProduct = z.infer<typeof bcProductSchema>;

/** The answer to PUT /v3/inventory/adjustments/absolute. */
export const bcInventoryTransactionSchema = z.looseObject({ transaction_id: z.string() });

/** v2 errors: [{ status, message }]. */
export const bcV2ErrorSchema = z.array(z.looseObject({ status: z.number().optional(), message: z.string() }));
/** v3 and gateway errors (problem+json): { status, title, type, errors }. */
export const bcV3ErrorSchema = z.looseObject({
  status: z.number().optional(),
  title: z.string(),
  type: z.string().optional(),
  errors: z.record(z.string(), z.unknown()).optional(),
});

/** "billing_address.email: Invalid input: expected string, received number" (first issues), for an invalid order's reason. */
export function describeIssues(error: z.ZodError, prefix = ''): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${[prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}
