import type { CartView } from '../../../../shared/api-types.js';

/**
 * How a cart connection stands in the merchant's cart list, from its view alone. A marketplace cart not
 * connected yet waits (a setup step, not a failure), even if a run was refused before it waited; then
 * credentials the shop refused; then a setting to update; else it is connected.
 */
export type CartState =
  | { state: 'waiting'; label: 'Waiting to be connected'; action: 'press Connect' }
  | { state: 'refused'; label: 'Credentials refused' }
  | { state: 'settings'; label: 'Settings to update' }
  | { state: 'connected'; label: 'Connected' };

export function cartState(cart: Pick<CartView, 'awaitsConnection' | 'authError' | 'notices'>): CartState {
  if (cart.awaitsConnection) return { state: 'waiting', label: 'Waiting to be connected', action: 'press Connect' };
  if (cart.authError) return { state: 'refused', label: 'Credentials refused' };
  if (cart.notices.length > 0) return { state: 'settings', label: 'Settings to update' };
  return { state: 'connected', label: 'Connected' };
}
