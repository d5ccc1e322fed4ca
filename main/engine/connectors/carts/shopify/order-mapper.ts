import type { Address, CanonicalOrder, OrderLine } from '../../../../../shared/domain.js';
import type { OrderStatusFacts } from './order-filters.js';
import { toMoney, toUtcIso } from './values.js';

/**
 * Shopify Order node (as ORDERS_QUERY asks for it) -> CanonicalOrder. Pure: no I/O, no clock.
 * Replies are untrusted, so every field is checked; a bad node yields a reason instead of an order and
 * the download records it and carries on with the rest of the page.
 */

export type OrderMapping =
  | { ok: true; order: CanonicalOrder; facts: OrderStatusFacts }
  | { ok: false; reason: string; cartOrderId?: string; orderNumber?: string };

class MappingProblem extends Error {}

export function mapShopifyOrder(node: unknown): OrderMapping {
  const cartOrderId = isRecord(node) && typeof node.id === 'string' ? node.id : undefined;
  const orderNumber = isRecord(node) && typeof node.name === 'string' ? node.name : undefined;
  try {
    if (!isRecord(node)) throw new MappingProblem('the order is not an object');
    const order = mapOrder(node);
    const facts = { canceled: order.cartState.canceled, closed: node.closedAt != null };
    return { ok: true, order, facts };
  } catch (err) {
    if (!(err instanceof MappingProblem)) throw err;
    return { ok: false, reason: err.message, cartOrderId, orderNumber };
  }
}

function mapOrder(node: Record<string, unknown>): CanonicalOrder {
  const cartOrderId = requireString(node, 'id');
  const orderNumber = requireString(node, 'name');
  const createdAt = requireTime(node, 'createdAt');
  const updatedAt = requireTime(node, 'updatedAt');
  const currency = requireString(node, 'currencyCode');
  const email = optionalString(node.email);
  const shippingLine = isRecord(node.shippingLine) ? node.shippingLine : undefined;
  const order: CanonicalOrder = {
    cartOrderId,
    orderNumber,
    orderDate: createdAt,
    updatedAt,
    shipCode: optionalString(shippingLine?.code) ?? optionalString(shippingLine?.title) ?? '',
    shipTo: mapAddress(node.shippingAddress, 'shippingAddress', email),
    billTo: mapAddress(node.billingAddress, 'billingAddress', email),
    currency,
    subtotal: money(node.subtotalPriceSet, 'subtotalPriceSet', true),
    discount: money(node.totalDiscountsSet, 'totalDiscountsSet', true),
    tax: money(node.totalTaxSet, 'totalTaxSet', true),
    shipping: money(node.totalShippingPriceSet, 'totalShippingPriceSet', true),
    total: money(node.totalPriceSet, 'totalPriceSet', false),
    lines: mapLines(node.lineItems),
    cartState: {
      canceled: node.cancelledAt != null,
      financialStatus: optionalString(node.displayFinancialStatus),
      fulfillmentStatus: optionalString(node.displayFulfillmentStatus),
      test: node.test === true,
    },
  };
  const carrier = optionalString(shippingLine?.carrierIdentifier) ?? optionalString(shippingLine?.source);
  if (carrier) order.carrier = carrier;
  const poNumber = optionalString(node.poNumber);
  if (poNumber) order.poNumber = poNumber;
  const note = optionalString(node.note);
  if (note) order.shippingInstructions = note;
  const gift = giftMessage(node.customAttributes);
  if (gift) order.giftMessage = gift;
  return order;
}

function mapLines(connection: unknown): OrderLine[] {
  if (!isRecord(connection) || !Array.isArray(connection.nodes)) throw new MappingProblem('lineItems is missing');
  const lines: OrderLine[] = [];
  connection.nodes.forEach((item: unknown, index: number) => {
    const where = `lineItems[${index}]`;
    if (!isRecord(item)) throw new MappingProblem(`${where} is not an object`);
    const id = requireString(item, 'id', where);
    // currentQuantity leaves out units removed by an order edit or a refund: they are no longer ordered.
    const ordered = wholeNumber(item.currentQuantity ?? item.quantity, `${where}.currentQuantity`);
    if (ordered === 0) return;
    // What the warehouse may still ship: units fulfilled in the cart (by the merchant, another app or a
    // shipment we uploaded) are not asked for again. Never more than is ordered, whatever a reply says.
    const toShip = Math.min(ordered, wholeNumber(item.unfulfilledQuantity, `${where}.unfulfilledQuantity`));
    const line: OrderLine = {
      lineNo: lines.length + 1,
      sku: optionalString(item.sku) ?? '',
      quantity: toShip,
      orderedQuantity: ordered,
      price: money(item.originalUnitPriceSet, `${where}.originalUnitPriceSet`, false),
      cartLineId: id,
    };
    const name = optionalString(item.name);
    if (name) line.name = name;
    if (item.totalDiscountSet != null) line.discount = money(item.totalDiscountSet, `${where}.totalDiscountSet`, false);
    lines.push(line);
  });
  return lines;
}

function wholeNumber(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new MappingProblem(`${where} is not a whole number`);
  return value;
}

function mapAddress(value: unknown, where: string, email: string | undefined): Address {
  if (value == null) return email ? { email } : {};
  if (!isRecord(value)) throw new MappingProblem(`${where} is not an object`);
  const address: Address = {};
  const put = (key: keyof Address, v: unknown) => {
    const s = optionalString(v);
    if (s) address[key] = s;
  };
  put('firstName', value.firstName);
  put('lastName', value.lastName);
  put('company', value.company);
  put('address1', value.address1);
  put('address2', value.address2);
  put('city', value.city);
  put('state', value.provinceCode ?? value.province);
  put('zip', value.zip);
  put('country', value.countryCodeV2 ?? value.country);
  put('phone', value.phone);
  put('email', email);
  return address;
}

function giftMessage(attributes: unknown): string | undefined {
  if (!Array.isArray(attributes)) return undefined;
  for (const attr of attributes) {
    if (isRecord(attr) && typeof attr.key === 'string' && /gift/i.test(attr.key)) {
      const value = optionalString(attr.value);
      if (value) return value;
    }
  }
  return undefined;
}

/** MoneyBag -> decimal string in the shop's currency. Optional bags missing on old orders count as zero. */
function money(bag: unknown, where: string, zeroIfMissing: boolean): string {
  if (bag == null && zeroIfMissing) return '0.00';
  const amount = isRecord(bag) && isRecord(bag.shopMoney) ? bag.shopMoney.amount : undefined;
  const value = toMoney(amount);
  if (value === null) throw new MappingProblem(`${where}.shopMoney.amount is not a decimal (${JSON.stringify(amount)})`);
  return value;
}

function requireString(obj: Record<string, unknown>, key: string, where?: string): string {
  const value = obj[key];
  if (typeof value !== 'string' || value === '') {
    throw new MappingProblem(`${where ? `${where}.` : ''}${key} is missing`);
  }
  return value;
}

function requireTime(obj: Record<string, unknown>, key: string): string {
  const value = toUtcIso(obj[key]);
  if (value === null) throw new MappingProblem(`${key} is not a timestamp with a zone (${JSON.stringify(obj[key])})`);
  return value;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
