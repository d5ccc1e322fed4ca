import { DockhandError } from '../../../../../shared/errors.js';
import { offeringPriceNumber } from './money.js';
import type { EtsyInventory } from './payload-schemas.js';

/**
 * A listing's inventory as updateListingInventory takes it back: Etsy REPLACES the whole inventory
 * with what is sent, so every product goes back with its SKU, property values and every offering
 * (price, quantity, is_enabled, and the readiness state where the listing has one), and the
 * price/quantity/sku_on_property lists as read. Only the quantities of the products whose SKU is in
 * `quantities` change. Products and offerings Etsy marks deleted are not part of the listing and stay out.
 */

/** Etsy takes at most 999 units on an offering; more in the warehouse is still "999 available". */
export const ETSY_MAX_OFFERING_QUANTITY = 999;

export interface InventoryPutBody {
  products: {
    sku: string;
    property_values: Record<string, unknown>[];
    offerings: { price: number; quantity: number; is_enabled: boolean; readiness_state_id?: number }[];
  }[];
  price_on_property: number[];
  quantity_on_property: number[];
  sku_on_property: number[];
}

const PROPERTY_VALUE_FIELDS = ['property_id', 'value_ids', 'scale_id', 'property_name', 'values'] as const;

export function inventoryWithQuantities(inventory: EtsyInventory, quantities: Map<string, number>): { body: InventoryPutBody; changed: string[] } {
  const changed = new Set<string>();
  const products = inventory.products
    .filter((p) => !p.is_deleted)
    .map((p) => {
      const sku = (p.sku ?? '').trim();
      const quantity = quantities.get(sku);
      if (quantity !== undefined) changed.add(sku);
      return {
        sku: p.sku ?? '',
        property_values: p.property_values.map((v) => pick(v, PROPERTY_VALUE_FIELDS)),
        offerings: p.offerings
          .filter((o) => !o.is_deleted)
          .map((o) => {
            const readiness = (o as Record<string, unknown>).readiness_state_id;
            return {
              price: offeringPriceNumber(o.price),
              quantity: quantity !== undefined ? Math.min(quantity, ETSY_MAX_OFFERING_QUANTITY) : o.quantity,
              is_enabled: o.is_enabled,
              ...(typeof readiness === 'number' ? { readiness_state_id: readiness } : {}),
            };
          }),
      };
    });
  if (products.some((p) => p.offerings.length === 0)) {
    throw new DockhandError('data', 'a product of the listing has no offering Etsy would take back');
  }
  return {
    body: {
      products,
      price_on_property: inventory.price_on_property,
      quantity_on_property: inventory.quantity_on_property,
      sku_on_property: inventory.sku_on_property,
    },
    changed: [...changed],
  };
}

function pick(value: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (value[k] !== undefined) out[k] = value[k];
  return out;
}
