import type { AlertView, CartView } from '../../../../shared/api-types.js';

/**
 * The cart an alert asks to reconnect: a cart's auth alert (`auth:cart:<id>`, job-alerts.ts) where its
 * platform grants access on a consent page. Null for any other alert, or a cart connected otherwise.
 */
export function reconnectTarget(
  alert: AlertView,
  carts: readonly Pick<CartView, 'id' | 'platform'>[],
  platforms: readonly { platform: string; displayName: string; oauth?: unknown }[],
): { cartId: number; platformName: string } | null {
  const match = /^auth:cart:(\d+)$/.exec(alert.key);
  if (!match) return null;
  const cart = carts.find((c) => c.id === Number(match[1]));
  const platform = cart ? platforms.find((p) => p.platform === cart.platform) : undefined;
  return cart && platform?.oauth ? { cartId: cart.id, platformName: platform.displayName } : null;
}
