import { cartPlugin } from './connectors/carts/registry.js';
import { clearAlert, openAlerts, raiseAlert } from './store/repositories/alerts-repo.js';
import type { CartRow } from './store/repositories/carts-repo.js';
import type { SqlRunner } from './store/sql.js';

/**
 * What a person should change in a cart's saved settings that still work: today a Shopify API version
 * retired since it was saved (the connector calls its successor meanwhile). The cart screen shows them,
 * and one warning alert per cart stands until the settings are saved without them. A run adds what its
 * credentials need (`grantNotices`: an eBay authorization that runs out within 30 days) to the same alert.
 */

export function cartNotices(cart: Pick<CartRow, 'platform' | 'settings'>): string[] {
  const plugin = cartPlugin(cart.platform);
  const settings = plugin?.settingsSchema.safeParse(cart.settings);
  return plugin?.settingsNotices && settings?.success ? plugin.settingsNotices(settings.data) : [];
}

const noticeAlertKey = (cartId: number) => `settings-notice:cart:${cartId}`;

/** Raises, renews or clears the cart's notice alert; an unchanged open alert is left alone (no repeat event). */
export function syncCartNoticeAlert(db: SqlRunner, cart: Pick<CartRow, 'id' | 'name' | 'platform' | 'settings'>, now: string, grantNotices: string[] = []): void {
  const key = noticeAlertKey(cart.id);
  const notices = [...cartNotices(cart), ...grantNotices];
  if (notices.length === 0) return clearAlert(db, key, now);
  const message = `${cart.name}: ${notices.join(' ')}`;
  if (openAlerts(db).some((a) => a.key === key && a.message === message)) return;
  raiseAlert(db, { key, severity: 'warning', targetType: 'cart', targetId: cart.id, message }, now);
}
