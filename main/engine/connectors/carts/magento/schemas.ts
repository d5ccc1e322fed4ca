import { z } from 'zod';

/**
 * The parts of Magento's REST replies the connector reads (field names of Magento\Sales\Api\Data\*
 * and the search result). Objects are loose on purpose: Magento and its extensions add fields freely, and
 * only what we read is checked. Amounts and quantities are numbers, but some extensions hand back numeric
 * strings, so both are accepted here and converted in values.ts.
 */

const numeric = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)]);
const text = z.string();
const optionalText = z.string().nullish();
/** Magento ids are integers in JSON; a few extensions stringify them. */
const id = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);

export const magentoAddressSchema = z.looseObject({
  firstname: optionalText,
  lastname: optionalText,
  company: optionalText,
  street: z.array(z.string().nullable()).nullish(),
  city: optionalText,
  region: optionalText,
  region_code: optionalText,
  postcode: optionalText,
  country_id: optionalText,
  telephone: optionalText,
  email: optionalText,
});
export type MagentoAddress = z.infer<typeof magentoAddressSchema>;

export const magentoOrderItemSchema = z.looseObject({
  item_id: id,
  parent_item_id: id.nullish(),
  sku: optionalText,
  name: optionalText,
  product_type: optionalText,
  qty_ordered: numeric,
  qty_shipped: numeric.nullish(),
  qty_canceled: numeric.nullish(),
  qty_refunded: numeric.nullish(),
  price: numeric.nullish(),
  discount_amount: numeric.nullish(),
});
export type MagentoOrderItem = z.infer<typeof magentoOrderItemSchema>;

export const magentoOrderSchema = z.looseObject({
  entity_id: id,
  increment_id: text.min(1),
  created_at: text,
  updated_at: text,
  state: optionalText,
  status: optionalText,
  customer_email: optionalText,
  customer_note: optionalText,
  order_currency_code: text.min(1),
  subtotal: numeric.nullish(),
  discount_amount: numeric.nullish(),
  tax_amount: numeric.nullish(),
  shipping_amount: numeric.nullish(),
  grand_total: numeric,
  shipping_description: optionalText,
  /** Not in OrderInterface, but older stores and some extensions still send it. */
  shipping_method: optionalText,
  items: z.array(magentoOrderItemSchema),
  billing_address: magentoAddressSchema.nullish(),
  extension_attributes: z
    .looseObject({
      shipping_assignments: z
        .array(
          z.looseObject({
            shipping: z.looseObject({ address: magentoAddressSchema.nullish(), method: optionalText }).nullish(),
          }),
        )
        .nullish(),
    })
    .nullish(),
});
export type MagentoOrder = z.infer<typeof magentoOrderSchema>;

/**
 * GET /V1/orders. Items stay unknown here: one malformed order is recorded against itself by the mapper
 * and must not fail the page. What must hold is what paging and the sync position need.
 */
export const orderSearchResultSchema = z.looseObject({
  items: z.array(z.unknown()),
  total_count: z.number().int().nonnegative(),
  search_criteria: z.unknown().optional(),
});
export type OrderSearchResult = z.infer<typeof orderSearchResultSchema>;

/** Just enough of an order to place it on the timeline even when the rest of it is malformed. */
export const orderStampSchema = z.looseObject({ entity_id: id, updated_at: text, increment_id: text.nullish() });

/** Magento's error body: {"message": "... %1 ... %name ...", "parameters": [..] | {name: ..}}. */
export const magentoErrorSchema = z.looseObject({
  message: text,
  parameters: z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())]).nullish(),
});
export type MagentoErrorBody = z.infer<typeof magentoErrorSchema>;

/** POST /V1/integration/admin/token answers the token as a bare JSON string. */
export const adminTokenSchema = z.string().min(1);

/** POST /V1/order/{id}/ship answers the new shipment's id. */
export const shipmentIdSchema = id;

/** POST /V1/shipment/track answers the saved track. */
export const shipmentTrackSchema = z.looseObject({ entity_id: id.nullish(), parent_id: id.nullish(), track_number: z.string().nullish() });

/** GET /V1/stockItems/{sku} (legacy CatalogInventory). */
export const stockItemSchema = z.looseObject({ item_id: id, qty: numeric.nullish(), is_in_stock: z.boolean().nullish() });

/** GET /V1/shipments: enough to tell whether a shipment with a tracking number exists. */
export const shipmentSearchResultSchema = z.looseObject({
  items: z.array(
    z.looseObject({
      entity_id: id,
      order_id: id,
      tracks: z.array(z.looseObject({ track_number: z.string() })).nullish(),
    }),
  ),
  total_count: z.number().int().nonnegative(),
});

/** GET /V1/products with fields=items[sku]: which of the SKUs asked for the catalog has. */
export const productSkuSearchSchema = z.looseObject({
  items: z.array(z.looseObject({ sku: z.string() })),
  total_count: z.number().int().nonnegative(),
});

/** GET /V1/inventory/sources: present only where Multi-Source Inventory is installed. */
export const sourceSearchSchema = z.looseObject({
  items: z.array(z.looseObject({ source_code: z.string(), enabled: z.boolean().nullish() })),
});

/** A void service method's reply (POST /V1/inventory/source-items answers []). */
export const voidReplySchema = z.array(z.unknown());

/** PUT /V1/products/{sku}/stockItems/{itemId} answers the stock item id. */
export const stockItemIdSchema = id;
