/** Shopify-looking numeric ids (13 digits) derived from positions, so lookups need no index. */
export const ORDER_BASE = 5_612_000_000_000;
export const LINE_ITEM_BASE = 14_120_000_000_000;
export const FULFILLMENT_ORDER_BASE = 6_310_000_000_000;
export const FULFILLMENT_ORDER_LINE_BASE = 15_870_000_000_000;
export const VARIANT_BASE = 44_100_000_000_000;
export const INVENTORY_ITEM_BASE = 46_200_000_000_000;
export const LOCATION_BASE = 71_230_000_000;
export const FULFILLMENT_BASE = 5_900_000_000_000;

/** Lines per order the id scheme leaves room for. */
export const MAX_LINES = 50;

export function gid(type: string, n: number): string {
  return `gid://shopify/${type}/${n}`;
}

export function gidNumber(id: unknown, type: string): number | undefined {
  if (typeof id !== 'string') return undefined;
  const prefix = `gid://shopify/${type}/`;
  if (!id.startsWith(prefix)) return undefined;
  const n = Number(id.slice(prefix.length));
  return Number.isSafeInteger(n) ? n : undefined;
}

export const orderGid = (index: number) => gid('Order', ORDER_BASE + index);
export const lineItemGid = (order: number, line: number) => gid('LineItem', LINE_ITEM_BASE + order * MAX_LINES + line);
export const fulfillmentOrderGid = (order: number) => gid('FulfillmentOrder', FULFILLMENT_ORDER_BASE + order);
export const fulfillmentOrderLineGid = (order: number, line: number) =>
  gid('FulfillmentOrderLineItem', FULFILLMENT_ORDER_LINE_BASE + order * MAX_LINES + line);
export const variantGid = (index: number) => gid('ProductVariant', VARIANT_BASE + index);
export const inventoryItemGid = (index: number) => gid('InventoryItem', INVENTORY_ITEM_BASE + index);
export const locationGid = (index: number) => gid('Location', LOCATION_BASE + index);
