import type { ConfirmationRow } from '../connectors/wms/wms-connector.js';
import type { ShipmentCandidate } from '../store/repositories/orders-repo.js';

/**
 * Which order a shipment of a confirmation file (its rows share order number and tracking number) is
 * for. Two carts of a merchant may both have order #1013, so the newest order with that number is not an
 * answer: the row's order source names the cart when the file carries it; otherwise the one candidate
 * with the shipment's SKUs; otherwise the rows are reported as ambiguous, never guessed.
 */
export type OrderMatch = { order: ShipmentCandidate } | { problem: string };

/** "#1013" and "1013" name the same order (a WMS often drops the "#"). */
export function orderNumberKey(orderNumber: string): string {
  const trimmed = orderNumber.trim();
  return trimmed.charCodeAt(0) === 35 /* # */ ? trimmed.slice(1) : trimmed;
}

/**
 * `orders`: the merchant's orders with the rows' order number (with or without "#"), newest first;
 * `skusOf`: the SKUs on an order's lines.
 */
export function matchOrder(orders: readonly ShipmentCandidate[], rows: readonly ConfirmationRow[], skusOf: (orderId: number) => ReadonlySet<string>): OrderMatch {
  const first = rows[0];
  const number = first.orderNumber.trim();
  const candidates = orders.filter((o) => o.status !== 'skipped');
  if (candidates.length === 0) return { problem: `No order ${number} for this merchant` };

  const source = first.orderSource?.trim();
  const pool = source ? candidates.filter((o) => sameText(o.orderSource, source)) : candidates;
  if (pool.length === 0) {
    const sources = [...new Set(candidates.map((o) => `"${o.orderSource}"`))].join(', ');
    return { problem: `No order ${number} from order source "${source}" for this merchant (it exists from ${sources})` };
  }

  const perCart = onePerCart(pool);
  if (perCart.length === 1) return { order: perCart[0] };

  // Several carts have the number: the one whose order holds the shipment's SKUs, if only one does.
  const skus = [...new Set(rows.map((r) => r.sku).filter((sku) => sku !== ''))];
  const withAll = perCart.filter((o) => skus.every((sku) => skusOf(o.id).has(sku)));
  if (withAll.length === 1) return { order: withAll[0] };
  const withAny = perCart.filter((o) => skus.some((sku) => skusOf(o.id).has(sku)));
  if (withAll.length === 0 && withAny.length === 1) return { order: withAny[0] };

  const carts = listing([...perCart].sort((a, b) => a.cartId - b.cartId).map((o) => o.cartName));
  return {
    problem: source
      ? `Ambiguous: order ${number} exists in carts ${carts}, which share the order source "${source}"; give each cart its own order source`
      : `Ambiguous: order ${number} exists in carts ${carts}; add the order source column to the confirmation file`,
  };
}

/**
 * One order per cart: a cart that re-used a number (an order deleted and created again) means its live
 * order, else its newest. Candidates come newest first.
 */
function onePerCart(candidates: readonly ShipmentCandidate[]): ShipmentCandidate[] {
  const byCart = new Map<number, ShipmentCandidate>();
  for (const o of candidates) {
    const chosen = byCart.get(o.cartId);
    if (!chosen || (chosen.status === 'canceled' && o.status !== 'canceled')) byCart.set(o.cartId, o);
  }
  return [...byCart.values()];
}

function sameText(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** "A and B", "A, B and C". */
function listing(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
