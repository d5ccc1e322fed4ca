import { z } from 'zod';

/**
 * The shapes of Etsy's replies the connector reads (Open API v3, etsy/open-api openapi.json). A list's
 * envelope is checked whole (a bad one fails the run); each receipt in it is checked on its own by the
 * receipt mapper, so one odd receipt is recorded invalid and the rest flow.
 */

/** {amount, divisor, currency_code}: amount / divisor in the currency (amount 1999, divisor 100 = 19.99). */
export const moneySchema = z.object({
  amount: z.number().int(),
  divisor: z.number().int().positive(),
  currency_code: z.string().min(3).max(3),
});
export type EtsyMoney = z.infer<typeof moneySchema>;

/** A page of a list: {count, results}. The items are read one by one. */
export const listPageSchema = z.object({ count: z.number().int().nonnegative(), results: z.array(z.unknown()) });

export const transactionSchema = z.object({
  transaction_id: z.number().int(),
  listing_id: z.number().int().nullish(),
  product_id: z.number().int().nullish(),
  sku: z.string().nullish(),
  title: z.string().nullish(),
  quantity: z.number().int().nonnegative(),
  price: moneySchema,
  shipping_method: z.string().nullish(),
  shipping_upgrade: z.string().nullish(),
});
export type EtsyTransaction = z.infer<typeof transactionSchema>;

export const receiptShipmentSchema = z.object({
  receipt_shipping_id: z.number().int().nullish(),
  tracking_code: z.string().nullish(),
  carrier_name: z.string().nullish(),
});

/** What identifies a receipt even when the rest of it is off the documented shape. */
export const receiptStampSchema = z.object({
  receipt_id: z.number().int(),
  update_timestamp: z.number().int().optional(),
  updated_timestamp: z.number().int().optional(),
});

export const receiptSchema = z.object({
  receipt_id: z.number().int(),
  status: z.string().nullish(),
  buyer_email: z.string().nullish(),
  name: z.string().nullish(),
  first_line: z.string().nullish(),
  second_line: z.string().nullish(),
  city: z.string().nullish(),
  state: z.string().nullish(),
  zip: z.string().nullish(),
  country_iso: z.string().nullish(),
  message_from_buyer: z.string().nullish(),
  gift_message: z.string().nullish(),
  is_paid: z.boolean(),
  is_shipped: z.boolean(),
  create_timestamp: z.number().int(),
  update_timestamp: z.number().int().optional(),
  updated_timestamp: z.number().int().optional(),
  grandtotal: moneySchema,
  subtotal: moneySchema,
  total_shipping_cost: moneySchema,
  total_tax_cost: moneySchema,
  discount_amt: moneySchema,
  shipments: z.array(receiptShipmentSchema).nullish(),
  /** Embedded by newer API versions; fetched per receipt where absent. */
  transactions: z.array(transactionSchema).optional(),
});
export type EtsyReceipt = z.infer<typeof receiptSchema>;

export const shopSchema = z.object({ shop_id: z.number().int(), shop_name: z.string().nullish() });
export const meSchema = z.object({ user_id: z.number().int(), shop_id: z.number().int().nullish() });

/** getListingInventory, read whole so every field of it goes back in the PUT. */
export const inventorySchema = z.object({
  products: z.array(
    z.looseObject({
      product_id: z.number().int().optional(),
      sku: z.string().nullish(),
      is_deleted: z.boolean().optional(),
      property_values: z.array(z.looseObject({})).default([]),
      offerings: z.array(
        z.looseObject({
          product_offering_id: z.number().int().optional(),
          price: z.union([moneySchema, z.number()]),
          quantity: z.number().int(),
          is_enabled: z.boolean(),
          is_deleted: z.boolean().optional(),
        }),
      ),
    }),
  ),
  price_on_property: z.array(z.number().int()).default([]),
  quantity_on_property: z.array(z.number().int()).default([]),
  sku_on_property: z.array(z.number().int()).default([]),
});
export type EtsyInventory = z.infer<typeof inventorySchema>;

/** A listing of getListingsByShop with includes=Inventory: only what maps SKUs to listings. */
export const listingWithSkusSchema = z.object({
  listing_id: z.number().int(),
  skus: z.array(z.string()).nullish(),
  inventory: z.object({ products: z.array(z.object({ sku: z.string().nullish(), is_deleted: z.boolean().optional() })) }).nullish(),
});
