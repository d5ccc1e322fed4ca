import type { OrderLine } from '../../../../../shared/domain.js';
import type { MagentoOrderItem } from './schemas.js';
import { toMoney, toQuantity } from './values.js';

/**
 * Magento order items -> the lines a warehouse picks. Magento stores one product choice as several items:
 * - a configurable product is a parent item (product_type "configurable": the price, the quantities, and
 *   the item id Magento ships by) and a child item (the simple product actually picked, price 0,
 *   parent_item_id -> parent). The warehouse gets ONE line: the child's SKU and name, the parent's
 *   price, quantities and item id, so a shipment of it goes back against the parent as Magento expects.
 * - a bundle is a parent with children that are each a product of their own: the children are the lines
 *   (each shipped by its own item id) and the bundle parent is left out.
 * - virtual and downloadable items never ship: kept for reference with nothing to ship.
 */

export class LineProblem extends Error {}

export function mapOrderLines(items: MagentoOrderItem[]): OrderLine[] {
  const byId = new Map(items.map((item) => [item.item_id, item]));
  const childOf = new Map<number, MagentoOrderItem>();
  items.forEach((item, index) => {
    if (item.parent_item_id == null) return;
    if (!byId.has(item.parent_item_id)) {
      throw new LineProblem(`items[${index}].parent_item_id ${item.parent_item_id} is not an item of the order`);
    }
    if (!childOf.has(item.parent_item_id)) childOf.set(item.parent_item_id, item);
  });

  const lines: OrderLine[] = [];
  items.forEach((item, index) => {
    const where = `items[${index}]`;
    const parent = item.parent_item_id != null ? byId.get(item.parent_item_id) : undefined;
    if (parent?.product_type === 'configurable') return; // folded into its parent's line below
    if (item.product_type === 'bundle') return; // its children are the lines
    const child = item.product_type === 'configurable' ? childOf.get(item.item_id) : undefined;
    const product = child ?? item;
    const sku = product.sku ?? item.sku ?? '';
    if (sku.trim() === '') throw new LineProblem(`${where}.sku is missing`);

    const ordered = quantity(item.qty_ordered, `${where}.qty_ordered`);
    const canceled = quantity(item.qty_canceled ?? 0, `${where}.qty_canceled`);
    const shipped = quantity(item.qty_shipped ?? 0, `${where}.qty_shipped`);
    const refunded = quantity(item.qty_refunded ?? 0, `${where}.qty_refunded`);
    const stillOrdered = Math.max(0, ordered - canceled);
    if (stillOrdered === 0) return;
    // Magento's own Item::getSimpleQtyToShip: what is neither shipped, refunded nor canceled yet.
    const isVirtual = item.is_virtual === true || item.is_virtual === 1 || ['virtual', 'downloadable'].includes(item.product_type ?? '');
    const toShip = isVirtual ? 0 : Math.max(0, ordered - shipped - refunded - canceled);
    const price = toMoney(item.price ?? 0);
    if (price === null) throw new LineProblem(`${where}.price is not an amount (${JSON.stringify(item.price)})`);
    const line: OrderLine = {
      lineNo: lines.length + 1,
      sku,
      quantity: toShip,
      orderedQuantity: stillOrdered,
      price,
      cartLineId: String(item.item_id),
    };
    const name = product.name ?? item.name;
    if (name) line.name = name;
    if (item.discount_amount != null) {
      const discount = toMoney(item.discount_amount);
      if (discount !== null && Number(discount) !== 0) line.discount = discount.replace(/^-/, '');
    }
    lines.push(line);
  });
  return lines;
}

function quantity(value: unknown, where: string): number {
  const n = toQuantity(value);
  if (n === null || !Number.isInteger(n)) throw new LineProblem(`${where} is not a whole number of units (${JSON.stringify(value)})`);
  return n;
}
