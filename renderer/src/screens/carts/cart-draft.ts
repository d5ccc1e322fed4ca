import type { CartView } from '../../../../shared/api-types.js';
import type { MethodInput } from '../../../../shared/contract.js';
import { CART_SERVICES, type CartServiceName } from '../../../../shared/domain.js';
import type { PlatformForm } from './platform-form.js';

/** The cart form's values as typed, and their conversion to the API's cart input. */

export type CartSchedules = CartView['schedules'];
export type Capabilities = CartView['capabilities'];

export interface CartDraft<D = unknown> {
  platform: string;
  name: string;
  orderSource: string;
  /** YYYY-MM-DD */
  earliestOrderDate: string;
  rejectUnmappedShipCodes: boolean;
  minInventoryLevel: string;
  schedules: CartSchedules;
  /** The cart's own names for the warehouse's carriers, as typed (blank: the platform's name). */
  carrierNames: Record<string, string>;
  /** The platform's own values (credentials, options), shaped by its PlatformForm. */
  platformDraft: D;
}

export const DEFAULT_CART_SCHEDULES: CartSchedules = { order_download: 15, shipment_upload: 30, inventory_upload: 60 };

/** A calendar date N days before today, in the user's own calendar. */
export function daysAgo(days: number, now = new Date()): string {
  const date = new Date(now.getFullYear(), now.getMonth(), now.getDate() - days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function newCartDraft<D>(form: PlatformForm<D>): CartDraft<D> {
  return {
    platform: form.platform,
    name: '',
    orderSource: '',
    // A first download reaches back a week unless told otherwise: enough to catch what is open now.
    earliestOrderDate: daysAgo(7),
    rejectUnmappedShipCodes: true,
    minInventoryLevel: '0',
    schedules: { ...DEFAULT_CART_SCHEDULES },
    carrierNames: {},
    platformDraft: form.newDraft(),
  };
}

export function cartDraftFrom<D>(cart: CartView, form: PlatformForm<D>): CartDraft<D> {
  return {
    platform: cart.platform,
    name: cart.name,
    orderSource: cart.orderSource === cart.name ? '' : cart.orderSource,
    // Stored as UTC midnight of the chosen day: its UTC date is the day the user chose.
    earliestOrderDate: cart.earliestOrderDate.slice(0, 10),
    rejectUnmappedShipCodes: cart.rejectUnmappedShipCodes,
    minInventoryLevel: String(cart.minInventoryLevel),
    schedules: { ...cart.schedules },
    carrierNames: { ...cart.carrierNames },
    platformDraft: form.draftFromSaved(cart.settings),
  };
}

/** Which cart services the platform can run: downloads always, the others by capability. */
export function supportedServices(capabilities: Capabilities): CartServiceName[] {
  return CART_SERVICES.filter(
    (s) => s === 'order_download' || (s === 'shipment_upload' && capabilities.shipments) || (s === 'inventory_upload' && capabilities.inventory),
  );
}

export function cartInputFrom<D>(draft: CartDraft<D>, form: PlatformForm<D>, merchantId: number, capabilities: Capabilities): MethodInput<'carts.create'> {
  const supported = supportedServices(capabilities);
  const schedules = Object.fromEntries(CART_SERVICES.map((s) => [s, supported.includes(s) ? draft.schedules[s] : null])) as CartSchedules;
  const level = draft.minInventoryLevel.trim();
  return {
    merchantId,
    platform: draft.platform,
    name: draft.name,
    orderSource: draft.orderSource.trim() || undefined,
    earliestOrderDate: draft.earliestOrderDate,
    rejectUnmappedShipCodes: draft.rejectUnmappedShipCodes,
    minInventoryLevel: level === '' ? 0 : Number(level),
    schedules,
    // Blank names are left out: the platform's own name applies.
    carrierNames: Object.fromEntries(Object.entries(draft.carrierNames).filter(([, name]) => name.trim() !== '')),
    ...form.toInput(draft.platformDraft),
  } as MethodInput<'carts.create'>;
}
