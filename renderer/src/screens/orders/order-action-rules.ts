import type { OrderStatus } from '../../../../shared/domain.js';

/**
 * Which statuses each action accepts: the same lists the engine checks in
 * main/engine/api/orders-handlers.ts, so the screen only offers what will work.
 */
export const ACTION_STATUSES = {
  release: ['error', 'on_hold', 'skipped'],
  hold: ['new', 'error'],
  resend: ['at_wms', 'error', 'on_hold', 'cancel_sending'],
  cancel: ['new', 'error', 'on_hold', 'skipped', 'cancel_sending', 'at_wms'],
} as const satisfies Record<string, readonly OrderStatus[]>;

export type OrderAction = keyof typeof ACTION_STATUSES;

export function allowedActions(status: OrderStatus): OrderAction[] {
  return (Object.keys(ACTION_STATUSES) as OrderAction[]).filter((action) => (ACTION_STATUSES[action] as readonly OrderStatus[]).includes(status));
}
