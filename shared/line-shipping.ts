import type { OrderLine } from './domain.js';

/**
 * What the warehouse ships of an order, per cart line. Shipped quantities are kept per cart line id (the
 * line the cart knows, so an upload fulfils exactly those units) and derived from the order's
 * shipments, so they cannot drift from what was saved. An order is shipped when every line is.
 */

/** One line of a shipment. New shipments always name their cart line; older ones may name only the SKU. */
export interface ShippedItem {
  sku: string;
  quantity: number;
  cartLineId?: string;
}

/** The key of a line's shipped quantity: its cart line id (every cart names its lines). */
export function lineKey(line: OrderLine): string {
  return line.cartLineId || `line-${line.lineNo}`;
}

/**
 * The units of a line the warehouse is asked to ship. One place, so that when delivery asks only for
 * what the cart still has to fulfil, "shipped" keeps meaning "all that was asked for".
 */
export function quantityToShip(line: OrderLine): number {
  return line.quantity;
}

/** Shipped units per line key, every line of the order listed (0 when nothing shipped). */
export function shippedByLine(lines: readonly OrderLine[], items: readonly ShippedItem[]): Map<string, number> {
  const shipped = new Map<string, number>(lines.map((l) => [lineKey(l), 0]));
  const unnamed: ShippedItem[] = [];
  for (const item of items) {
    if (item.cartLineId !== undefined && shipped.has(item.cartLineId)) shipped.set(item.cartLineId, shipped.get(item.cartLineId)! + item.quantity);
    else unnamed.push(item);
  }
  // An item without a line (saved before lines were named) fills its SKU's lines in order, as the cart did.
  for (const item of unnamed) {
    let rest = item.quantity;
    const onSku = lines.filter((l) => l.sku === item.sku);
    for (const l of onSku) {
      const take = Math.min(rest, Math.max(0, quantityToShip(l) - shipped.get(lineKey(l))!));
      shipped.set(lineKey(l), shipped.get(lineKey(l))! + take);
      rest -= take;
    }
    // Beyond what the lines hold (should not happen): counted on the last line, so it stays visible.
    const last = onSku.at(-1);
    if (rest > 0 && last) shipped.set(lineKey(last), shipped.get(lineKey(last))! + rest);
  }
  return shipped;
}

export function everyLineShipped(lines: readonly OrderLine[], shipped: ReadonlyMap<string, number>): boolean {
  return lines.every((l) => (shipped.get(lineKey(l)) ?? 0) >= quantityToShip(l));
}

export type Allocation =
  | { ok: true; items: Required<ShippedItem>[] }
  /** The row asks for more than the SKU's lines have left: how much they were to ship, shipped, have left. */
  | { ok: false; toShip: number; shipped: number; left: number };

/**
 * Spreads a confirmed quantity of a SKU over the order's lines of that SKU that still have units to ship
 * (`shipped` is not changed). A line whose open quantity the row matches exactly is preferred (the order
 * file's own row echoed back); otherwise lines are filled in order.
 */
export function allocateShippedUnits(lines: readonly OrderLine[], shipped: ReadonlyMap<string, number>, sku: string, quantity: number): Allocation {
  const open = lines
    .filter((l) => l.sku === sku)
    .map((l) => ({ line: l, left: Math.max(0, quantityToShip(l) - (shipped.get(lineKey(l)) ?? 0)) }));
  const left = open.reduce((sum, o) => sum + o.left, 0);
  if (quantity > left) {
    const toShip = open.reduce((sum, o) => sum + quantityToShip(o.line), 0);
    return { ok: false, toShip, shipped: toShip - left, left };
  }
  const exact = open.find((o) => o.left === quantity);
  if (exact) return { ok: true, items: [{ sku, quantity, cartLineId: lineKey(exact.line) }] };
  const items: Required<ShippedItem>[] = [];
  let rest = quantity;
  for (const o of open) {
    const take = Math.min(rest, o.left);
    if (take > 0) items.push({ sku, quantity: take, cartLineId: lineKey(o.line) });
    rest -= take;
  }
  return { ok: true, items };
}
