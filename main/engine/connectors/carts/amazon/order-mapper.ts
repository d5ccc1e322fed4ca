import type { Address, CanonicalOrder, OrderLine } from '../../../../../shared/domain.js';
import type { AmazonSettings } from '../../../../../shared/schemas/amazon.js';
import { toUtcIso } from '../kit/utc-time.js';
import { formatAmount, parseAmount, unitAmount } from './amounts.js';
import { amazonOrderItemSchema, amazonOrderSchema, orderStampSchema, type AmazonAddress, type AmazonMoney, type AmazonOrder, type AmazonOrderItem } from './schemas.js';

/**
 * An Amazon order (getOrders) and its items (getOrderItems) -> CanonicalOrder. Pure. A reply off the
 * documented shape yields a reason and what identifies the order, so the download records it invalid,
 * still counts its LastUpdateDate toward the position, and carries on with the rest.
 *
 * Amazon keeps no order notes. The buyer's name and street come only with a Restricted Data Token: an
 * app without that role gets the city, region, postcode and country, and the order still flows with
 * the gap stated on the order (`gaps`, shown on its page; not in the shipping instructions, which the
 * warehouse reads as the buyer's), so nobody ships to half an address unknowingly.
 */

export type HeaderMapping = { ok: true; order: AmazonOrder } | { ok: false; reason: string; cartOrderId?: string; updatedAt?: string };

export function readAmazonOrder(raw: unknown): HeaderMapping {
  const stamp = orderStampSchema.safeParse(raw);
  const known = stamp.success
    ? { cartOrderId: stamp.data.AmazonOrderId, ...(toUtcIso(stamp.data.LastUpdateDate) ? { updatedAt: toUtcIso(stamp.data.LastUpdateDate)! } : {}) }
    : {};
  const parsed = amazonOrderSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${issue.path.join('.') || 'the order'}: ${issue.message}`, ...known };
  }
  if (!toUtcIso(parsed.data.LastUpdateDate) || !toUtcIso(parsed.data.PurchaseDate)) {
    return { ok: false, reason: 'PurchaseDate or LastUpdateDate is not an ISO 8601 time with its zone', ...known };
  }
  return { ok: true, order: parsed.data };
}

export function isFulfilledByAmazon(order: AmazonOrder): boolean {
  return order.FulfillmentChannel === 'AFN';
}

/** The order's ship code: the category or the service level, "Prime " before it for a Prime order. */
export function amazonShipCode(order: AmazonOrder, settings: Pick<AmazonSettings, 'shipCodeFrom' | 'primeShipCodes'>): string {
  const base =
    settings.shipCodeFrom === 'service_level'
      ? (order.ShipServiceLevel ?? order.ShipmentServiceLevelCategory ?? '')
      : (order.ShipmentServiceLevelCategory ?? order.ShipServiceLevel ?? '');
  return settings.primeShipCodes && order.IsPrime === true ? `Prime ${base}`.trim() : base;
}

export const NO_RESTRICTED_ROLE_NOTE =
  "Amazon did not give the buyer's name and street address: the app has no Restricted Data role for them (Solution Provider Portal > the app > Edit App > Direct-to-Consumer Shipping). Only the city, region, postcode and country came.";

class ItemProblem extends Error {}

export type OrderMapping = { ok: true; order: CanonicalOrder } | { ok: false; reason: string };

export interface MapContext {
  settings: Pick<AmazonSettings, 'shipCodeFrom' | 'primeShipCodes'>;
  /** False when the app has no Restricted Data role (the Restricted Data Token was refused). */
  restrictedData: boolean;
}

/** The order with its items (every page of getOrderItems, raw). AFN orders map too (their skip reason is the caller's). */
export function mapAmazonOrder(order: AmazonOrder, rawItems: unknown[], context: MapContext): OrderMapping {
  try {
    const items = rawItems.map(readItem);
    const currency = order.OrderTotal?.CurrencyCode ?? items.find((i) => i.ItemPrice?.CurrencyCode)?.ItemPrice?.CurrencyCode;
    if (!currency) throw new ItemProblem('neither OrderTotal nor an item price names the currency');
    const sum = (pick: (i: AmazonOrderItem) => AmazonMoney | undefined, where: string) =>
      items.reduce((total, item) => total + amount(pick(item), `${where} of item ${item.OrderItemId}`, currency), 0n);
    const subtotal = sum((i) => i.ItemPrice, 'ItemPrice');
    const tax = sum((i) => i.ItemTax, 'ItemTax') + sum((i) => i.ShippingTax, 'ShippingTax');
    const shipping = sum((i) => i.ShippingPrice, 'ShippingPrice');
    const discount = sum((i) => i.PromotionDiscount, 'PromotionDiscount') + sum((i) => i.ShippingDiscount, 'ShippingDiscount');
    const total = order.OrderTotal?.Amount !== undefined ? amount(order.OrderTotal, 'OrderTotal', currency) : subtotal + tax + shipping - discount;

    const shipTo = mapAddress(order.ShippingAddress, order.BuyerInfo?.BuyerEmail);
    const canonical: CanonicalOrder = {
      cartOrderId: order.AmazonOrderId,
      orderNumber: order.AmazonOrderId,
      orderDate: toUtcIso(order.PurchaseDate)!,
      updatedAt: toUtcIso(order.LastUpdateDate)!,
      shipCode: amazonShipCode(order, context.settings),
      shipTo,
      billTo: buyerAsBillTo(order),
      currency,
      subtotal: formatAmount(subtotal),
      discount: formatAmount(discount),
      tax: formatAmount(tax),
      shipping: formatAmount(shipping),
      total: formatAmount(total),
      lines: items.map(mapLine),
      cartState: { canceled: order.OrderStatus === 'Canceled', fulfillmentStatus: order.OrderStatus },
    };
    if (order.BuyerInfo?.PurchaseOrderNumber) canonical.poNumber = order.BuyerInfo.PurchaseOrderNumber;
    const shipBy = toUtcIso(order.LatestShipDate);
    if (shipBy) canonical.requestedShipDate = shipBy;
    // Which marketplace sold it: the warehouse's packing slips and returns differ per country.
    if (order.MarketplaceId) canonical.customFields = [order.MarketplaceId];
    if (!context.restrictedData && !shipTo.address1) canonical.gaps = [NO_RESTRICTED_ROLE_NOTE];
    return { ok: true, order: canonical };
  } catch (err) {
    if (err instanceof ItemProblem) return { ok: false, reason: err.message };
    throw err;
  }
}

function readItem(raw: unknown, index: number): AmazonOrderItem {
  const parsed = amazonOrderItemSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ItemProblem(`item ${index + 1}: ${issue.path.join('.') || 'the item'}: ${issue.message}`);
  }
  return parsed.data;
}

function mapLine(item: AmazonOrderItem, index: number): OrderLine {
  const price = amount(item.ItemPrice, `ItemPrice of item ${item.OrderItemId}`);
  const toShip = Math.max(0, item.QuantityOrdered - (item.QuantityShipped ?? 0));
  const line: OrderLine = {
    lineNo: index + 1,
    sku: item.SellerSKU ?? item.ASIN,
    quantity: toShip,
    orderedQuantity: item.QuantityOrdered,
    price: formatAmount(unitAmount(price, item.QuantityOrdered)),
    cartLineId: item.OrderItemId,
  };
  if (item.Title) line.name = item.Title;
  const discount = amount(item.PromotionDiscount, `PromotionDiscount of item ${item.OrderItemId}`);
  if (discount !== 0n) line.discount = formatAmount(discount);
  return line;
}

function amount(value: AmazonMoney | undefined, where: string, currency?: string): bigint {
  if (value === undefined) return 0n;
  if (currency && value.CurrencyCode && value.CurrencyCode !== currency) throw new ItemProblem(`${where} is in ${value.CurrencyCode}, the order in ${currency}`);
  const parsed = parseAmount(value.Amount);
  if (parsed === null) throw new ItemProblem(`${where} is not an amount (${JSON.stringify(value.Amount)})`);
  return parsed;
}

/** "Jane Q. Doe" -> first "Jane Q.", last "Doe": Amazon gives one name field. */
function splitName(name: string | undefined): Pick<Address, 'firstName' | 'lastName'> {
  const text = (name ?? '').trim().replace(/\s+/g, ' ');
  if (!text) return {};
  const at = text.lastIndexOf(' ');
  return at < 0 ? { lastName: text } : { firstName: text.slice(0, at), lastName: text.slice(at + 1) };
}

function mapAddress(value: AmazonAddress | undefined, email: string | undefined): Address {
  const address: Address = { ...splitName(value?.Name) };
  const put = (key: keyof Address, v: string | undefined) => {
    if (typeof v === 'string' && v.trim() !== '') address[key] = v.trim();
  };
  put('company', value?.CompanyName);
  put('address1', value?.AddressLine1);
  put('address2', value?.AddressLine2);
  put('address3', value?.AddressLine3);
  put('city', value?.City);
  put('state', value?.StateOrRegion);
  put('zip', value?.PostalCode);
  put('country', value?.CountryCode);
  put('phone', value?.Phone);
  put('email', email);
  return address;
}

/** Amazon gives no billing address: the buyer's name and (relay) e-mail stand for it. */
function buyerAsBillTo(order: AmazonOrder): Address {
  const address: Address = { ...splitName(order.BuyerInfo?.BuyerName) };
  if (order.BuyerInfo?.BuyerEmail) address.email = order.BuyerInfo.BuyerEmail;
  return address;
}
