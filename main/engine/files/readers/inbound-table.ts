import Papa from 'papaparse';
import { DockhandError } from '../../../../shared/errors.js';

/**
 * The first step of reading any inbound WMS file: bytes -> text -> trimmed cells with the line each
 * row starts on. Files that are not a table at all throw UnreadableFileError (the connector moves
 * them to the error folder); problems with single rows travel with the row.
 */

export class UnreadableFileError extends Error {
  override readonly name = 'UnreadableFileError';
}

export interface InboundRecord {
  /** 1-based line in the file where the row starts. */
  line: number;
  cells: string[];
  /** Set when the row itself is broken (an unterminated quote). */
  problem?: string;
}

export interface InboundTable {
  /** Trimmed header cells, when the profile says the file has a header row. */
  header?: string[];
  records: InboundRecord[];
}

/**
 * `headerOnlyIsEmpty`: a header row without data rows is an empty table (a confirmation file of a day
 * nothing shipped) instead of an unreadable file.
 */
export function readInboundTable(content: Buffer, options: { delimiter: string; headerRow: boolean; headerOnlyIsEmpty?: boolean }): InboundTable {
  const text = decode(content);
  const records: InboundRecord[] = [];
  let line = 1;
  let consumed = 0;
  Papa.parse<string[]>(text, {
    delimiter: options.delimiter,
    skipEmptyLines: false,
    step(result) {
      const start = line;
      const end = result.meta.cursor;
      for (let i = consumed; i < end; i++) if (text.charCodeAt(i) === 10) line++;
      consumed = end;
      const cells = result.data.map((c) => c.trim());
      if (cells.every((c) => c === '')) return;
      const quote = result.errors.find((e) => e.type === 'Quotes');
      records.push({ line: start, cells, problem: quote ? `${quote.message} (check the quotes on this row)` : undefined });
    },
  });
  if (!options.headerRow) {
    if (records.length === 0) throw new UnreadableFileError('The file has no rows');
    return { records };
  }
  const [headerRecord, ...rows] = records;
  if (!headerRecord) throw new UnreadableFileError('The file has no rows');
  if (rows.length === 0 && !options.headerOnlyIsEmpty) throw new UnreadableFileError('The file has a header row but no data rows');
  return { header: headerRecord.cells, records: rows };
}

function decode(content: Buffer): string {
  if (content.length === 0) throw new UnreadableFileError('The file is empty');
  // Excel's "Unicode text" export: UTF-16LE with a BOM.
  if (content[0] === 0xff && content[1] === 0xfe) return content.subarray(2).toString('utf16le');
  if (content.includes(0)) throw new UnreadableFileError('The file is not a text file (it holds binary data)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    // Not UTF-8: files from Windows tools are usually Windows-1252 ("Müller" as one byte).
    text = new TextDecoder('windows-1252').decode(content);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export type ColumnRef = string | number;

/**
 * 0-based positions of the profile's columns: a number is a 1-based position; a name is looked up
 * in the header row, ignoring case and surrounding spaces. A required column that cannot be found
 * makes the whole file unreadable, naming what is missing and what the header has.
 */
export function resolveColumns<R extends { [key: string]: ColumnRef | undefined }>(
  table: InboundTable,
  refs: R,
  required: readonly (keyof R & string)[],
): Partial<Record<keyof R & string, number>> {
  type K = keyof R & string;
  const positions: Partial<Record<K, number>> = {};
  const missing: string[] = [];
  const header = table.header?.map((h) => h.toLowerCase());
  for (const key of Object.keys(refs) as K[]) {
    const ref = refs[key];
    if (ref === undefined) continue;
    let index: number;
    if (typeof ref === 'number') {
      index = ref - 1;
      if (header && index >= header.length) index = -1;
    } else {
      if (!header) {
        throw new DockhandError('config', `The file profile names column "${ref}" by header, but says the files have no header row`);
      }
      index = header.indexOf(ref.trim().toLowerCase());
    }
    if (index < 0) {
      if (required.includes(key)) missing.push(typeof ref === 'number' ? `column ${ref}` : `"${ref}"`);
      continue;
    }
    positions[key] = index;
  }
  if (missing.length > 0) {
    const found = table.header ? ` (the header has: ${table.header.map((h) => `"${h}"`).join(', ')})` : '';
    throw new UnreadableFileError(`Missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}${found}`);
  }
  return positions;
}
