import type { FormatIds, FormatKind } from '../../../../shared/schemas/file-format.js';
import { FORMAT_KINDS } from '../../../../shared/schemas/file-format.js';
import type { SqlReader, SqlRunner } from '../sql.js';
import { parseJson } from './json-column.js';

/**
 * Saved file formats (migration 013) and each merchant's overrides. A profile is kept as the JSON its
 * kind's schema produced; readers parse it again with that schema (main/engine/formats/), so a schema that
 * grew a defaulted option reads older records as they were meant.
 */
export interface FileFormatRow {
  id: number;
  kind: FormatKind;
  name: string;
  profile: unknown;
  /** The preset it was copied from, if any (informational: the copy is its own). */
  preset: string | null;
  createdAt: string;
  updatedAt: string;
}

interface Raw {
  id: number;
  kind: FormatKind;
  name: string;
  profile_json: string;
  preset: string | null;
  created_at: string;
  updated_at: string;
}

const toRow = (r: Raw): FileFormatRow => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  profile: parseJson<unknown>(r.profile_json, null),
  preset: r.preset,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function listFileFormats(db: SqlReader, kind?: FormatKind): FileFormatRow[] {
  const rows = kind
    ? db.all<Raw>('SELECT * FROM file_formats WHERE kind = ? ORDER BY lower(name), id', [kind])
    : db.all<Raw>(`SELECT * FROM file_formats ORDER BY CASE kind WHEN 'order' THEN 1 WHEN 'confirmation' THEN 2 ELSE 3 END, lower(name), id`);
  return rows.map(toRow);
}

export function getFileFormat(db: SqlReader, id: number): FileFormatRow | undefined {
  const r = db.get<Raw>('SELECT * FROM file_formats WHERE id = ?', [id]);
  return r ? toRow(r) : undefined;
}

/** The format of this kind with this name, told apart without case. */
export function findFileFormatByName(db: SqlReader, kind: FormatKind, name: string): FileFormatRow | undefined {
  const r = db.get<Raw>('SELECT * FROM file_formats WHERE kind = ? AND lower(name) = lower(?)', [kind, name.trim()]);
  return r ? toRow(r) : undefined;
}

/** `name`, or the first of "name (2)", "name (3)"... no format of the kind has yet. */
export function uniqueFormatName(db: SqlReader, kind: FormatKind, name: string, taken: ReadonlySet<string> = new Set()): string {
  const base = name.trim();
  const free = (candidate: string) => !taken.has(`${kind}:${candidate.toLowerCase()}`) && !findFileFormatByName(db, kind, candidate);
  if (free(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} (${n})`;
    if (free(candidate)) return candidate;
  }
}

export function insertFileFormat(
  db: SqlRunner,
  f: { kind: FormatKind; name: string; profile: unknown; preset?: string | null },
  now: string,
): number {
  return db.run(
    'INSERT INTO file_formats (kind, name, profile_json, preset, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    [f.kind, f.name.trim(), JSON.stringify(f.profile), f.preset ?? null, now, now],
  ).lastInsertRowid;
}

export function updateFileFormat(db: SqlRunner, id: number, f: { name: string; profile: unknown }, now: string): void {
  db.run('UPDATE file_formats SET name = ?, profile_json = ?, updated_at = ? WHERE id = ?', [f.name.trim(), JSON.stringify(f.profile), now, id]);
}

export function deleteFileFormat(db: SqlRunner, id: number): void {
  db.run('DELETE FROM file_formats WHERE id = ?', [id]);
}

/** A merchant's overrides: the kinds it names a format for; the others use the warehouse's. */
export function getMerchantFormatIds(db: SqlReader, merchantId: number): FormatIds {
  const ids: FormatIds = {};
  for (const r of db.all<{ kind: FormatKind; format_id: number }>('SELECT kind, format_id FROM merchant_file_formats WHERE merchant_id = ?', [merchantId])) {
    ids[r.kind] = r.format_id;
  }
  return ids;
}

/** Every merchant's overrides, by merchant id (merchants without any are absent). */
export function listMerchantFormatIds(db: SqlReader): Map<number, FormatIds> {
  const byMerchant = new Map<number, FormatIds>();
  for (const r of db.all<{ merchant_id: number; kind: FormatKind; format_id: number }>('SELECT merchant_id, kind, format_id FROM merchant_file_formats')) {
    const ids = byMerchant.get(r.merchant_id) ?? {};
    ids[r.kind] = r.format_id;
    byMerchant.set(r.merchant_id, ids);
  }
  return byMerchant;
}

/** Replaces a merchant's overrides with `ids` (a kind left out goes back to the warehouse's format). */
export function setMerchantFormatIds(db: SqlRunner, merchantId: number, ids: FormatIds): void {
  db.run('DELETE FROM merchant_file_formats WHERE merchant_id = ?', [merchantId]);
  for (const kind of FORMAT_KINDS) {
    const formatId = ids[kind];
    if (formatId !== undefined) db.run('INSERT INTO merchant_file_formats (merchant_id, kind, format_id) VALUES (?, ?, ?)', [merchantId, kind, formatId]);
  }
}

/** The merchants whose overrides name this format, by name. */
export function merchantsUsingFormat(db: SqlReader, formatId: number): { id: number; name: string }[] {
  return db.all<{ id: number; name: string }>(
    `SELECT DISTINCT m.id, m.name FROM merchant_file_formats f JOIN merchants m ON m.id = f.merchant_id WHERE f.format_id = ? ORDER BY m.name`,
    [formatId],
  );
}
