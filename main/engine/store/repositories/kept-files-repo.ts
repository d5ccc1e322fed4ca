import type { SqlParams, SqlReader, SqlRunner } from '../sql.js';
import { deleteNameWords, insertNameWords, nameWords, wordPrefixRange } from './kept-file-words.js';

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
  /** Text in the file name that starts a word of it, case-insensitive (kept-file-words.ts). */
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
  const id = db.run(
    `INSERT INTO kept_files (merchant_id, cart_id, direction, kind, remote_path, name, size, rows_count, errors_count,
       first_errors, sha256, kept_path, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [f.merchantId, f.cartId, f.direction, f.kind, f.remotePath, f.name, f.size, f.rows, f.errors, f.firstErrors, f.sha256, f.keptPath, f.createdAt],
  ).lastInsertRowid;
  insertNameWords(db, id, f.name);
  return id;
}

export function getKeptFile(db: SqlReader, id: number): KeptFileRow | undefined {
  const r = db.get<Row>(`${SELECT_WITH_MERCHANT} WHERE k.id = ?`, [id]);
  return r ? fromRow(r) : undefined;
}

/** LIKE with the user's text taken literally (% and _ escaped). */
function likeText(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * How a name search reads (kept-file-words.ts). Every word of the text starts a word of the name, so the
 * candidates are the files with all of them: an intersection of ranges of the word index, counted first.
 * The total counts among the candidates, never every file. Few matches: the page is read by their ids
 * and sorted. Many (a merchant's code, "orders"): the time index is walked newest first, each file's
 * words looked up, which stops once the page is full. Text without a letter or digit reads every name.
 */
type NameSearch =
  | { via: 'scan' }
  | { via: 'ids' | 'walk'; ranges: { from: string; to: string }[]; candidates: number; wholeWord: boolean };

/** Above this many matches, walking the time index for a page beats sorting the matches. */
const MANY_CANDIDATES = 2000;

const WORD_RANGE = 'SELECT file_id FROM kept_file_words WHERE word >= ? AND word < ?';
const candidatesSql = (n: number) => Array.from({ length: n }, () => WORD_RANGE).join(' INTERSECT ');
const rangeParams = (ranges: readonly { from: string; to: string }[]) => ranges.flatMap((r) => [r.from, r.to]);

function nameSearchOf(db: SqlReader, text: string): NameSearch {
  const words = nameWords(text);
  if (words.length === 0) return { via: 'scan' };
  const ranges = words.map(wordPrefixRange);
  const candidates = db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM (${candidatesSql(ranges.length)}) c`, rangeParams(ranges))?.n ?? 0;
  // The text is one word and nothing else: a file with a word starting with it holds the text.
  const wholeWord = words.length === 1 && text.trim().toLowerCase() === words[0];
  return { via: candidates > MANY_CANDIDATES ? 'walk' : 'ids', ranges, candidates, wholeWord };
}

function whereOf(filter: KeptFileFilter, search?: NameSearch, forCount = false): { sql: string; params: SqlParams } {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  const add = (sql: string, value: string | number) => {
    parts.push(sql);
    params.push(value);
  };
  // Few candidates drive the read; a unary + keeps the planner from walking a merchant's or a day's
  // files through their index instead (valid SQL in PostgreSQL too, where it changes nothing).
  const c = (column: string) => (search?.via === 'ids' ? `+${column}` : column);
  if (filter.merchantId !== undefined) add(`${c('k.merchant_id')} = ?`, filter.merchantId);
  if (filter.direction) add('k.direction = ?', filter.direction);
  if (filter.kind) add('k.kind = ?', filter.kind);
  if (filter.from) add(`${c('k.created_at')} >= ?`, filter.from);
  if (filter.to) add(`${c('k.created_at')} < ?`, filter.to);
  if (filter.text) {
    if (search && search.via !== 'scan') {
      if (search.via === 'ids' || forCount) parts.push(`k.id IN (${candidatesSql(search.ranges.length)})`);
      else for (const _ of search.ranges) parts.push('EXISTS (SELECT 1 FROM kept_file_words w WHERE w.file_id = k.id AND w.word >= ? AND w.word < ?)');
      params.push(...rangeParams(search.ranges));
    }
    // The whole text, checked on the candidates alone.
    add("LOWER(k.name) LIKE ? ESCAPE '\\'", likeText(filter.text));
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** One page, newest first (the created_at index walks it backwards), and the total that matches. */
export function listKeptFiles(db: SqlReader, filter: KeptFileFilter, page: { limit: number; offset: number }): { items: KeptFileRow[]; total: number } {
  const found = filter.text ? nameSearchOf(db, filter.text) : undefined;
  if (found && found.via !== 'scan' && found.candidates === 0) return { items: [], total: 0 };
  const others = Object.entries(filter).some(([key, value]) => key !== 'text' && value !== undefined);
  // A one-word search and nothing else: its candidates are the answer, already counted.
  const counted = found && found.via !== 'scan' && found.wholeWord && !others ? found.candidates : undefined;
  const countWhere = whereOf(filter, found, true);
  const total = counted ?? db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM kept_files k ${countWhere.sql}`, countWhere.params)?.n ?? 0;
  // The page walks the time index only when the matches are many: few, and the walk could read every file.
  const search: NameSearch | undefined = found && found.via !== 'scan' ? { ...found, via: total > MANY_CANDIDATES ? 'walk' : 'ids' } : found;
  const where = whereOf(filter, search);
  const items = db
    .all<Row>(`${SELECT_WITH_MERCHANT} ${where.sql} ORDER BY k.created_at DESC, k.id DESC LIMIT ? OFFSET ?`, [...where.params, page.limit, page.offset])
    .map(fromRow);
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
  for (const id of ids) {
    db.run('DELETE FROM kept_files WHERE id = ?', [id]);
    deleteNameWords(db, id);
  }
}
