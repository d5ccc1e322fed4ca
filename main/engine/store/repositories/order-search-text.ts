import type { Address, CanonicalOrder } from '../../../../shared/domain.js';

/**
 * Separates the values of an order's search text. A control character no cart sends (and stripped from
 * values anyway), so a search can never match across two values.
 */
export const SEARCH_SEPARATOR = '\u001f';

/**
 * The fields of an order the Orders search promises to look in. Everything optional: payloads stored
 * before a field existed (or partial ones) still yield a search text.
 */
export interface SearchableOrder {
  orderNumber?: CanonicalOrder['orderNumber'];
  poNumber?: CanonicalOrder['poNumber'];
  shipTo?: Pick<Address, 'firstName' | 'lastName' | 'company' | 'email'>;
  billTo?: Pick<Address, 'firstName' | 'lastName' | 'company' | 'email'>;
  lines?: readonly { sku?: string }[];
}

function addressValues(a: SearchableOrder['shipTo']): (string | undefined)[] {
  if (!a) return [];
  // First and last name as one value, so "Jane Doe" (as the Orders screen shows it) matches too.
  const name = [a.firstName, a.lastName].filter((v) => v && v.trim()).join(' ');
  return [name, a.company, a.email];
}

/**
 * What `orders.list` search matches, lower-cased: the order number, the PO number, ship-to and bill-to
 * name, company and e-mail, and every line's SKU. Not prices, ids or field names.
 * The order number without its leading '#' needs no value of its own: search matches substrings.
 * Used by both the migration that backfills `order_search` and every write of an order's payload,
 * so the two always agree.
 */
export function searchTextOf(order: SearchableOrder): string {
  const values = [
    order.orderNumber,
    order.poNumber,
    ...addressValues(order.shipTo),
    ...addressValues(order.billTo),
    ...(order.lines ?? []).map((l) => l.sku),
  ];
  const seen = new Set<string>();
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const clean = v.replaceAll(SEARCH_SEPARATOR, ' ').trim().toLowerCase();
    if (clean) seen.add(clean);
  }
  return [...seen].join(SEARCH_SEPARATOR);
}

/** The LIKE pattern (with ESCAPE '\') that finds `search` as a literal, case-insensitive substring of a search text. */
export function searchPatternOf(search: string): string {
  return `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
