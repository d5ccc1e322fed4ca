import type { PartialShipmentMode } from '../../../../shared/domain.js';
import type { SqlReader, SqlRunner } from '../sql.js';
import { parseJson } from './json-column.js';
import { deleteMerchantTallies } from './order-tallies.js';

export interface MerchantRow {
  id: number;
  name: string;
  code: string;
  folders: { orders?: string; confirmations?: string; inventory?: string } | null;
  errorContacts: string[];
  partialShipments: PartialShipmentMode;
  createdAt: string;
  updatedAt: string;
}

interface Raw {
  id: number;
  name: string;
  code: string;
  folders_json: string | null;
  error_contacts_json: string;
  partial_shipments: PartialShipmentMode;
  created_at: string;
  updated_at: string;
}

function toRow(r: Raw): MerchantRow {
  return {
    id: r.id,
    name: r.name,
    code: r.code,
    folders: parseJson(r.folders_json, null),
    errorContacts: parseJson(r.error_contacts_json, []),
    partialShipments: r.partial_shipments,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** What a person sets on a merchant; without partialShipments, a new merchant sends each shipment as it comes and an update keeps it. */
type MerchantFields = Pick<MerchantRow, 'name' | 'code' | 'folders' | 'errorContacts'> & { partialShipments?: PartialShipmentMode };

export function listMerchants(db: SqlReader): MerchantRow[] {
  return db.all<Raw>('SELECT * FROM merchants ORDER BY name').map(toRow);
}

export function getMerchant(db: SqlReader, id: number): MerchantRow | undefined {
  const r = db.get<Raw>('SELECT * FROM merchants WHERE id = ?', [id]);
  return r ? toRow(r) : undefined;
}

export function findMerchantByNameOrCode(db: SqlReader, name: string, code: string): MerchantRow[] {
  return db
    .all<Raw>('SELECT * FROM merchants WHERE lower(name) = lower(?) OR lower(code) = lower(?)', [name, code])
    .map(toRow);
}

export function insertMerchant(
  db: SqlRunner,
  m: MerchantFields,
  now: string,
): number {
  return db.run(
    `INSERT INTO merchants (name, code, folders_json, error_contacts_json, partial_shipments, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [m.name, m.code, m.folders ? JSON.stringify(m.folders) : null, JSON.stringify(m.errorContacts), m.partialShipments ?? 'as_shipped', now, now],
  ).lastInsertRowid;
}

export function updateMerchant(
  db: SqlRunner,
  id: number,
  m: MerchantFields,
  now: string,
): void {
  db.run(
    `UPDATE merchants SET name = ?, code = ?, folders_json = ?, error_contacts_json = ?, partial_shipments = COALESCE(?, partial_shipments),
       updated_at = ? WHERE id = ?`,
    [m.name, m.code, m.folders ? JSON.stringify(m.folders) : null, JSON.stringify(m.errorContacts), m.partialShipments ?? null, now, id],
  );
}

/** Deletes the merchant and everything that hangs off it. */
export function deleteMerchant(db: SqlRunner, id: number): void {
  const orderIds = 'SELECT id FROM orders WHERE merchant_id = ?';
  db.run(`DELETE FROM order_history WHERE order_id IN (${orderIds})`, [id]);
  db.run(`DELETE FROM shipments WHERE order_id IN (${orderIds})`, [id]);
  db.run(`DELETE FROM order_search WHERE order_id IN (${orderIds})`, [id]);
  db.run(`DELETE FROM order_payloads WHERE order_id IN (${orderIds})`, [id]);
  db.run(`DELETE FROM batch_orders WHERE batch_id IN (SELECT id FROM batches WHERE merchant_id = ?)`, [id]);
  db.run('DELETE FROM batches WHERE merchant_id = ?', [id]);
  db.run('DELETE FROM orders WHERE merchant_id = ?', [id]);
  const cartIds = 'SELECT id FROM cart_connections WHERE merchant_id = ?';
  db.run(`DELETE FROM ship_code_map WHERE cart_id IN (${cartIds})`, [id]);
  db.run(`DELETE FROM inventory_pushed WHERE cart_id IN (${cartIds})`, [id]);
  db.run(`DELETE FROM cart_sync_positions WHERE cart_id IN (${cartIds})`, [id]);
  db.run(`DELETE FROM schedules WHERE service IN ('order_download','shipment_upload','inventory_upload') AND target_id IN (${cartIds})`, [id]);
  db.run('DELETE FROM cart_connections WHERE merchant_id = ?', [id]);
  db.run(`DELETE FROM schedules WHERE service IN ('order_delivery','shipment_pickup','inventory_pickup') AND target_id = ?`, [id]);
  db.run('DELETE FROM inventory WHERE merchant_id = ?', [id]);
  db.run('DELETE FROM inbound_files WHERE merchant_id = ?', [id]);
  deleteMerchantTallies(db, id);
  db.run('DELETE FROM merchants WHERE id = ?', [id]);
}
