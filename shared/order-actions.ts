import type { OrderStatus } from './domain.js';

/**
 * Which statuses each order action accepts. The engine refuses the rest (orders-handlers.ts) and the
 * screens offer only what will work: one list, so they cannot drift apart.
 */
export const ACTION_STATUSES = {
  release: ['error', 'on_hold', 'skipped'],
  hold: ['new', 'error'],
  resend: ['at_wms', 'error', 'on_hold', 'cancel_sending'],
  cancel: ['new', 'error', 'on_hold', 'skipped', 'cancel_sending', 'at_wms'],
  // Part of it left the warehouse: only what was not shipped can be given up (the order then counts as
  // shipped and is confirmed once its shipments are uploaded); holding, resending or canceling the
  // whole order would ask the warehouse for what it already shipped.
  cancelRest: ['partially_shipped'],
} as const satisfies Record<string, readonly OrderStatus[]>;

export type OrderAction = keyof typeof ACTION_STATUSES;

export function allowedActions(status: OrderStatus): OrderAction[] {
  return (Object.keys(ACTION_STATUSES) as OrderAction[]).filter((action) => (ACTION_STATUSES[action] as readonly OrderStatus[]).includes(status));
}

/** The reason an order held for an unmapped ship code carries (the code follows). */
export const UNMAPPED_REASON_PREFIX = 'Ship code not mapped: ';
