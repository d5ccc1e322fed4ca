import type { SqlReader, SqlRunner } from '../sql.js';

/** A cart's own names for the warehouse's carriers (migration 012): warehouse carrier -> what the cart is sent. */
export type CarrierNames = Record<string, string>;

export function getCarrierNames(db: SqlReader, cartId: number): CarrierNames {
  const rows = db.all<{ warehouse_carrier: string; cart_carrier: string }>(
    'SELECT warehouse_carrier, cart_carrier FROM cart_carrier_names WHERE cart_id = ? ORDER BY warehouse_carrier',
    [cartId],
  );
  return Object.fromEntries(rows.map((r) => [r.warehouse_carrier, r.cart_carrier]));
}

/** Replaces the cart's names with these; blank ones are left out (the platform's default applies). */
export function setCarrierNames(db: SqlRunner, cartId: number, names: CarrierNames): void {
  db.run('DELETE FROM cart_carrier_names WHERE cart_id = ?', [cartId]);
  for (const [warehouse, cart] of Object.entries(names)) {
    if (warehouse.trim() === '' || cart.trim() === '') continue;
    db.run('INSERT INTO cart_carrier_names (cart_id, warehouse_carrier, cart_carrier) VALUES (?, ?, ?)', [cartId, warehouse.trim(), cart.trim()]);
  }
}
