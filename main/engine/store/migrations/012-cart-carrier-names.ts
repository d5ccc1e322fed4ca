import type { SqlRunner } from '../sql.js';

/**
 * A cart's own names for the warehouse's carriers, where a person overrides the platform's defaults
 * (shared/platforms: carriers): keyed by the carrier's code ("FDX") or the text as the warehouse writes
 * it. Its own table, so a cart's row keeps only its settings; gone with the cart.
 */
export const cartCarrierNames = {
  version: 12,
  name: 'cart carrier names',
  up(db: SqlRunner): void {
    db.run(`CREATE TABLE cart_carrier_names (
      cart_id INTEGER NOT NULL REFERENCES cart_connections(id) ON DELETE CASCADE,
      warehouse_carrier TEXT NOT NULL,
      cart_carrier TEXT NOT NULL,
      PRIMARY KEY (cart_id, warehouse_carrier)
    )`);
  },
};
