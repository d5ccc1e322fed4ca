import type { ShipCodeMappingView } from '../../../../shared/api-types.js';
import type { ShipMethod } from '../../../../shared/domain.js';
import type { SqlReader, SqlRunner } from '../sql.js';
import { UNMAPPED_REASON_PREFIX } from '../../../../shared/order-actions.js';

export function listShipMethods(db: SqlReader): ShipMethod[] {
  return db.all<ShipMethod>('SELECT code, description, carrier FROM ship_methods ORDER BY code');
}

export function replaceShipMethods(db: SqlRunner, methods: ShipMethod[]): void {
  db.run('DELETE FROM ship_methods');
  for (const m of methods) {
    db.run('INSERT INTO ship_methods (code, description, carrier) VALUES (?, ?, ?)', [m.code, m.description, m.carrier]);
  }
}

export function shipMethodExists(db: SqlReader, code: string): boolean {
  return db.get('SELECT 1 AS x FROM ship_methods WHERE code = ?', [code]) !== undefined;
}

/** Remember a code seen from a cart (so the mapping screen lists it) and return its mapping, if any. */
export function seeShipCode(db: SqlRunner, cartId: number, cartCode: string, now: string): string | null {
  const row = db.get<{ wms_code: string | null }>(
    'SELECT wms_code FROM ship_code_map WHERE cart_id = ? AND cart_code = ?',
    [cartId, cartCode],
  );
  if (row) return row.wms_code;
  db.run('INSERT INTO ship_code_map (cart_id, cart_code, wms_code, first_seen_at) VALUES (?, ?, NULL, ?)', [
    cartId,
    cartCode,
    now,
  ]);
  return null;
}

export function mappedShipCode(db: SqlReader, cartId: number, cartCode: string): string | null {
  return (
    db.get<{ wms_code: string | null }>('SELECT wms_code FROM ship_code_map WHERE cart_id = ? AND cart_code = ?', [
      cartId,
      cartCode,
    ])?.wms_code ?? null
  );
}

export function setShipCodeMapping(
  db: SqlRunner,
  cartId: number,
  cartCode: string,
  wmsCode: string | null,
  now: string,
): void {
  db.run(
    `INSERT INTO ship_code_map (cart_id, cart_code, wms_code, first_seen_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (cart_id, cart_code) DO UPDATE SET wms_code = excluded.wms_code`,
    [cartId, cartCode, wmsCode, now],
  );
}

export { UNMAPPED_REASON_PREFIX };

export function listMappings(db: SqlReader, cartId?: number): ShipCodeMappingView[] {
  const rows = db.all<{ cart_id: number; cart_code: string; wms_code: string | null; first_seen_at: string; held: number }>(
    `SELECT m.cart_id, m.cart_code, m.wms_code, m.first_seen_at,
       (SELECT COUNT(*) FROM orders o WHERE o.cart_id = m.cart_id AND o.ship_code = m.cart_code
          AND o.status = 'error' AND o.status_reason LIKE ?) AS held
     FROM ship_code_map m ${cartId === undefined ? '' : 'WHERE m.cart_id = ?'}
     ORDER BY m.cart_id, m.cart_code`,
    cartId === undefined ? [`${UNMAPPED_REASON_PREFIX}%`] : [`${UNMAPPED_REASON_PREFIX}%`, cartId],
  );
  return rows.map((r) => ({
    cartId: r.cart_id,
    cartCode: r.cart_code,
    wmsCode: r.wms_code,
    firstSeenAt: r.first_seen_at,
    heldOrders: r.held,
  }));
}
