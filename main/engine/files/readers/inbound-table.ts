import { DockhandError } from '../../../../shared/errors.js';
import { CsvRecordSplitter, type RawRecord } from '../text/csv-records.js';
import { ChunkDecoder, type FileEncoding } from '../text/text-decoder.js';
import { UnreadableFileError } from '../text/unreadable-file-error.js';

/**
 * The first step of reading any inbound file: bytes -> text -> trimmed cells with the line each row
 * starts on, chunk by chunk. Files that are not a table at all throw UnreadableFileError (the connector
 * moves them to the error folder); problems with single rows travel with the row.
 */

export { UnreadableFileError };

export interface InboundRecord {
  /** 1-based line in the file where the row starts. */
  line: number;
  cells: string[];
  /** Set when the row itself is broken (its quotes, or its count of cells). */
  problem?: string;
}

export interface InboundTable {
  /** Trimmed header cells, when the profile says the file has a header row. */
  header?: string[];
  records: InboundRecord[];
}

export interface InboundTableOptions {
  delimiter: string;
  headerRow: boolean;
  encoding?: FileEncoding;
  /**
   * `headerOnlyIsEmpty`: a header row without data rows is an empty table (a confirmation file of a day
   * nothing shipped) instead of an unreadable file.
   */
  headerOnlyIsEmpty?: boolean;
  /**
   * A row with more cells than the header is a row problem (a stray delimiter in an unquoted cell shifts
   * every value after it). Fewer cells are allowed: spreadsheets drop trailing empty cells.
   */
  reportRagged?: boolean;
}

/**
 * Reads a table fed in chunks: `push` returns the data rows complete so far, `end` the rest, and then
 * checks the file as a whole (empty, header only). The header row is `header` once read.
 */
export class InboundTableReader {
  header?: string[];
  private readonly decoder: ChunkDecoder;
  private readonly splitter: CsvRecordSplitter;
  private rows = 0;
  private sawHeader = false;

  constructor(private readonly options: InboundTableOptions) {
    this.decoder = new ChunkDecoder(options.encoding ?? 'auto');
    this.splitter = new CsvRecordSplitter(options.delimiter, { trim: true });
  }

  push(chunk: Buffer): InboundRecord[] {
    return this.take(this.splitter.push(this.decoder.push(chunk)));
  }

  end(): InboundRecord[] {
    const text = this.decoder.end();
    const records = this.take([...this.splitter.push(text), ...this.splitter.end()]);
    if (!this.sawHeader && this.rows + records.length === 0) throw new UnreadableFileError('The file has no rows');
    if (this.options.headerRow && this.rows + records.length === 0 && !this.options.headerOnlyIsEmpty) {
      throw new UnreadableFileError('The file has a header row but no data rows');
    }
    return records;
  }

  /**
   * The data records of the splitter's records (their cells trimmed by it): blank rows dropped, ragged
   * rows marked. The splitter's records and arrays are its callers' to keep, so they are reused here as they are
   * (no copy of every row on a 100,000-row file).
   */
  private take(raw: RawRecord[]): InboundRecord[] {
    const header = this.options.headerRow;
    const ragged = this.options.reportRagged === true;
    let kept = 0;
    for (let r = 0; r < raw.length; r++) {
      const record = raw[r];
      const cells = record.cells;
      if (!hasTextFrom(cells, 0)) continue;
      if (header && !this.sawHeader) {
        this.sawHeader = true;
        this.header = cells;
        continue;
      }
      if (ragged && this.header && cells.length > this.header.length && hasTextFrom(cells, this.header.length)) {
        const note = `the row has ${cells.length} cells but the header has ${this.header.length} (a delimiter inside a cell that is not quoted?)`;
        record.problem = record.problem ? `${record.problem}; ${note}` : note;
      }
      raw[kept++] = record;
    }
    if (kept < raw.length) raw.length = kept;
    this.rows += kept;
    return raw;
  }
}

function hasTextFrom(cells: string[], from: number): boolean {
  for (let c = from; c < cells.length; c++) if (cells[c] !== '') return true;
  return false;
}

/** A whole file as a table (small files, and callers that need every row at once). */
export function readInboundTable(content: Buffer, options: InboundTableOptions): InboundTable {
  const reader = new InboundTableReader(options);
  const records = [...reader.push(content), ...reader.end()];
  return { header: reader.header, records };
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
