/** The shapes the connector's queries ask Shopify for (GraphQL Admin API field names). */

export interface ShopifyMoneyBag {
  shopMoney: { amount: string; currencyCode?: string };
}

export interface ShopifyMailingAddress {
  firstName?: string | null;
  lastName?: string | null;
  company?: string | null;
  address1?: string | null;
  address2?: string | null;
  city?: string | null;
  province?: string | null;
  provinceCode?: string | null;
  zip?: string | null;
  country?: string | null;
  countryCodeV2?: string | null;
  phone?: string | null;
}

export interface ShopifyLineItem {
  id: string;
  sku: string | null;
  name: string;
  quantity: number;
  currentQuantity: number;
  unfulfilledQuantity: number;
  originalUnitPriceSet: ShopifyMoneyBag;
  totalDiscountSet: ShopifyMoneyBag;
}

export interface ShopifyPageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface ShopifyOrderNode {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  processedAt?: string | null;
  cancelledAt: string | null;
  closedAt: string | null;
  email: string | null;
  phone: string | null;
  poNumber: string | null;
  note: string | null;
  test: boolean;
  currencyCode: string;
  displayFinancialStatus: string | null;
  displayFulfillmentStatus: string;
  customAttributes: { key: string; value: string | null }[];
  subtotalPriceSet: ShopifyMoneyBag | null;
  totalDiscountsSet: ShopifyMoneyBag | null;
  totalTaxSet: ShopifyMoneyBag | null;
  totalShippingPriceSet: ShopifyMoneyBag | null;
  totalPriceSet: ShopifyMoneyBag;
  shippingAddress: ShopifyMailingAddress | null;
  billingAddress: ShopifyMailingAddress | null;
  shippingLine: { code: string | null; title: string; source: string | null; carrierIdentifier: string | null } | null;
  lineItems: { pageInfo: ShopifyPageInfo; nodes: ShopifyLineItem[] };
}

export interface ShopifyThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface ShopifyCost {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: ShopifyThrottleStatus;
}

export interface ShopifyUserError {
  field?: string[] | null;
  message: string;
  code?: string | null;
}
