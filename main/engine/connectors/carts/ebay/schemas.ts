import { z } from 'zod';

/**
 * eBay's replies as the Sell Fulfillment and Inventory APIs document them, checked before anything reads
 * them. Amounts stay strings ({"value":"12.00","currency":"USD"}): money is never a float here.
 */

const amount = z.object({ value: z.string().regex(/^-?\d+(\.\d+)?$/, 'is not an amount'), currency: z.string().min(3).max(3) });
export type EbayAmount = z.infer<typeof amount>;

/** eBay's error envelope (schema Error): every API answers failures with it. */
export const ebayErrorSchema = z.object({
  errors: z
    .array(
      z.object({
        errorId: z.number().optional(),
        domain: z.string().optional(),
        category: z.string().optional(),
        message: z.string().optional(),
        longMessage: z.string().optional(),
        parameters: z.array(z.object({ name: z.string().optional(), value: z.string().optional() })).optional(),
      }),
    )
    .min(1),
});
export type EbayErrorEnvelope = z.infer<typeof ebayErrorSchema>;

/** The OAuth token endpoint's failure: {"error":"invalid_grant","error_description":"..."}. */
export const oauthErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

export const accessTokenReplySchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
  token_type: z.string().optional(),
  refresh_token: z.string().min(1).optional(),
  refresh_token_expires_in: z.number().positive().optional(),
});

const address = z
  .object({
    addressLine1: z.string().nullish(),
    addressLine2: z.string().nullish(),
    city: z.string().nullish(),
    stateOrProvince: z.string().nullish(),
    postalCode: z.string().nullish(),
    countryCode: z.string().nullish(),
  })
  .nullish();

const contact = z
  .object({
    fullName: z.string().nullish(),
    companyName: z.string().nullish(),
    email: z.string().nullish(),
    primaryPhone: z.object({ phoneNumber: z.string().nullish() }).nullish(),
    contactAddress: address,
  })
  .nullish();
export type EbayContact = z.infer<typeof contact>;

export const lineItemSchema = z.object({
  lineItemId: z.string().min(1),
  legacyItemId: z.string().nullish(),
  legacyVariationId: z.string().nullish(),
  sku: z.string().nullish(),
  title: z.string().nullish(),
  quantity: z.number().int().nonnegative(),
  lineItemCost: amount,
  discountedLineItemCost: amount.nullish(),
  lineItemFulfillmentStatus: z.string().nullish(),
});
export type EbayLineItem = z.infer<typeof lineItemSchema>;

export const orderSchema = z.object({
  orderId: z.string().min(1),
  legacyOrderId: z.string().nullish(),
  creationDate: z.string(),
  lastModifiedDate: z.string(),
  orderFulfillmentStatus: z.string(),
  orderPaymentStatus: z.string().nullish(),
  salesRecordReference: z.string().nullish(),
  buyerCheckoutNotes: z.string().nullish(),
  buyer: z.object({ username: z.string().nullish(), buyerRegistrationAddress: contact }).nullish(),
  cancelStatus: z.object({ cancelState: z.string().nullish() }).nullish(),
  pricingSummary: z.object({
    priceSubtotal: amount,
    priceDiscount: amount.nullish(),
    deliveryCost: amount.nullish(),
    tax: amount.nullish(),
    total: amount,
  }),
  fulfillmentStartInstructions: z
    .array(z.object({ shippingStep: z.object({ shippingCarrierCode: z.string().nullish(), shippingServiceCode: z.string().nullish(), shipTo: contact }).nullish() }))
    .nullish(),
  lineItems: z.array(lineItemSchema).min(1, 'the order has no line items'),
});
export type EbayOrder = z.infer<typeof orderSchema>;

/** What identifies an order even when the rest of it is off the documented shape. */
export const orderStampSchema = z.object({ orderId: z.string().min(1), lastModifiedDate: z.string().optional() });

/** getOrders' page: orders are checked one by one (orderSchema), the page's frame here. */
export const orderPageSchema = z.object({
  total: z.number().int().nonnegative(),
  limit: z.number().int().positive(),
  offset: z.number().int().nonnegative(),
  next: z.string().optional(),
  orders: z.array(z.unknown()),
  warnings: z.array(z.unknown()).optional(),
});

export const shippingFulfillmentsSchema = z.object({
  total: z.number().int().nonnegative().optional(),
  fulfillments: z
    .array(
      z.object({
        fulfillmentId: z.string().min(1),
        shipmentTrackingNumber: z.string().nullish(),
        shippingCarrierCode: z.string().nullish(),
        lineItems: z.array(z.object({ lineItemId: z.string(), quantity: z.number().int().optional() })).nullish(),
      }),
    )
    .default([]),
});

export const offersSchema = z.object({
  total: z.number().int().nonnegative().optional(),
  offers: z.array(z.object({ offerId: z.string().min(1), sku: z.string(), marketplaceId: z.string().optional() })).default([]),
});

export const bulkPriceQuantityReplySchema = z.object({
  responses: z
    .array(
      z.object({
        statusCode: z.number().int(),
        sku: z.string().optional(),
        offerId: z.string().optional(),
        errors: z.array(z.object({ errorId: z.number().optional(), message: z.string().optional(), longMessage: z.string().optional() })).optional(),
      }),
    )
    .default([]),
});

/** Analytics getRateLimits isn't needed: the privilege check of Test is one cheap getOrders call. */
