import { z } from 'zod';

/**
 * The SP-API replies the connector reads, as ordersV0.json, listingsItems_2021-08-01.json and the
 * Tokens and Sellers APIs document them. Only what is read is checked; unknown fields pass. Orders and
 * order items are checked one by one (order-mapper.ts), so one off the documented shape is recorded
 * invalid and the others flow; a reply whose envelope is wrong fails the call.
 */

const money = z.object({ CurrencyCode: z.string().optional(), Amount: z.string().optional() });
export type AmazonMoney = z.infer<typeof money>;

export const getOrdersReplySchema = z.object({
  payload: z.object({
    Orders: z.array(z.unknown()),
    NextToken: z.string().optional(),
    LastUpdatedBefore: z.string().optional(),
    CreatedBefore: z.string().optional(),
  }),
});

/** What identifies an order even when the rest of it is off shape: its id and its last update. */
export const orderStampSchema = z.object({ AmazonOrderId: z.string().min(1), LastUpdateDate: z.string().optional() });

export const amazonAddressSchema = z.object({
  Name: z.string().optional(),
  CompanyName: z.string().optional(),
  AddressLine1: z.string().optional(),
  AddressLine2: z.string().optional(),
  AddressLine3: z.string().optional(),
  City: z.string().optional(),
  County: z.string().optional(),
  District: z.string().optional(),
  StateOrRegion: z.string().optional(),
  PostalCode: z.string().optional(),
  CountryCode: z.string().optional(),
  Phone: z.string().optional(),
  AddressType: z.string().optional(),
});
export type AmazonAddress = z.infer<typeof amazonAddressSchema>;

export const amazonOrderSchema = z.object({
  AmazonOrderId: z.string().min(1),
  SellerOrderId: z.string().optional(),
  PurchaseDate: z.string(),
  LastUpdateDate: z.string(),
  OrderStatus: z.string(),
  FulfillmentChannel: z.enum(['MFN', 'AFN']).optional(),
  SalesChannel: z.string().optional(),
  ShipServiceLevel: z.string().optional(),
  ShipmentServiceLevelCategory: z.string().optional(),
  OrderTotal: money.optional(),
  MarketplaceId: z.string().optional(),
  EarliestShipDate: z.string().optional(),
  LatestShipDate: z.string().optional(),
  IsPrime: z.boolean().optional(),
  IsBusinessOrder: z.boolean().optional(),
  ShippingAddress: amazonAddressSchema.optional(),
  BuyerInfo: z
    .object({ BuyerEmail: z.string().optional(), BuyerName: z.string().optional(), PurchaseOrderNumber: z.string().optional() })
    .optional(),
});
export type AmazonOrder = z.infer<typeof amazonOrderSchema>;

export const getOrderItemsReplySchema = z.object({
  payload: z.object({
    AmazonOrderId: z.string().optional(),
    OrderItems: z.array(z.unknown()),
    NextToken: z.string().optional(),
  }),
});

export const amazonOrderItemSchema = z.object({
  ASIN: z.string(),
  SellerSKU: z.string().optional(),
  OrderItemId: z.string().min(1),
  Title: z.string().optional(),
  QuantityOrdered: z.number().int().nonnegative(),
  QuantityShipped: z.number().int().nonnegative().optional(),
  ItemPrice: money.optional(),
  ItemTax: money.optional(),
  ShippingPrice: money.optional(),
  ShippingTax: money.optional(),
  ShippingDiscount: money.optional(),
  PromotionDiscount: money.optional(),
  IsGift: z.union([z.boolean(), z.string()]).optional(),
});
export type AmazonOrderItem = z.infer<typeof amazonOrderItemSchema>;

export const getOrderReplySchema = z.object({ payload: z.unknown() });

export const restrictedDataTokenReplySchema = z.object({ restrictedDataToken: z.string().min(1), expiresIn: z.number().positive() });

export const listingsPatchReplySchema = z.object({
  sku: z.string(),
  status: z.enum(['ACCEPTED', 'INVALID', 'VALID']),
  submissionId: z.string().optional(),
  issues: z
    .array(z.object({ code: z.string(), message: z.string(), severity: z.string().optional(), attributeNames: z.array(z.string()).optional() }))
    .optional(),
});

export const marketplaceParticipationsReplySchema = z.object({
  payload: z.array(
    z.object({
      marketplace: z.object({ id: z.string(), name: z.string().optional(), countryCode: z.string().optional() }),
      participation: z.object({ isParticipating: z.boolean() }).optional(),
    }),
  ),
});

/** confirmShipment answers 204 with no body. */
export const noContentSchema = z.undefined();
