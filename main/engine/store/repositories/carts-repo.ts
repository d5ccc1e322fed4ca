import type { SqlReader, SqlRunner, SqlValue } from '../sql.js';
import { parseJson } from './json-column.js';
import { deleteSyncPositions } from './sync-positions-repo.js';

export interface CartRow {
  id: number;
  merchantId: number;
  platform: string;
  name: string;
  orderSource: string;
  settings: Record<string, unknown>;
  /** Encrypted credentials JSON (SecretCipher); decrypt only where a connector is built. */
  credentialsSealed: string | null;
  earliestOrderDate: string;
  rejectUnmapped: boolean;
  minInventoryLevel: number;
  /** The position of the cart's 'orders' stream (sync-positions-repo.ts); read-only here. */
  syncCursor: string | null;
  authError: string | null;
  createdAt: string;
  updatedAt: string;
}

interface Raw {
  id: number;
  merchant_id: number;
  platform: string;
  name: string;
  order_source: string;
  settings_json: string;
  credentials_sealed: string | null;
  earliest_order_date: string;
  reject_unmapped: number;
  min_inventory_level: number;
  sync_cursor: string | null;
  auth_error: string | null;
  created_at: string;
  updated_at: string;
}

function toRow(r: Raw): CartRow {
  return {
    id: r.id,
    merchantId: r.merchant_id,
    platform: r.platform,
    name: r.name,
    orderSource: r.order_source,
    settings: parseJson(r.settings_json, {}),
    credentialsSealed: r.credentials_sealed,
    earliestOrderDate: r.earliest_order_date,
    rejectUnmapped: r.reject_unmapped === 1,
    minInventoryLevel: r.min_inventory_level,
    syncCursor: r.sync_cursor,
    authError: r.auth_error,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** A cart with its 'orders' position, which lives in cart_sync_positions since migration 011. */
const SELECT_CART = `SELECT c.*, p.position AS sync_cursor
  FROM cart_connections c LEFT JOIN cart_sync_positions p ON p.cart_id = c.id AND p.stream = 'orders'`;

export function listCarts(db: SqlReader, merchantId?: number): CartRow[] {
  const rows =
    merchantId === undefined
      ? db.all<Raw>(`${SELECT_CART} ORDER BY c.merchant_id, c.name`)
      : db.all<Raw>(`${SELECT_CART} WHERE c.merchant_id = ? ORDER BY c.name`, [merchantId]);
  return rows.map(toRow);
}

export function getCart(db: SqlReader, id: number): CartRow | undefined {
  const r = db.get<Raw>(`${SELECT_CART} WHERE c.id = ?`, [id]);
  return r ? toRow(r) : undefined;
}

export type CartWrite = Omit<CartRow, 'id' | 'syncCursor' | 'authError' | 'createdAt' | 'updatedAt'>;

/** The columns a person's settings own, in the order both statements below list them. */
function writeParams(c: CartWrite): SqlValue[] {
  return [
    c.merchantId,
    c.platform,
    c.name,
    c.orderSource,
    JSON.stringify(c.settings),
    c.credentialsSealed,
    c.earliestOrderDate,
    c.rejectUnmapped ? 1 : 0,
    c.minInventoryLevel,
  ];
}

export function insertCart(db: SqlRunner, c: CartWrite, now: string): number {
  return db.run(
    `INSERT INTO cart_connections (merchant_id, platform, name, order_source, settings_json, credentials_sealed,
       earliest_order_date, reject_unmapped, min_inventory_level, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [...writeParams(c), now, now],
  ).lastInsertRowid;
}

/** Saving settings clears a recorded auth error: the person has just changed what was wrong. */
export function updateCart(db: SqlRunner, id: number, c: CartWrite, now: string): void {
  db.run(
    `UPDATE cart_connections SET merchant_id = ?, platform = ?, name = ?, order_source = ?, settings_json = ?,
       credentials_sealed = ?, earliest_order_date = ?, reject_unmapped = ?, min_inventory_level = ?,
       auth_error = NULL, updated_at = ?
     WHERE id = ?`,
    [...writeParams(c), now, id],
  );
}

/**
 * Replaces the saved credentials of a cart (rotated by its platform), without touching settings or
 * anything a person saved; `updated_at` stays, as nothing a person sees changed.
 */
export function setCartCredentials(db: SqlRunner, id: number, sealed: string | null): void {
  db.run('UPDATE cart_connections SET credentials_sealed = ? WHERE id = ?', [sealed, id]);
}

export function setCartAuthError(db: SqlRunner, id: number, message: string | null): void {
  db.run('UPDATE cart_connections SET auth_error = ? WHERE id = ?', [message, id]);
}

export function deleteCart(db: SqlRunner, id: number): void {
  db.run('DELETE FROM ship_code_map WHERE cart_id = ?', [id]);
  db.run('DELETE FROM inventory_pushed WHERE cart_id = ?', [id]);
  db.run(
    `DELETE FROM schedules WHERE service IN ('order_download','shipment_upload','inventory_upload') AND target_id = ?`,
    [id],
  );
  deleteSyncPositions(db, id);
  db.run('DELETE FROM cart_connections WHERE id = ?', [id]);
}
