import { z } from 'zod';

/**
 * The parts of WooCommerce REST v3 replies the connector reads (woocommerce-rest-api-docs, wp-api-v3),
 * checked before use: replies are untrusted, and a plugin can change any field. Unknown fields are
 * dropped. Money is a decimal string; dates are "YYYY-MM-DDTHH:MM:SS" without an offset, in the site's
 * zone, or in GMT for the *_gmt twins (the only ones we read).
 */

const DECIMAL = /^-?\d+(\.\d+)?$/;
/** GMT date as WooCommerce writes it; a trailing Z or fraction is tolerated (some plugins add them). */
const GMT_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z?$/;

export const moneySchema = z.string().regex(DECIMAL, 'is not a decimal amount');
export const gmtDateSchema = z.string().regex(GMT_DATE, 'is not a date as YYYY-MM-DDTHH:MM:SS');
/** Text fields that plugins sometimes null out. */
const text = z.string().nullish().transform((v) => v ?? '');

export const wooAddressSchema = z.object({
  first_name: text,
  last_name: text,
  company: text,
  address_1: text,
  address_2: text,
  city: text,
  state: text,
  postcode: text,
  country: text,
  email: text.optional(),
  phone: text.optional(),
});
export type WooAddress = z.infer<typeof wooAddressSchema>;

export const wooLineItemSchema = z.object({
  id: z.number().int(),
  name: text,
  product_id: z.number().int().nullish(),
  variation_id: z.number().int().nullish(),
  quantity: z.number().int().nonnegative(),
  subtotal: moneySchema,
  total: moneySchema,
  // Community taps have seen `false` for a product without a SKU.
  sku: z.union([z.string(), z.literal(false)]).nullish().transform((v) => (typeof v === 'string' ? v.trim() : '')),
  price: z.number().nullish(),
});
export type WooLineItem = z.infer<typeof wooLineItemSchema>;

export const wooShippingLineSchema = z.object({
  id: z.number().int(),
  method_title: text,
  method_id: text,
  instance_id: z.union([z.string(), z.number()]).nullish(),
  total: moneySchema,
});

export const wooMetaSchema = z.object({ key: z.string(), value: z.unknown() });

export const wooOrderSchema = z.object({
  id: z.number().int().positive(),
  number: z.union([z.string(), z.number()]).transform(String),
  status: z.string().min(1),
  currency: z.string().min(1),
  date_created_gmt: gmtDateSchema,
  date_modified_gmt: gmtDateSchema,
  date_paid_gmt: gmtDateSchema.nullish(),
  discount_total: moneySchema,
  shipping_total: moneySchema,
  total_tax: moneySchema,
  total: moneySchema,
  customer_note: text,
  billing: wooAddressSchema,
  shipping: wooAddressSchema,
  line_items: z.array(wooLineItemSchema),
  shipping_lines: z.array(wooShippingLineSchema).default([]),
  meta_data: z.array(wooMetaSchema).default([]),
});
export type WooOrder = z.infer<typeof wooOrderSchema>;

/** Just enough of an order to name it and move the sync position past it when the rest is broken. */
export const wooOrderIdentitySchema = z.object({
  id: z.number().int().positive(),
  number: z.union([z.string(), z.number()]).transform(String).optional().catch(undefined),
  date_modified_gmt: gmtDateSchema.optional().catch(undefined),
});

export const wooProductSchema = z.object({
  id: z.number().int().positive(),
  type: z.string(),
  sku: z.string().nullish().transform((v) => v ?? ''),
  manage_stock: z.union([z.boolean(), z.literal('parent')]).nullish().transform((v) => v ?? false),
  stock_quantity: z.number().int().nullish().transform((v) => v ?? null),
  parent_id: z.number().int().nullish(),
  variations: z.array(z.number().int()).nullish().transform((v) => v ?? []),
});
export type WooProduct = z.infer<typeof wooProductSchema>;

export const wooVariationSchema = z.object({
  id: z.number().int().positive(),
  parent_id: z.number().int().nullish(),
  sku: z.string().nullish().transform((v) => v ?? ''),
  manage_stock: z.union([z.boolean(), z.literal('parent')]).nullish().transform((v) => v ?? false),
  stock_quantity: z.number().int().nullish().transform((v) => v ?? null),
});
export type WooVariation = z.infer<typeof wooVariationSchema>;

/** WordPress's error body: {code, message, data:{status}} (docs, "Errors"). */
export const wpErrorSchema = z.object({
  code: z.string(),
  message: z.string().catch(''),
  data: z.object({ status: z.number().optional() }).nullish().catch(null),
});
export type WpError = z.infer<typeof wpErrorSchema>;

/** One answer of a batch: the object written, or {id, error}. */
export const batchItemSchema = z.union([
  z.object({ id: z.number().int(), error: wpErrorSchema }),
  z.object({ id: z.number().int() }).loose(),
]);
export const batchReplySchema = z.object({
  create: z.array(batchItemSchema).optional(),
  update: z.array(batchItemSchema).optional(),
  delete: z.array(batchItemSchema).optional(),
});

export const orderNoteSchema = z.object({ id: z.number().int(), note: z.string(), customer_note: z.boolean().optional() });

export const trackingItemSchema = z.object({
  tracking_id: z.string(),
  tracking_provider: text,
  tracking_link: text,
  tracking_number: z.string(),
  date_shipped: text,
});
export type WooTrackingItem = z.infer<typeof trackingItemSchema>;

/** GET /wp-json: the site's name and the REST namespaces its plugins registered. */
export const siteIndexSchema = z.object({
  name: z.string().catch(''),
  namespaces: z.array(z.string()),
});
export type SiteIndex = z.infer<typeof siteIndexSchema>;

/** "line_items.0.quantity: expected int" from a zod error, for an invalid order's reason. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'does not match the documented shape';
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  return `${path || 'the order'}: ${issue.message}`;
}
