import type { AlertView, CartView, MerchantView } from '../../../../shared/api-types.js';
import { CART_SERVICES, MERCHANT_SERVICES, type ServiceName } from '../../../../shared/domain.js';
import { activityPath } from '../activity/activity-filter.js';

const WMS_SETUP = { to: '/wms', label: 'Warehouse (WMS) setup' };

/** The cart id of an unmapped ship code alert (`unmapped:<cart>:<code>`), whose fix is the mapping. */
function unmappedCart(alert: AlertView): number | null {
  const match = /^unmapped:(\d+):/.exec(alert.key);
  return match ? Number(match[1]) : null;
}

/**
 * Where an alert's cause is fixed: a cart connection, a merchant, an order, the WMS setup, or the
 * ship-method mapping of a cart (an unmapped ship code). A failed service's alert (targetType is then
 * the service name) goes where its settings live: the store connection for a cart's service, the WMS
 * setup for a merchant's warehouse service (its transport, login and folders are set there).
 */
export function alertTarget(
  alert: AlertView,
  names: { carts: readonly CartView[]; merchants: readonly MerchantView[] },
): { to: string; label: string } | null {
  const id = alert.targetId;
  const type = alert.targetType;
  if (!type) return null;
  const cartName = (cartId: number) => names.carts.find((c) => c.id === cartId)?.name ?? `Store connection #${cartId}`;
  const cart = (cartId: number) => ({ to: `/carts/${cartId}`, label: cartName(cartId) });
  const merchant = (merchantId: number) => ({ to: `/merchants/${merchantId}`, label: names.merchants.find((m) => m.id === merchantId)?.name ?? `Merchant #${merchantId}` });
  const unmapped = unmappedCart(alert);
  if (unmapped !== null) return { to: `/ship-methods?cart=${unmapped}`, label: `Ship-method mapping of ${cartName(unmapped)}` };
  if (type === 'wms') return WMS_SETUP;
  if (id === null) return null;
  if (type === 'cart' || (CART_SERVICES as readonly string[]).includes(type)) return cart(id);
  if ((MERCHANT_SERVICES as readonly string[]).includes(type)) return WMS_SETUP;
  if (type === 'merchant') return merchant(id);
  if (type === 'order') return { to: `/orders/${id}`, label: `Order #${id}` };
  return null;
}

/** Where a failed service's alert is shown in full: that job's runs on the Activity screen. */
export function alertRuns(alert: AlertView): { to: string; label: string } | null {
  const type = alert.targetType;
  if (!type || alert.targetId === null) return null;
  const cart = (CART_SERVICES as readonly string[]).includes(type);
  if (!cart && !(MERCHANT_SERVICES as readonly string[]).includes(type)) return null;
  return { to: activityPath({ service: type as ServiceName, kind: cart ? 'cart' : 'merchant', targetId: alert.targetId }), label: 'the failed run' };
}
