import { bcEmbeddedConsignmentsSchema } from './schemas.js';
import type { BigCommerceOrderParts } from './order-mapper.js';

/**
 * The three parts the order mapper needs, taken from one order of a list asked for with
 * `include=consignments.line_items&consignment_structure=object` (ORDER_INCLUDES): its lines and
 * shipping addresses travel with it, so a page of 250 orders costs one request of the store's quota
 * instead of 501. Null when the order carries no such consignments (an older API, another include):
 * the caller then reads the /products and /shipping_addresses sub-resources.
 */

export const ORDER_INCLUDES = { include: 'consignments.line_items', consignment_structure: 'object' } as const;


export function partsFromConsignments(order: unknown): BigCommerceOrderParts | null {
  if (!isRecord(order)) return null;
  const parsed = bcEmbeddedConsignmentsSchema.safeParse(order.consignments);
  if (!parsed.success) return null;
  const { shipping, downloads = [], pickups = [] } = parsed.data;
  const lines = [...shipping, ...downloads, ...pickups].flatMap((c) => c.line_items ?? []);
  // Lines linked rather than embedded ({url, resource}) mean the include was not honoured in full.
  if (lines.some((line) => isRecord(line) && 'resource' in line && !('sku' in line))) return null;
  return {
    order,
    products: lines,
    shippingAddresses: shipping.map((consignment) => {
      const { line_items: _lines, ...address } = consignment;
      return address;
    }),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
