/** The fake shop's own records (what a real shop stores), from which GraphQL views are built. */

export interface FakeAddress {
  firstName: string;
  lastName: string;
  company: string | null;
  address1: string;
  address2: string | null;
  city: string;
  province: string;
  provinceCode: string;
  zip: string;
  country: string;
  countryCodeV2: string;
  phone: string | null;
}

export interface FakeLineItem {
  id: string;
  sku: string | null;
  name: string;
  quantity: number;
  currentQuantity: number;
  /** Cents. */
  unitPriceCents: number;
  discountCents: number;
  variantIndex: number | null;
}

export interface FakeFulfillmentOrderLine {
  id: string;
  lineItemId: string;
  totalQuantity: number;
  remainingQuantity: number;
}

export type FakeFulfillmentOrderStatus = 'OPEN' | 'IN_PROGRESS' | 'CLOSED' | 'CANCELLED' | 'ON_HOLD';

export interface FakeFulfillmentOrder {
  id: string;
  status: FakeFulfillmentOrderStatus;
  locationIndex: number;
  lines: FakeFulfillmentOrderLine[];
}

export interface FakeFulfillment {
  id: string;
  name: string;
  status: 'SUCCESS' | 'CANCELLED';
  createdAt: string;
  notifyCustomer: boolean;
  trackingInfo: { company: string | null; number: string | null; url: string | null }[];
  lines: { fulfillmentOrderLineId: string; lineItemId: string; quantity: number }[];
}

export interface FakeShippingLine {
  code: string | null;
  title: string;
  source: string | null;
  carrierIdentifier: string | null;
  priceCents: number;
}

export interface FakeOrder {
  /** Position in creation order; the numeric id and the name derive from it. */
  index: number;
  id: string;
  name: string;
  createdMs: number;
  updatedMs: number;
  cancelledMs: number | null;
  closedMs: number | null;
  email: string | null;
  phone: string | null;
  poNumber: string | null;
  note: string | null;
  tags: string[];
  /** Order.test: placed through a test payment gateway. */
  test: boolean;
  currencyCode: string;
  financialStatus: string | null;
  fulfillmentStatus: string;
  customAttributes: { key: string; value: string | null }[];
  taxCents: number;
  shippingAddress: FakeAddress | null;
  billingAddress: FakeAddress | null;
  shippingLine: FakeShippingLine | null;
  lineItems: FakeLineItem[];
  fulfillmentOrders: FakeFulfillmentOrder[];
  fulfillments: FakeFulfillment[];
  /** Test hook: values put over the GraphQL view as they are (e.g. a malformed amount). */
  raw?: Record<string, unknown>;
}

export interface FakeVariant {
  index: number;
  id: string;
  sku: string | null;
  title: string;
  priceCents: number;
  inventoryItemId: string;
}

export interface FakeLocation {
  index: number;
  id: string;
  name: string;
  isActive: boolean;
}
