import type { z } from 'zod';
import type { Address, CanonicalOrder, OrderLine } from '../../../../../shared/domain.js';
import {
  bcOrderProductsSchema,
  bcOrderSchema,
  bcShippingAddressesSchema,
  describeIssues,
  type BcOrder,
  type BcOrderProduct,
  type BcShippingAddress,
} from './schemas.js';
import { addMoney, rfc2822ToUtcIso, toMoney } from './values.js';

/**
 * A v2 order with its two sub-resources (GET /orders/{id}/products, /orders/{id}/shipping_addresses)
 * -> CanonicalOrder. Pure: no I/O, no clock. Replies are untrusted: an order that does not match the
 * documented shape yields a reason instead, and still names its id and (when readable) its
 * date_modified, so the download records it and its sync position moves on past it.
 */

export interface BigCommerceOrderParts {
  order: unknown;
  products: unknown;
  shippingAddresses: unknown;
}

/** What the order filters look at besides the canonical order. */
export interface BigCommerceOrderFacts {
  statusId: number;
}

export type BigCommerceOrderMapping =
  | { ok: true; order: CanonicalOrder; facts: BigCommerceOrderFacts }
  | { ok: false; reason: string; cartOrderId?: string; orderNumber?: string; updatedAt?: string };

/** status_id 5: Cancelled. Refunded (4) and Declined (6) are left to the order filters. */
const STATUS_CANCELLED = 5;

class MappingProblem extends Error {}

export function mapBigCommerceOrder(parts: BigCommerceOrderParts): BigCommerceOrderMapping {
  const raw = isRecord(parts.order) ? parts.order : {};
  const cartOrderId = Number.isInteger(raw.id) ? String(raw.id) : undefined;
  const known = { cartOrderId, orderNumber: cartOrderId, updatedAt: rfc2822ToUtcIso(raw.date_modified) ?? undefined };
  try {
    const order = parse(bcOrderSchema, parts.order, '');
    const products = parse(bcOrderProductsSchema, parts.products, 'products');
    const addresses = parse(bcShippingAddressesSchema, parts.shippingAddresses, 'shipping_addresses');
    return { ok: true, order: mapOrder(order, products, addresses), facts: { statusId: order.status_id } };
  } catch (err) {
    if (!(err instanceof MappingProblem)) throw err;
    return { ok: false, reason: err.message, ...withoutUndefined(known) };
  }
}

function mapOrder(order: BcOrder, products: BcOrderProduct[], addresses: BcShippingAddress[]): CanonicalOrder {
  const orderDate = time(order.date_created, 'date_created');
  const updatedAt = time(order.date_modified, 'date_modified');
  for (const p of products) {
    if (p.order_id !== order.id) throw new MappingProblem(`products: line ${p.id} belongs to order ${p.order_id}`);
  }
  // One order goes to the warehouse with one ship-to. An order split over several addresses (a
  // multi-address checkout) cannot be told right in that shape, so it is refused with that reason.
  for (const a of addresses) {
    if (a.order_id !== undefined && a.order_id !== order.id) throw new MappingProblem(`shipping_addresses: address ${a.id} belongs to order ${a.order_id}`);
  }
  const shipped = addresses;
  if (shipped.length > 1) {
    throw new MappingProblem(`the order ships to ${shipped.length} addresses; Dockhand sends one ship-to address per order`);
  }
  const shipTo = shipped[0];
  if (!shipTo && products.some((p) => p.type === 'physical')) {
    throw new MappingProblem('the order has physical items but no shipping address');
  }
  for (const p of products) {
    if (p.type === 'physical' && shipTo && p.order_address_id !== shipTo.id) {
      throw new MappingProblem(`products: line ${p.id} ships to address ${p.order_address_id}, which the order does not have`);
    }
  }
  const billingEmail = nonEmpty(order.billing_address.email);
  const canonical: CanonicalOrder = {
    cartOrderId: String(order.id),
    // BigCommerce shows the order id as the order number (#100).
    orderNumber: String(order.id),
    orderDate,
    updatedAt,
    shipCode: nonEmpty(shipTo?.shipping_method) ?? '',
    shipTo: shipTo ? mapAddress(shipTo, billingEmail) : {},
    billTo: mapAddress(order.billing_address, billingEmail),
    currency: order.currency_code,
    subtotal: toMoney(order.subtotal_ex_tax),
    discount: addMoney(order.discount_amount, order.coupon_discount),
    tax: toMoney(order.total_tax),
    shipping: toMoney(order.shipping_cost_ex_tax),
    total: toMoney(order.total_inc_tax),
    lines: mapLines(products),
    cartState: {
      canceled: order.status_id === STATUS_CANCELLED,
      financialStatus: nonEmpty(order.payment_status),
      fulfillmentStatus: order.status,
    },
  };
  const note = nonEmpty(order.customer_message);
  if (note) canonical.shippingInstructions = note;
  const gift = products.map((p) => nonEmpty(p.wrapping_message)).find(Boolean);
  if (gift) canonical.giftMessage = gift;
  return canonical;
}

function mapLines(products: BcOrderProduct[]): OrderLine[] {
  const lines: OrderLine[] = [];
  for (const p of products) {
    // Refunded units are no longer ordered; units shipped (by the merchant, another app or us) are not asked for again.
    const ordered = Math.max(0, p.quantity - (p.quantity_refunded ?? 0));
    if (ordered === 0) continue;
    // A digital line needs no warehouse: kept for reference with nothing to ship. BigCommerce does not
    // say whether a refunded unit had shipped; counting it as not shipped could send goods twice, so
    // the smaller quantity is asked for.
    const toShip = p.type === 'physical' ? Math.max(0, ordered - p.quantity_shipped) : 0;
    const line: OrderLine = {
      lineNo: lines.length + 1,
      sku: nonEmpty(p.sku) ?? '',
      name: p.name,
      quantity: toShip,
      orderedQuantity: ordered,
      price: toMoney(p.price_ex_tax),
      cartLineId: String(p.id),
    };
    const discounts = (p.applied_discounts ?? []).map((d) => d.amount);
    if (discounts.length) line.discount = addMoney(...discounts);
    lines.push(line);
  }
  return lines;
}

function mapAddress(a: BcOrder['billing_address'], fallbackEmail: string | undefined): Address {
  const address: Address = {};
  const put = (key: keyof Address, v: string | null | undefined) => {
    const s = nonEmpty(v);
    if (s) address[key] = s;
  };
  put('firstName', a.first_name);
  put('lastName', a.last_name);
  put('company', a.company);
  put('address1', a.street_1);
  put('address2', a.street_2);
  put('city', a.city);
  put('state', a.state);
  put('zip', a.zip);
  put('country', a.country_iso2 ?? a.country);
  put('phone', a.phone);
  put('email', nonEmpty(a.email) ?? fallbackEmail);
  return address;
}

function parse<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new MappingProblem(describeIssues(result.error, where));
  return result.data;
}

function time(value: string, field: string): string {
  const iso = rfc2822ToUtcIso(value);
  if (iso === null) throw new MappingProblem(`${field} is not an RFC 2822 date with a zone (${JSON.stringify(value)})`);
  return iso;
}

function nonEmpty(value: string | null | undefined): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withoutUndefined<T extends Record<string, unknown>>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}
