import type { Address, CanonicalOrder } from '../../../../../shared/domain.js';
import { LineProblem, mapOrderLines } from './order-lines.js';
import { magentoOrderSchema, orderStampSchema, type MagentoAddress, type MagentoOrder } from './schemas.js';
import { magentoTimeToIso, toMoney } from './values.js';

/**
 * A Magento order (as GET /V1/orders returns it) -> CanonicalOrder. Pure: no I/O, no clock. Replies are
 * untrusted: a reply that does not match the documented shape yields a reason instead of an order, plus
 * whatever identifies it (id, number, updated_at), so the download records it as invalid, still counts its
 * updated_at toward the sync position, and carries on with the rest of the page.
 */

export type MagentoOrderMapping =
  | { ok: true; order: CanonicalOrder }
  | { ok: false; reason: string; cartOrderId?: string; orderNumber?: string; updatedAt?: string };

class MappingProblem extends Error {}

export function mapMagentoOrder(raw: unknown): MagentoOrderMapping {
  const stamp = orderStampSchema.safeParse(raw);
  const known = stamp.success
    ? {
        cartOrderId: String(stamp.data.entity_id),
        ...(stamp.data.increment_id ? { orderNumber: stamp.data.increment_id } : {}),
        ...(magentoTimeToIso(stamp.data.updated_at) ? { updatedAt: magentoTimeToIso(stamp.data.updated_at)! } : {}),
      }
    : {};
  const parsed = magentoOrderSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length > 0 ? issue.path.join('.') : 'the order';
    return { ok: false, reason: `${where}: ${issue.message}`, ...known };
  }
  try {
    return { ok: true, order: mapOrder(parsed.data) };
  } catch (err) {
    if (!(err instanceof MappingProblem) && !(err instanceof LineProblem)) throw err;
    return { ok: false, reason: err.message, ...known };
  }
}

function mapOrder(o: MagentoOrder): CanonicalOrder {
  const assignment = o.extension_attributes?.shipping_assignments?.[0]?.shipping;
  const email = o.customer_email ?? undefined;
  const order: CanonicalOrder = {
    cartOrderId: String(o.entity_id),
    orderNumber: o.increment_id,
    orderDate: time(o.created_at, 'created_at'),
    updatedAt: time(o.updated_at, 'updated_at'),
    // The carrier_method code ("flatrate_flatrate", "ups_GND") is what ship-method mappings key on; the
    // description ("Flat Rate - Fixed") only when no code came.
    shipCode: assignment?.method ?? o.shipping_method ?? o.shipping_description ?? '',
    shipTo: mapAddress(assignment?.address, email),
    billTo: mapAddress(o.billing_address, email),
    currency: o.order_currency_code,
    subtotal: money(o.subtotal, 'subtotal'),
    // Magento keeps discounts negative (-5.00); canonical amounts are what was taken off.
    discount: money(o.discount_amount, 'discount_amount').replace(/^-/, ''),
    tax: money(o.tax_amount, 'tax_amount'),
    shipping: money(o.shipping_amount, 'shipping_amount'),
    total: money(o.grand_total, 'grand_total'),
    lines: mapOrderLines(o.items),
    cartState: {
      canceled: o.state === 'canceled',
      fulfillmentStatus: o.status ?? o.state ?? undefined,
    },
  };
  const carrier = (assignment?.method ?? o.shipping_method ?? '').split('_')[0];
  if (carrier) order.carrier = carrier;
  if (o.customer_note) order.shippingInstructions = o.customer_note;
  return order;
}

function mapAddress(value: MagentoAddress | null | undefined, email: string | undefined): Address {
  if (value == null) return email ? { email } : {};
  const address: Address = {};
  const put = (key: keyof Address, v: string | null | undefined) => {
    if (typeof v === 'string' && v.trim() !== '') address[key] = v;
  };
  const street = (value.street ?? []).filter((s): s is string => typeof s === 'string' && s.trim() !== '');
  put('firstName', value.firstname);
  put('lastName', value.lastname);
  put('company', value.company);
  put('address1', street[0]);
  put('address2', street[1]);
  put('address3', street.slice(2).join(', '));
  put('city', value.city);
  put('state', value.region_code ?? value.region);
  put('zip', value.postcode);
  put('country', value.country_id);
  put('phone', value.telephone);
  put('email', value.email ?? email);
  return address;
}

function time(value: string, where: string): string {
  const iso = magentoTimeToIso(value);
  if (iso === null) throw new MappingProblem(`${where} is not a Magento time "YYYY-MM-DD HH:MM:SS" (${JSON.stringify(value)})`);
  return iso;
}

function money(value: unknown, where: string): string {
  if (value == null) return '0.00';
  const amount = toMoney(value);
  if (amount === null) throw new MappingProblem(`${where} is not an amount (${JSON.stringify(value)})`);
  return amount;
}
