import type { z } from 'zod';
import type { delimiterSchema } from '../../../../shared/schemas/csv-profile.js';
import { CsvRecordSplitter } from '../text/csv-records.js';
import { decodeText } from '../text/text-decoder.js';
import { UnreadableFileError } from '../text/unreadable-file-error.js';

type Delimiter = z.infer<typeof delimiterSchema>;

/** What a sample file says about its own layout, for a designer to start a format from. */
export interface SampleLayout {
  encoding: 'utf-8' | 'windows-1252' | 'utf-16le';
  /** The file started with a byte order mark. */
  bom: boolean;
  delimiter: Delimiter;
  lineEnding: 'crlf' | 'lf' | 'cr';
  /** The first row looks like names (no cell of it is a number or a date, and the rows below hold some). */
  headerRow: boolean;
  /** Each column: its header (or "Column n") and the first few values under it. */
  columns: { header: string; position: number; samples: string[] }[];
  /** Rows read (up to the limit). */
  rows: number;
}

const DELIMITERS: Delimiter[] = [',', ';', '\t', '|'];
const LOOKS_LIKE_DATA = /^[-+]?[\d.,/: -]+$|^\d{4}-\d{2}-\d{2}/;

/**
 * Detects the encoding, delimiter, line ending and header row of a sample (its first rows are enough)
 * and lists its columns with sample values. The delimiter is the one that splits the rows into the same
 * number of cells most often (more than one cell). Throws UnreadableFileError for an empty or binary file.
 */
export function sniffSample(content: Buffer, maxRows = 50): SampleLayout {
  const text = decodeText(content);
  const bom = (content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf) || (content[0] === 0xff && content[1] === 0xfe);
  const encoding = content[0] === 0xff && content[1] === 0xfe ? 'utf-16le' : isUtf8(content) ? 'utf-8' : 'windows-1252';
  let best: { delimiter: Delimiter; rows: string[][]; score: number } | undefined;
  for (const delimiter of DELIMITERS) {
    const splitter = new CsvRecordSplitter(delimiter);
    const rows = [...splitter.push(text), ...splitter.end()]
      .map((r) => r.cells.map((c) => c.trim()))
      .filter((cells) => cells.some((c) => c !== ''))
      .slice(0, maxRows);
    const widths = new Map<number, number>();
    for (const row of rows) widths.set(row.length, (widths.get(row.length) ?? 0) + 1);
    const [width, count] = [...widths].sort((a, b) => b[1] - a[1])[0] ?? [1, 0];
    const score = width > 1 ? count * 1000 + width : 0;
    if (!best || score > best.score) best = { delimiter, rows, score };
  }
  if (!best || best.rows.length === 0) throw new UnreadableFileError('The file has no rows');
  const [first, ...rest] = best.rows;
  const headerRow = rest.length > 0 && first.every((c) => c !== '' && !LOOKS_LIKE_DATA.test(c)) && rest.some((row) => row.some((c) => LOOKS_LIKE_DATA.test(c)));
  const data = headerRow ? rest : best.rows;
  const width = Math.max(...best.rows.map((r) => r.length));
  const columns = Array.from({ length: width }, (_, i) => ({
    header: headerRow ? (first[i] ?? `Column ${i + 1}`) : `Column ${i + 1}`,
    position: i + 1,
    samples: data.map((row) => row[i] ?? '').filter((v) => v !== '').slice(0, 5),
  }));
  const lineEnding = text.includes('\r\n') ? 'crlf' : text.includes('\n') ? 'lf' : text.includes('\r') ? 'cr' : 'crlf';
  return { encoding, bom, delimiter: best.delimiter, lineEnding, headerRow, columns, rows: data.length };
}

function isUtf8(content: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(content);
    return true;
  } catch {
    return false;
  }
}
