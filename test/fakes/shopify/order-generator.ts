import type { FakeAddress, FakeLineItem, FakeOrder, FakeShippingLine, FakeVariant } from './fake-model.js';
import { fulfillmentOrderGid, fulfillmentOrderLineGid, inventoryItemGid, lineItemGid, orderGid, variantGid } from './ids.js';

/**
 * Realistic orders made on demand from (seed, index): the same index always gives the same order, so a
 * shop of 100k orders costs nothing until an order is read.
 */

import { seededRandom as rng } from '../../../shared/seeded-random.js';

export { rng };

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)];

const FIRST = ['Ava', 'Liam', 'Noah', 'Emma', 'Olivia', 'Mateo', 'Sofia', 'Lucas', 'Mia', 'Ethan', 'Zoe', 'Hiro', 'Amara', 'Jonas'];
const LAST = ['Smith', 'Garcia', 'Nguyen', 'Johnson', 'Okafor', 'Müller', 'Rossi', 'Kowalski', "O'Brien", 'Tanaka', 'Dubois'];
const STREETS = ['Main St', 'Oak Ave', 'Maple Dr', 'Cedar Ln', 'Pine St', 'Elm St', 'Lakeview Rd', 'Sunset Blvd'];
const PLACES = [
  { city: 'Columbus', province: 'Ohio', provinceCode: 'OH', zip: '43215', country: 'United States', countryCodeV2: 'US' },
  { city: 'Austin', province: 'Texas', provinceCode: 'TX', zip: '78701', country: 'United States', countryCodeV2: 'US' },
  { city: 'Brooklyn', province: 'New York', provinceCode: 'NY', zip: '11201', country: 'United States', countryCodeV2: 'US' },
  { city: 'Portland', province: 'Oregon', provinceCode: 'OR', zip: '97205', country: 'United States', countryCodeV2: 'US' },
  { city: 'Toronto', province: 'Ontario', provinceCode: 'ON', zip: 'M5V 2T6', country: 'Canada', countryCodeV2: 'CA' },
  { city: 'Miami', province: 'Florida', provinceCode: 'FL', zip: '33101', country: 'United States', countryCodeV2: 'US' },
];
export const SHIPPING_LINES: readonly FakeShippingLine[] = [
  { code: 'Standard', title: 'Standard Shipping', source: 'shopify', carrierIdentifier: null, priceCents: 599 },
  { code: 'Express', title: 'Express Shipping', source: 'shopify', carrierIdentifier: null, priceCents: 1499 },
  { code: 'FEDEX_GROUND', title: 'FedEx Ground', source: 'fedex', carrierIdentifier: 'fedex', priceCents: 1099 },
  { code: 'UPS_2ND_DAY_AIR', title: 'UPS 2nd Day Air', source: 'ups', carrierIdentifier: 'ups_shipping', priceCents: 2250 },
  { code: 'USPS_PRIORITY', title: 'USPS Priority Mail', source: 'usps', carrierIdentifier: 'usps', priceCents: 895 },
  { code: 'Free Shipping', title: 'Free Shipping', source: 'shopify', carrierIdentifier: null, priceCents: 0 },
];
const PRODUCTS = ['Canvas Tote', 'Wool Beanie', 'Ceramic Mug', 'Trail Socks', 'Linen Apron', 'Desk Lamp', 'Notebook A5', 'Water Bottle'];
const SIZES = ['S', 'M', 'L', 'XL', 'One Size', 'Blue', 'Green', 'Black'];

export function generateCatalog(count: number, seed: number): FakeVariant[] {
  const r = rng(seed * 7919 + 17);
  return Array.from({ length: count }, (_, index) => ({
    index,
    id: variantGid(index),
    sku: `DH-${String(1000 + index)}`,
    title: `${PRODUCTS[index % PRODUCTS.length]} - ${SIZES[Math.floor(index / PRODUCTS.length) % SIZES.length]}`,
    priceCents: 500 + Math.floor(r() * 9000),
    inventoryItemId: inventoryItemGid(index),
  }));
}

function address(r: () => number, first: string, last: string): FakeAddress {
  const place = pick(r, PLACES);
  return {
    firstName: first,
    lastName: last,
    company: r() < 0.2 ? `${last} Supply Co.` : null,
    address1: `${1 + Math.floor(r() * 9800)} ${pick(r, STREETS)}`,
    address2: r() < 0.25 ? `Apt ${1 + Math.floor(r() * 40)}` : null,
    ...place,
    phone: r() < 0.7 ? `+1 614-555-${String(Math.floor(r() * 10000)).padStart(4, '0')}` : null,
  };
}

const FINANCIAL: readonly [number, string][] = [
  [0.85, 'PAID'],
  [0.9, 'PENDING'],
  [0.94, 'PARTIALLY_REFUNDED'],
  [0.97, 'AUTHORIZED'],
  [1, 'REFUNDED'],
];

export interface OrderTiming {
  createdMs: number;
  updatedMs: number;
}

export function generateOrder(index: number, seed: number, timing: OrderTiming, catalog: FakeVariant[]): FakeOrder {
  const r = rng(seed * 1_000_003 + index * 7 + 1);
  const first = pick(r, FIRST);
  const last = pick(r, LAST);
  const shipTo = address(r, first, last);
  const lineCount = 1 + Math.floor(r() * 4);
  const lineItems: FakeLineItem[] = [];
  for (let k = 0; k < lineCount; k++) {
    const variant = catalog[Math.floor(r() * catalog.length)];
    const quantity = 1 + Math.floor(r() * 3);
    const discountCents = r() < 0.1 ? Math.round(variant.priceCents * quantity * 0.1) : 0;
    lineItems.push({
      id: lineItemGid(index, k),
      sku: variant.sku,
      name: variant.title,
      quantity,
      currentQuantity: quantity,
      unitPriceCents: variant.priceCents,
      discountCents,
      variantIndex: variant.index,
    });
  }
  const roll = r();
  const financialStatus = FINANCIAL.find(([p]) => roll < p)?.[1] ?? 'PAID';
  const fRoll = r();
  const fulfillmentStatus = fRoll < 0.9 ? 'UNFULFILLED' : fRoll < 0.95 ? 'PARTIALLY_FULFILLED' : 'FULFILLED';
  const canceled = r() < 0.02;
  const shippingLine = { ...pick(r, SHIPPING_LINES) };
  const subtotal = lineItems.reduce((sum, l) => sum + l.unitPriceCents * l.quantity - l.discountCents, 0);
  const order: FakeOrder = {
    index,
    id: orderGid(index),
    name: `#${1001 + index}`,
    createdMs: timing.createdMs,
    updatedMs: timing.updatedMs,
    cancelledMs: canceled ? timing.updatedMs : null,
    closedMs: canceled || fulfillmentStatus === 'FULFILLED' ? timing.updatedMs : null,
    email: `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '') + `${index}@example.com`,
    phone: shipTo.phone,
    poNumber: r() < 0.1 ? `PO-${70000 + index}` : null,
    note: r() < 0.15 ? 'Leave at the back door, please' : null,
    tags: r() < 0.3 ? ['wholesale'] : [],
    test: false,
    currencyCode: 'USD',
    financialStatus,
    fulfillmentStatus,
    customAttributes: r() < 0.05 ? [{ key: 'Gift Message', value: `Happy birthday, ${first}!` }] : [],
    taxCents: Math.round(subtotal * 0.0825),
    shippingAddress: shipTo,
    billingAddress: r() < 0.8 ? shipTo : address(r, first, last),
    shippingLine,
    lineItems,
    fulfillmentOrders: [],
    fulfillments: [],
  };
  order.fulfillmentOrders = [defaultFulfillmentOrder(order)];
  return order;
}

/** One fulfillment order at the main location, consistent with the order's fulfillment status. */
export function defaultFulfillmentOrder(order: FakeOrder): FakeOrder['fulfillmentOrders'][number] {
  const done = order.fulfillmentStatus === 'FULFILLED';
  const partial = order.fulfillmentStatus === 'PARTIALLY_FULFILLED';
  return {
    id: fulfillmentOrderGid(order.index),
    status: order.cancelledMs !== null ? 'CANCELLED' : done ? 'CLOSED' : partial ? 'IN_PROGRESS' : 'OPEN',
    locationIndex: 0,
    lines: order.lineItems.map((line, k) => ({
      id: fulfillmentOrderLineGid(order.index, k),
      lineItemId: line.id,
      totalQuantity: line.currentQuantity,
      remainingQuantity: done || (partial && k === 0) ? 0 : line.currentQuantity,
    })),
  };
}

/** Shopify's Decimal output: "19.99", "10.5", "10.0". */
export function decimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const frac = String(abs % 100).padStart(2, '0');
  return `${sign}${whole}.${frac.endsWith('0') ? frac[0] : frac}`;
}

/** A timestamp in the shop's zone with its offset, as Shopify's REST API and exports show them. */
export function shopTime(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
