import type { Address, CanonicalOrder, OrderLine } from '../../../shared/domain.js';
import { orderedQuantityOf } from '../../../shared/order-lines.js';
import { ADDRESS_FIELDS } from '../../../shared/schemas/csv-profile.js';

/**
 * What changed in an order, in words, among what a warehouse acts on: where it goes, what is in it,
 * how it ships and what the packer reads. The cart's timestamps and statuses, money and product titles
 * move for reasons of their own (a payment captured, a refund, our own fulfillment) and are not a change
 * to tell the warehouse about.
 */

export interface ChangeOptions {
  /**
   * Count units fulfilled in the cart as a change. True while the warehouse has the order and nothing of
   * ours was uploaded (someone else fulfilled them: the warehouse must not ship them again); false once
   * our own shipments may be what the cart shows, so they do not echo back as a change.
   */
  countCartFulfilments: boolean;
}

const ADDRESS_LABELS: Record<keyof Address, string> = {
  firstName: 'first name',
  lastName: 'last name',
  company: 'company',
  address1: 'address 1',
  address2: 'address 2',
  address3: 'address 3',
  city: 'city',
  state: 'state',
  zip: 'zip',
  country: 'country',
  phone: 'phone',
  email: 'email',
};

type TextField = 'shipCode' | 'carrier' | 'poNumber' | 'shippingInstructions' | 'giftMessage' | 'requestedShipDate';

const TEXT_FIELDS: [TextField, string][] = [
  ['shipCode', 'ship code'],
  ['carrier', 'carrier'],
  ['poNumber', 'PO number'],
  ['shippingInstructions', 'shipping instructions'],
  ['giftMessage', 'gift message'],
  ['requestedShipDate', 'requested ship date'],
];

/** The alert that asks a person to tell the warehouse about a change; Resend clears it. */
export function changedAfterDeliveryAlertKey(orderId: number): string {
  return `changed-after-delivery:${orderId}`;
}

/** One phrase per part of the order that changed, in a fixed order; empty when nothing that matters did. */
export function changesThatMatter(held: CanonicalOrder, fresh: CanonicalOrder, options: ChangeOptions): string[] {
  const changes: string[] = [];
  const shipTo = addressChanges(held.shipTo, fresh.shipTo);
  if (shipTo) changes.push(`ship-to address: ${shipTo}`);
  const billTo = addressChanges(held.billTo, fresh.billTo);
  if (billTo) changes.push(`bill-to address: ${billTo}`);
  for (const [field, label] of TEXT_FIELDS) {
    if (textOf(held[field]) !== textOf(fresh[field])) changes.push(`${label} ${shown(held[field])} → ${shown(fresh[field])}`);
  }
  const heldCustom = held.customFields ?? [];
  const freshCustom = fresh.customFields ?? [];
  for (let i = 0; i < Math.max(heldCustom.length, freshCustom.length); i++) {
    if (textOf(heldCustom[i]) !== textOf(freshCustom[i])) changes.push(`custom field ${i + 1} ${shown(heldCustom[i])} → ${shown(freshCustom[i])}`);
  }
  const lines = lineChanges(held.lines, fresh.lines, options);
  if (lines.length > 0) changes.push(`lines: ${lines.join('; ')}`);
  return changes;
}

/**
 * The fresh order with the quantities to ship the warehouse was given on lines it already had: once
 * shipments of ours may have reached the cart, its "still to ship" counts them as done, while our
 * shipments are measured against what was delivered. Never more than is ordered now; new lines as the
 * cart says.
 */
export function keepDeliveredQuantities(held: CanonicalOrder, fresh: CanonicalOrder): CanonicalOrder {
  const delivered = new Map(held.lines.map((line) => [line.cartLineId, line.quantity]));
  return {
    ...fresh,
    lines: fresh.lines.map((line) => {
      const quantity = delivered.get(line.cartLineId);
      return quantity === undefined ? line : { ...line, quantity: Math.min(quantity, orderedQuantityOf(line)) };
    }),
  };
}

function addressChanges(held: Address, fresh: Address): string | undefined {
  const parts: string[] = [];
  for (const key of ADDRESS_FIELDS) {
    if (textOf(held[key]) !== textOf(fresh[key])) parts.push(`${ADDRESS_LABELS[key]} ${shown(held[key])} → ${shown(fresh[key])}`);
  }
  return parts.length > 0 ? parts.join(', ') : undefined;
}

function lineChanges(held: readonly OrderLine[], fresh: readonly OrderLine[], options: ChangeOptions): string[] {
  const out: string[] = [];
  const freshById = new Map(fresh.map((line) => [line.cartLineId, line]));
  const heldIds = new Set(held.map((line) => line.cartLineId));
  for (const before of held) {
    const after = freshById.get(before.cartLineId);
    if (!after) {
      out.push(`${lineLabel(before)} removed`);
      continue;
    }
    if (after.sku !== before.sku) out.push(`${lineLabel(before)} SKU ${shown(before.sku)} → ${shown(after.sku)}`);
    const ordered = orderedQuantityOf(after);
    if (ordered !== orderedQuantityOf(before)) {
      const left = options.countCartFulfilments && after.quantity < ordered ? `, ${after.quantity} left to ship` : '';
      out.push(`${lineLabel(after)} quantity ${orderedQuantityOf(before)} → ${ordered}${left}`);
    } else if (options.countCartFulfilments && after.quantity !== before.quantity) {
      out.push(`${lineLabel(after)} ${ordered - after.quantity} of ${ordered} fulfilled in the cart, ${after.quantity} left to ship`);
    }
  }
  for (const after of fresh) {
    if (!heldIds.has(after.cartLineId)) out.push(`${lineLabel(after)} added (${orderedQuantityOf(after)})`);
  }
  return out;
}

function lineLabel(line: OrderLine): string {
  return line.sku || `line ${line.lineNo}`;
}

function textOf(value: string | undefined): string {
  return (value ?? '').trim();
}

/** A value as a person reads it in the history: quoted, cut when long, "(none)" when empty. */
function shown(value: string | undefined): string {
  const text = textOf(value);
  if (text === '') return '(none)';
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 59)}…` : text);
}
