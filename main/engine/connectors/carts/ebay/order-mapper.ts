import type { Address, CanonicalOrder, OrderLine } from '../../../../../shared/domain.js';
import { toUtcIso } from '../kit/utc-time.js';
import { moneyText, unitPrice } from './money.js';
import { orderSchema, orderStampSchema, type EbayContact, type EbayLineItem, type EbayOrder } from './schemas.js';

/**
 * An eBay order (getOrders' Order) -> CanonicalOrder. Pure. Each line keeps eBay's own lineItemId (what a
 * shipping fulfillment names); the listing's item id and variation travel in the line's comment for a
 * person looking it up. A reply off the documented shape yields a reason and what identifies it, so the
 * download records it invalid and its lastModifiedDate still moves the position.
 */

export type EbayOrderMapping =
  | { ok: true; order: CanonicalOrder }
  | { ok: false; reason: string; cartOrderId?: string; orderNumber?: string; updatedAt?: string };

class MappingProblem extends Error {}

export function mapEbayOrder(raw: unknown): EbayOrderMapping {
  const stamp = orderStampSchema.safeParse(raw);
  const updatedAt = stamp.success ? toUtcIso(stamp.data.lastModifiedDate) : undefined;
  const known = stamp.success ? { cartOrderId: stamp.data.orderId, orderNumber: stamp.data.orderId, ...(updatedAt ? { updatedAt } : {}) } : {};
  const parsed = orderSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${issue.path.length > 0 ? issue.path.join('.') : 'the order'}: ${issue.message}`, ...known };
  }
  try {
    return { ok: true, order: mapOrder(parsed.data) };
  } catch (err) {
    if (!(err instanceof MappingProblem)) throw err;
    return { ok: false, reason: err.message, ...known };
  }
}

function mapOrder(o: EbayOrder): CanonicalOrder {
  const step = o.fulfillmentStartInstructions?.[0]?.shippingStep;
  const summary = o.pricingSummary;
  const order: CanonicalOrder = {
    cartOrderId: o.orderId,
    // The order number Seller Hub shows ("12-34567-89012"); the sales record number goes as the PO.
    orderNumber: o.orderId,
    orderDate: time(o.creationDate, 'creationDate'),
    updatedAt: time(o.lastModifiedDate, 'lastModifiedDate'),
    shipCode: step?.shippingServiceCode ?? '',
    shipTo: contactAddress(step?.shipTo),
    billTo: contactAddress(o.buyer?.buyerRegistrationAddress ?? undefined),
    currency: summary.total.currency,
    subtotal: money(summary.priceSubtotal.value, 'pricingSummary.priceSubtotal'),
    // eBay gives the discount as a negative amount; canonical amounts are what was taken off.
    discount: summary.priceDiscount ? money(summary.priceDiscount.value, 'pricingSummary.priceDiscount', true) : '0.00',
    tax: summary.tax ? money(summary.tax.value, 'pricingSummary.tax') : '0.00',
    shipping: summary.deliveryCost ? money(summary.deliveryCost.value, 'pricingSummary.deliveryCost') : '0.00',
    total: money(summary.total.value, 'pricingSummary.total'),
    lines: o.lineItems.map(mapLine),
    cartState: {
      canceled: o.cancelStatus?.cancelState === 'CANCELED',
      fulfillmentStatus: o.orderFulfillmentStatus,
      ...(o.orderPaymentStatus ? { financialStatus: o.orderPaymentStatus } : {}),
    },
  };
  if (step?.shippingCarrierCode) order.carrier = step.shippingCarrierCode;
  if (o.salesRecordReference) order.poNumber = o.salesRecordReference;
  if (o.buyerCheckoutNotes) order.shippingInstructions = o.buyerCheckoutNotes;
  return order;
}

function mapLine(item: EbayLineItem, index: number): OrderLine {
  const sku = item.sku?.trim() || (item.legacyItemId ? `${item.legacyItemId}${item.legacyVariationId ? `-${item.legacyVariationId}` : ''}` : '');
  if (!sku) throw new MappingProblem(`lineItems.${index}: the line has neither a SKU nor a listing id`);
  // A line eBay already shows as fulfilled has nothing left to ship.
  const fulfilled = item.lineItemFulfillmentStatus === 'FULFILLED';
  const line: OrderLine = {
    lineNo: index + 1,
    sku,
    quantity: fulfilled ? 0 : item.quantity,
    price: price(item),
    cartLineId: item.lineItemId,
  };
  if (fulfilled) line.orderedQuantity = item.quantity;
  if (item.title) line.name = item.title;
  if (item.legacyItemId) line.comment = `eBay item ${item.legacyItemId}${item.legacyVariationId ? ` variation ${item.legacyVariationId}` : ''}`;
  return line;
}

function price(item: EbayLineItem): string {
  try {
    return unitPrice(item.lineItemCost.value, item.quantity);
  } catch {
    throw new MappingProblem(`lineItems: ${JSON.stringify(item.lineItemCost.value)} is not an amount`);
  }
}

function contactAddress(contact: EbayContact | undefined): Address {
  if (!contact) return {};
  const address: Address = {};
  const put = (key: keyof Address, v: string | null | undefined) => {
    if (typeof v === 'string' && v.trim() !== '') address[key] = v.trim();
  };
  // eBay gives one full name; split at the last space for systems that want first and last.
  const full = contact.fullName?.trim() ?? '';
  const cut = full.lastIndexOf(' ');
  if (cut > 0) {
    put('firstName', full.slice(0, cut));
    put('lastName', full.slice(cut + 1));
  } else put('lastName', full);
  put('company', contact.companyName);
  const a = contact.contactAddress;
  put('address1', a?.addressLine1);
  put('address2', a?.addressLine2);
  put('city', a?.city);
  put('state', a?.stateOrProvince);
  put('zip', a?.postalCode);
  put('country', a?.countryCode);
  put('phone', contact.primaryPhone?.phoneNumber);
  put('email', contact.email);
  return address;
}

function time(value: string, where: string): string {
  const iso = toUtcIso(value);
  if (!iso) throw new MappingProblem(`${where} is not a time with its zone (${JSON.stringify(value)})`);
  return iso;
}

function money(value: string, where: string, positive = false): string {
  try {
    return moneyText(value, positive);
  } catch {
    throw new MappingProblem(`${where} is not an amount (${JSON.stringify(value)})`);
  }
}
