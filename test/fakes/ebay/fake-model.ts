/**
 * The fake eBay seller's data, shaped as the Sell Fulfillment API's Order and ShippingFulfillment and the
 * Inventory API's offer (developer.ebay.com, sell/fulfillment/v1 and sell/inventory/v1): times as ISO
 * UTC with milliseconds, amounts as {"value":"12.00","currency":"USD"}.
 */

export interface Amount {
  value: string;
  currency: string;
}

export interface FakeLineItem {
  lineItemId: string;
  legacyItemId: string;
  legacyVariationId?: string;
  sku: string;
  title: string;
  quantity: number;
  lineItemCost: Amount;
  lineItemFulfillmentStatus: 'NOT_STARTED' | 'IN_PROGRESS' | 'FULFILLED';
}

export interface FakeOrder {
  orderId: string;
  legacyOrderId: string;
  creationDate: string;
  lastModifiedDate: string;
  orderFulfillmentStatus: 'NOT_STARTED' | 'IN_PROGRESS' | 'FULFILLED';
  orderPaymentStatus: 'PAID';
  salesRecordReference: string;
  buyerCheckoutNotes?: string;
  buyer: { username: string };
  cancelStatus: { cancelState: 'NONE_REQUESTED' | 'CANCELED' };
  pricingSummary: { priceSubtotal: Amount; deliveryCost: Amount; tax: Amount; total: Amount };
  fulfillmentStartInstructions: {
    fulfillmentInstructionsType: 'SHIP_TO';
    shippingStep: {
      shippingCarrierCode: string;
      shippingServiceCode: string;
      shipTo: {
        fullName: string;
        email: string;
        primaryPhone: { phoneNumber: string };
        contactAddress: { addressLine1: string; city: string; stateOrProvince: string; postalCode: string; countryCode: string };
      };
    };
  }[];
  lineItems: FakeLineItem[];
}

export interface FakeFulfillment {
  fulfillmentId: string;
  orderId: string;
  shipmentTrackingNumber: string;
  shippingCarrierCode: string;
  shippedDate: string;
  lineItems: { lineItemId: string; quantity: number }[];
}

export interface LineSeed {
  sku: string;
  quantity: number;
  /** Unit price as a decimal string. */
  price: string;
}

export interface OrderSeed {
  lines?: LineSeed[];
  /** ISO; the fake's now by default. */
  createdAt?: string;
}

/** Cents of a decimal string ("12.50" -> 1250), exact. */
export function cents(value: string): number {
  const [whole, fraction = ''] = value.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
}

export function amount(centsValue: number, currency = 'USD'): Amount {
  return { value: `${Math.floor(centsValue / 100)}.${String(centsValue % 100).padStart(2, '0')}`, currency };
}

/** eBay's order id form "27-01234-05678", unique per n. */
export function orderIdOf(n: number): string {
  return `27-${String(n).padStart(5, '0')}-${String((n * 7919) % 100_000).padStart(5, '0')}`;
}

const NAMES = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Edsger Dijkstra', 'Barbara Liskov'];

/** A deterministic order number n (the bench seeds thousands): one line by default. */
export function buildOrder(n: number, at: string, seed: OrderSeed = {}): FakeOrder {
  const lines = seed.lines ?? [{ sku: `EB-SKU-${n % 50}`, quantity: 1 + (n % 3), price: `${5 + (n % 20)}.99` }];
  const lineItems: FakeLineItem[] = lines.map((l, i) => ({
    lineItemId: String(10_000_000_000 + n * 10 + i),
    legacyItemId: String(110_000_000_000 + (n % 1000)),
    ...(i % 2 === 1 ? { legacyVariationId: String(400_000_000_000 + i) } : {}),
    sku: l.sku,
    title: `Listing of ${l.sku}`,
    quantity: l.quantity,
    lineItemCost: amount(cents(l.price) * l.quantity),
    lineItemFulfillmentStatus: 'NOT_STARTED',
  }));
  const subtotal = lineItems.reduce((sum, l) => sum + cents(l.lineItemCost.value), 0);
  const delivery = 499;
  const tax = Math.round(subtotal * 0.08);
  const createdAt = seed.createdAt ?? at;
  return {
    orderId: orderIdOf(n),
    legacyOrderId: `${110_000_000_000 + (n % 1000)}-${2_000_000_000_000 + n}`,
    creationDate: createdAt,
    lastModifiedDate: at,
    orderFulfillmentStatus: 'NOT_STARTED',
    orderPaymentStatus: 'PAID',
    salesRecordReference: String(1000 + n),
    buyer: { username: `buyer_${n}` },
    cancelStatus: { cancelState: 'NONE_REQUESTED' },
    pricingSummary: { priceSubtotal: amount(subtotal), deliveryCost: amount(delivery), tax: amount(tax), total: amount(subtotal + delivery + tax) },
    fulfillmentStartInstructions: [
      {
        fulfillmentInstructionsType: 'SHIP_TO',
        shippingStep: {
          shippingCarrierCode: 'USPS',
          shippingServiceCode: n % 2 === 0 ? 'USPSPriority' : 'USPSFirstClass',
          shipTo: {
            fullName: NAMES[n % NAMES.length],
            email: `buyer${n}@members.ebay.com`,
            primaryPhone: { phoneNumber: '4085551234' },
            contactAddress: { addressLine1: `${n} Dock Street`, city: 'San Jose', stateOrProvince: 'CA', postalCode: '95125', countryCode: 'US' },
          },
        },
      },
    ],
    lineItems,
  };
}
