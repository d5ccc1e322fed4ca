import type { Address, CanonicalOrder, OrderLine } from '../../../../../shared/domain.js';
import { describeIssue, wooOrderIdentitySchema, wooOrderSchema, type WooAddress, type WooOrder } from './payload-schemas.js';
import { decodeEntities, fromCents, gmtToUtcIso, toCents, toMoney } from './values.js';

/**
 * WooCommerce order JSON (REST v3) -> CanonicalOrder. Pure: no I/O, no clock. A reply that does not
 * match the documented shape yields a reason instead of an order, with whatever identifies it (id,
 * number, date_modified_gmt) so the download can record it and still move its sync position past it.
 */

export type WooOrderMapping =
  | { ok: true; order: CanonicalOrder; status: string }
  | { ok: false; reason: string; cartOrderId?: string; orderNumber?: string; updatedAt?: string };

/** Statuses after which nothing should ship (the warehouse must stop or never start the order). */
const NOT_TO_SHIP = new Set(['cancelled', 'refunded', 'failed', 'trash']);
/** WooCommerce's own shipping methods: their ids name a pricing rule, not a carrier. */
const CORE_METHODS = new Set(['flat_rate', 'free_shipping', 'local_pickup', 'pickup_location']);

export function mapWooOrder(payload: unknown): WooOrderMapping {
  const parsed = wooOrderSchema.safeParse(payload);
  if (!parsed.success) {
    const identity = wooOrderIdentitySchema.safeParse(payload);
    const id = identity.success ? identity.data : undefined;
    const modified = id?.date_modified_gmt ? gmtToUtcIso(id.date_modified_gmt) : null;
    return {
      ok: false,
      reason: `the order does not match WooCommerce's documented shape: ${describeIssue(parsed.error)}`,
      ...(id ? { cartOrderId: String(id.id) } : {}),
      ...(id?.number ? { orderNumber: id.number } : {}),
      ...(modified ? { updatedAt: modified } : {}),
    };
  }
  const woo = parsed.data;
  const orderDate = gmtToUtcIso(woo.date_created_gmt);
  const updatedAt = gmtToUtcIso(woo.date_modified_gmt);
  if (!orderDate || !updatedAt) {
    return { ok: false, reason: 'the order dates are not valid calendar dates', cartOrderId: String(woo.id), orderNumber: woo.number };
  }
  return { ok: true, order: toCanonical(woo, orderDate, updatedAt), status: woo.status };
}

function toCanonical(woo: WooOrder, orderDate: string, updatedAt: string): CanonicalOrder {
  const lines = mapLines(woo);
  const subtotal = woo.line_items.reduce((sum, l) => sum + toCents(l.subtotal), 0);
  const shippingLine = woo.shipping_lines[0];
  const email = woo.billing.email || undefined;
  const order: CanonicalOrder = {
    cartOrderId: String(woo.id),
    orderNumber: woo.number || String(woo.id),
    orderDate,
    updatedAt,
    shipCode: shippingLine ? decodeEntities(shippingLine.method_title) || shippingLine.method_id : '',
    shipTo: shipToAddress(woo, email),
    billTo: mapAddress(woo.billing, email),
    currency: woo.currency,
    subtotal: fromCents(subtotal),
    discount: toMoney(woo.discount_total),
    tax: toMoney(woo.total_tax),
    shipping: toMoney(woo.shipping_total),
    total: toMoney(woo.total),
    lines,
    cartState: {
      canceled: NOT_TO_SHIP.has(woo.status),
      financialStatus: woo.date_paid_gmt ? 'paid' : 'unpaid',
      fulfillmentStatus: woo.status,
    },
  };
  if (shippingLine && shippingLine.method_id && !CORE_METHODS.has(shippingLine.method_id)) order.carrier = shippingLine.method_id;
  if (woo.customer_note.trim() !== '') order.shippingInstructions = woo.customer_note.trim();
  const gift = metaText(woo, /gift/i);
  if (gift) order.giftMessage = gift;
  const po = metaText(woo, /(^|_)po(_|-)?(number|no)$/i);
  if (po) order.poNumber = po;
  return order;
}

function mapLines(woo: WooOrder): OrderLine[] {
  const lines: OrderLine[] = [];
  for (const item of woo.line_items) {
    if (item.quantity === 0) continue;
    const subtotal = toCents(item.subtotal);
    const line: OrderLine = {
      lineNo: lines.length + 1,
      sku: item.sku,
      quantity: item.quantity,
      // The unit price before discounts: subtotal over quantity (the `price` number is a float).
      price: fromCents(Math.round(subtotal / item.quantity)),
      cartLineId: String(item.id),
    };
    if (item.name) line.name = decodeEntities(item.name);
    const discount = subtotal - toCents(item.total);
    if (discount !== 0) line.discount = fromCents(discount);
    lines.push(line);
  }
  return lines;
}

/**
 * Where the parcel goes. A shop that ships to the billing address only (WooCommerce's "Force shipping to
 * the customer billing address") leaves the shipping fields empty; the billing address is then the one.
 */
function shipToAddress(woo: WooOrder, email: string | undefined): Address {
  const shipping = woo.shipping;
  const empty = shipping.address_1.trim() === '' && shipping.city.trim() === '' && shipping.postcode.trim() === '';
  if (empty) return mapAddress(woo.billing, email);
  // Newer WooCommerce has a shipping phone; older ones have only the billing phone.
  return mapAddress({ ...shipping, phone: shipping.phone || woo.billing.phone }, email);
}

function mapAddress(value: WooAddress, email: string | undefined): Address {
  const address: Address = {};
  const put = (key: keyof Address, v: string | undefined) => {
    const s = v?.trim();
    if (s) address[key] = s;
  };
  put('firstName', value.first_name);
  put('lastName', value.last_name);
  put('company', value.company);
  put('address1', value.address_1);
  put('address2', value.address_2);
  put('city', value.city);
  put('state', value.state);
  put('zip', value.postcode);
  put('country', value.country);
  put('phone', value.phone);
  put('email', email);
  return address;
}

function metaText(woo: WooOrder, key: RegExp): string | undefined {
  for (const meta of woo.meta_data) {
    if (key.test(meta.key.replace(/^_/, '')) && typeof meta.value === 'string' && meta.value.trim() !== '') return meta.value.trim();
  }
  return undefined;
}
