import type { AlertView, CartView, MerchantView } from '../../../../shared/api-types.js';
import { CART_SERVICES, MERCHANT_SERVICES } from '../../../../shared/domain.js';

/**
 * Where an alert points: a cart connection, a merchant, an order, the WMS setup, or a service's job
 * (targetType is then the service name, and the target a cart or a merchant by that service).
 */
export function alertTarget(
  alert: AlertView,
  names: { carts: readonly CartView[]; merchants: readonly MerchantView[] },
): { to: string; label: string } | null {
  const id = alert.targetId;
  const type = alert.targetType;
  if (!type) return null;
  const cart = (cartId: number) => ({ to: `/carts/${cartId}`, label: names.carts.find((c) => c.id === cartId)?.name ?? `Store connection #${cartId}` });
  const merchant = (merchantId: number) => ({ to: `/merchants/${merchantId}`, label: names.merchants.find((m) => m.id === merchantId)?.name ?? `Merchant #${merchantId}` });
  if (type === 'wms') return { to: '/wms', label: 'Warehouse (WMS) setup' };
  if (id === null) return null;
  if (type === 'cart' || (CART_SERVICES as readonly string[]).includes(type)) return cart(id);
  if (type === 'merchant' || (MERCHANT_SERVICES as readonly string[]).includes(type)) return merchant(id);
  if (type === 'order') return { to: `/orders/${id}`, label: `Order #${id}` };
  return null;
}
