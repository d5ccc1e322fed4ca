import type { CanonicalOrder } from '../../../../../shared/domain.js';

/**
 * Which orders the warehouse gets: the statuses chosen in setup (processing by default: paid and not yet
 * shipped). The download also asks for the statuses that stop an order, so a cancellation of an order
 * we already hold still reaches the service; those and any other status outside the choice are kept
 * as Skipped with the reason.
 */

export const DEFAULT_STATUSES = ['processing'] as const;
const STOPPING = ['cancelled', 'refunded', 'failed'];

/** The status list for GET /orders?status=... */
export function statusesToQuery(chosen: readonly string[]): string[] {
  const wanted = chosen.length > 0 ? chosen : DEFAULT_STATUSES;
  return [...new Set([...wanted, ...STOPPING])];
}

export function skipReasonFor(order: CanonicalOrder, status: string, chosen: readonly string[]): string | undefined {
  const wanted = chosen.length > 0 ? chosen : DEFAULT_STATUSES;
  if (wanted.includes(status)) return undefined;
  if (order.cartState.canceled) return `order status ${status}: the order was stopped in WooCommerce`;
  return `order status ${status} is not in the statuses to download (${wanted.join(', ')})`;
}
