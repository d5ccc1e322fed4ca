import type { Address, CanonicalOrder, OrderLine } from '../../../../../shared/domain.js';
import { etsyMoneyText } from './money.js';
import { receiptSchema, receiptStampSchema, type EtsyMoney, type EtsyReceipt, type EtsyTransaction } from './payload-schemas.js';

/**
 * An Etsy receipt (getShopReceipts' item, its transactions embedded or fetched) -> CanonicalOrder.
 * Pure. A receipt off the documented shape yields a reason plus what identifies it, so the download
 * records it invalid, still counts its update time toward the position, and goes on.
 */

export type ReceiptMapping =
  | { ok: true; order: CanonicalOrder }
  | { ok: false; reason: string; cartOrderId?: string; orderNumber?: string; updatedAt?: string };

class MappingProblem extends Error {}

/** Unix seconds -> ISO UTC. */
export function unixToIso(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

/** The receipt's last-modified time (update_timestamp; updated_timestamp in newer replies), ISO UTC. */
export function receiptUpdatedAt(raw: unknown): string | undefined {
  const stamp = receiptStampSchema.safeParse(raw);
  if (!stamp.success) return undefined;
  const seconds = stamp.data.update_timestamp ?? stamp.data.updated_timestamp;
  return seconds === undefined ? undefined : unixToIso(seconds);
}

export function mapEtsyReceipt(raw: unknown, transactions?: EtsyTransaction[]): ReceiptMapping {
  const stamp = receiptStampSchema.safeParse(raw);
  const updatedAt = receiptUpdatedAt(raw);
  const known = stamp.success
    ? { cartOrderId: String(stamp.data.receipt_id), orderNumber: String(stamp.data.receipt_id), ...(updatedAt ? { updatedAt } : {}) }
    : {};
  const parsed = receiptSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${issue.path.length > 0 ? issue.path.join('.') : 'the receipt'}: ${issue.message}`, ...known };
  }
  try {
    return { ok: true, order: mapReceipt(parsed.data, transactions ?? parsed.data.transactions ?? []) };
  } catch (err) {
    if (!(err instanceof MappingProblem)) throw err;
    return { ok: false, reason: err.message, ...known };
  }
}

function mapReceipt(r: EtsyReceipt, transactions: EtsyTransaction[]): CanonicalOrder {
  const updated = r.update_timestamp ?? r.updated_timestamp;
  if (updated === undefined) throw new MappingProblem('update_timestamp is missing');
  if (transactions.length === 0) throw new MappingProblem('the receipt has no transactions (nothing to ship)');
  const currency = r.grandtotal.currency_code;
  const first = transactions[0];
  const order: CanonicalOrder = {
    cartOrderId: String(r.receipt_id),
    orderNumber: String(r.receipt_id),
    orderDate: unixToIso(r.create_timestamp),
    updatedAt: unixToIso(updated),
    // Etsy names the buyer's shipping choice on the transaction: the upgrade bought ("Priority"), else
    // the method; a receipt with neither ships the shop's standard way.
    shipCode: first.shipping_upgrade || first.shipping_method || 'Standard',
    shipTo: mapAddress(r),
    billTo: r.buyer_email ? { email: r.buyer_email } : {},
    currency,
    subtotal: money(r.subtotal, 'subtotal', currency),
    discount: money(r.discount_amt, 'discount_amt', currency),
    tax: money(r.total_tax_cost, 'total_tax_cost', currency),
    shipping: money(r.total_shipping_cost, 'total_shipping_cost', currency),
    total: money(r.grandtotal, 'grandtotal', currency),
    lines: transactions.map((t, i) => mapLine(t, i + 1, currency)),
    cartState: {
      canceled: (r.status ?? '').toLowerCase() === 'canceled',
      financialStatus: r.is_paid ? 'paid' : 'unpaid',
      fulfillmentStatus: r.is_shipped ? 'shipped' : 'unshipped',
    },
  };
  if (r.gift_message) order.giftMessage = r.gift_message;
  if (r.message_from_buyer) order.shippingInstructions = r.message_from_buyer;
  return order;
}

function mapLine(t: EtsyTransaction, lineNo: number, currency: string): OrderLine {
  const sku = (t.sku ?? '').trim();
  if (sku === '') {
    throw new MappingProblem(`transaction ${t.transaction_id} ("${t.title ?? 'untitled'}") has no SKU: give the listing's product a SKU in Etsy's listing editor`);
  }
  const line: OrderLine = { lineNo, sku, quantity: t.quantity, price: money(t.price, `transaction ${t.transaction_id} price`, currency), cartLineId: String(t.transaction_id) };
  if (t.title) line.name = t.title;
  return line;
}

function mapAddress(r: EtsyReceipt): Address {
  const address: Address = {};
  const put = (key: keyof Address, v: string | null | undefined) => {
    if (typeof v === 'string' && v.trim() !== '') address[key] = v.trim();
  };
  // Etsy keeps the recipient as one name: the last word is taken as the last name.
  const name = (r.name ?? '').trim();
  const cut = name.lastIndexOf(' ');
  if (cut > 0) {
    put('firstName', name.slice(0, cut));
    put('lastName', name.slice(cut + 1));
  } else put('lastName', name);
  put('address1', r.first_line);
  put('address2', r.second_line);
  put('city', r.city);
  put('state', r.state);
  put('zip', r.zip);
  put('country', r.country_iso);
  put('email', r.buyer_email);
  return address;
}

function money(value: EtsyMoney, where: string, currency: string): string {
  if (value.currency_code !== currency) throw new MappingProblem(`${where} is in ${value.currency_code}, the receipt in ${currency}`);
  const text = etsyMoneyText(value);
  if (text === null) throw new MappingProblem(`${where} has a divisor of ${value.divisor}, not a power of ten`);
  return text;
}
