import type { SqlRunner } from '../sql.js';

/**
 * The wider cart interface (issue 10), so the marketplaces fit without another reshape:
 *
 * - `cart_sync_positions`: a cart's sync positions by stream ('orders', later 'shipment_checks',
 *   'inventory_feeds', ...) instead of one cursor per cart. Each cart's saved cursor becomes its 'orders'
 *   position, and the old column goes, so there is one place a position can be read from.
 * - `shipments.submitted_at`: a shipment the cart took as 'submitted' (an Amazon feed, processed later)
 *   has status 'submitted', the cart's reference of the request in `remote_id`, and when it was
 *   submitted here; later runs check it until it is accepted ('uploaded') or refused ('error').
 */
export const syncStreamsAndSubmittedShipments = {
  version: 11,
  name: 'sync streams and submitted shipments',
  up(db: SqlRunner): void {
    db.run(
      `CREATE TABLE cart_sync_positions (
        cart_id INTEGER NOT NULL,
        stream TEXT NOT NULL,
        position TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (cart_id, stream)
      )`,
    );
    // The cursor was saved without a time; the cart's own updated_at is the closest honest one.
    db.run(
      `INSERT INTO cart_sync_positions (cart_id, stream, position, updated_at)
       SELECT id, 'orders', sync_cursor, updated_at FROM cart_connections WHERE sync_cursor IS NOT NULL`,
    );
    db.run('ALTER TABLE cart_connections DROP COLUMN sync_cursor');
    db.run('ALTER TABLE shipments ADD COLUMN submitted_at TEXT');
  },
};
