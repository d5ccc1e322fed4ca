import type { SqlParams, SqlReader, SqlRunner } from '../sql.js';

/** Files kept for 30 days (migration 015); the bytes are in `<dataDir>/files/<keptPath>`. */

export type KeptFileDirection = 'sent' | 'received';
export type KeptFileKind = 'order' | 'confirmation' | 'inventory' | 'order_source';

export interface NewKeptFile {
  merchantId: number | null;
  cartId: number | null;
  direction: KeptFileDirection;
  kind: KeptFileKind;
  remotePath: string;
  name: string;
  size: number;
  rows: number;
  errors: number;
  /** A few bad lines in words ("line 4: ..."), already bounded by the keeper. */
  firstErrors: string;
  sha256: string;
  /** Relative to the kept-files folder, with forward slashes. */
  keptPath: string;
  createdAt: string;
}

export interface KeptFileRow extends NewKeptFile {
  id: number;
  /** Null for a file of no merchant, or of a merchant deleted since. */
  merchantName: string | null;
}

export interface KeptFileFilter {
  merchantId?: number;
  direction?: KeptFileDirection;
  kind?: KeptFileKind;
  /** ISO UTC, inclusive. */
  from?: string;
  /** ISO UTC, exclusive. */
  to?: string;
  /** Text in the file name (case-insensitive). */
  text?: string;
}

interface Row {
  id: number;
  merchant_id: number | null;
  cart_id: number | null;
  direction: KeptFileDirection;
  kind: KeptFileKind;
  remote_path: string;
  name: string;
  size: number;
  rows_count: number;
  errors_count: number;
  first_errors: string;
  sha256: string;
  kept_path: string;
  created_at: string;
  merchant_name: string | null;
}

const SELECT_WITH_MERCHANT = 'SELECT k.*, m.name AS merchant_name FROM kept_files k LEFT JOIN merchants m ON m.id = k.merchant_id';

function fromRow(r: Row): KeptFileRow {
  return {
    id: r.id,
    merchantId: r.merchant_id,
    cartId: r.cart_id,
    direction: r.direction,
    kind: r.kind,
    remotePath: r.remote_path,
    name: r.name,
    size: r.size,
    rows: r.rows_count,
    errors: r.errors_count,
    firstErrors: r.first_errors,
    sha256: r.sha256,
    keptPath: r.kept_path,
    createdAt: r.created_at,
    merchantName: r.merchant_name,
  };
}

export function insertKeptFile(db: SqlRunner, f: NewKeptFile): number {
  return db.run(
    `INSERT INTO kept_files (merchant_id, cart_id, direction, kind, remote_path, name, size, rows_count, errors_count,
       first_errors, sha256, kept_path, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [f.merchantId, f.cartId, f.direction, f.kind, f.remotePath, f.name, f.size, f.rows, f.errors, f.firstErrors, f.sha256, f.keptPath, f.createdAt],
  ).lastInsertRowid;
}

export function getKeptFile(db: SqlReader, id: number): KeptFileRow | undefined {
  const r = db.get<Row>(`${SELECT_WITH_MERCHANT} WHERE k.id = ?`, [id]);
  return r ? fromRow(r) : undefined;
}

/** LIKE with the user's text taken literally (% and _ escaped). */
function likeText(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function whereOf(filter: KeptFileFilter): { sql: string; params: SqlParams } {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  const add = (sql: string, value: string | number) => {
    parts.push(sql);
    params.push(value);
  };
  if (filter.merchantId !== undefined) add('k.merchant_id = ?', filter.merchantId);
  if (filter.direction) add('k.direction = ?', filter.direction);
  if (filter.kind) add('k.kind = ?', filter.kind);
  if (filter.from) add('k.created_at >= ?', filter.from);
  if (filter.to) add('k.created_at < ?', filter.to);
  if (filter.text) add("LOWER(k.name) LIKE ? ESCAPE '\\'", likeText(filter.text));
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** One page, newest first (the created_at index walks it backwards), and the total that matches. */
export function listKeptFiles(db: SqlReader, filter: KeptFileFilter, page: { limit: number; offset: number }): { items: KeptFileRow[]; total: number } {
  const where = whereOf(filter);
  const items = db
    .all<Row>(`${SELECT_WITH_MERCHANT} ${where.sql} ORDER BY k.created_at DESC, k.id DESC LIMIT ? OFFSET ?`, [...where.params, page.limit, page.offset])
    .map(fromRow);
  const total = db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM kept_files k ${where.sql}`, where.params)?.n ?? 0;
  return { items, total };
}

/** Rows created before `cutoff` (ISO UTC), oldest first, at most `limit`: the sweep's next handful. */
export function keptFilesBefore(db: SqlReader, cutoff: string, limit: number): { id: number; keptPath: string }[] {
  return db
    .all<{ id: number; kept_path: string }>('SELECT id, kept_path FROM kept_files WHERE created_at < ? ORDER BY created_at, id LIMIT ?', [cutoff, limit])
    .map((r) => ({ id: r.id, keptPath: r.kept_path }));
}

export function allKeptPaths(db: SqlReader): { id: number; keptPath: string }[] {
  return db.all<{ id: number; kept_path: string }>('SELECT id, kept_path FROM kept_files').map((r) => ({ id: r.id, keptPath: r.kept_path }));
}

export function deleteKeptFiles(db: SqlRunner, ids: readonly number[]): void {
  for (const id of ids) db.run('DELETE FROM kept_files WHERE id = ?', [id]);
}
