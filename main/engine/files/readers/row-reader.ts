import type { ParsedRows } from '../row-types.js';
import type { InboundRecord, InboundTableReader } from './inbound-table.js';

/**
 * A record to a row or a row error, put straight into the batch being read (no result object per row).
 */
export type RecordConverter<Row> = (record: InboundRecord, into: ParsedRows<Row>) => void;

/**
 * A reader of one kind of inbound file: its table (fed in chunks) and, once the header is known, the
 * function that turns a record into a row or a row error. The same reader serves a whole buffer and a
 * stream, so both read a file the same way.
 */
export interface RowReader<Row> {
  table: InboundTableReader;
  compile(header: string[] | undefined): RecordConverter<Row>;
}

/** Rows per batch handed on while a stream is read. */
export const ROWS_PER_BATCH = 2_000;

/** Bytes of a chunk parsed at once: about a batch of rows of a typical inbound file. */
const PARSE_SLICE_BYTES = 64 * 1024;

/**
 * Reads a file from its chunks, yielding batches of rows and row errors as they are read. File-level
 * problems (empty, binary, bad encoding, missing columns) throw UnreadableFileError: at the first chunk
 * for most, at the end for an empty or header-only file, so a caller that must not apply part of an
 * unreadable file collects the batches before applying them (readAll).
 */
export async function* readBatches<Row>(reader: RowReader<Row>, chunks: AsyncIterable<Buffer> | Iterable<Buffer>): AsyncGenerator<ParsedRows<Row>> {
  let convert: RecordConverter<Row> | undefined;
  let batch: ParsedRows<Row> = { rows: [], rowErrors: [] };
  const take = (records: InboundRecord[]) => {
    if (records.length === 0) return;
    convert ??= reader.compile(reader.table.header);
    for (let r = 0; r < records.length; r++) convert(records[r], batch);
  };
  for await (const chunk of chunks) {
    // A chunk may be the whole file (a transport that had it all buffered): parsed a slice at a time,
    // so a batch is handed on (and the caller may give the event loop a turn) every ROWS_PER_BATCH rows.
    for (let at = 0; at < chunk.length; at += PARSE_SLICE_BYTES) {
      take(reader.table.push(chunk.length <= PARSE_SLICE_BYTES ? chunk : chunk.subarray(at, at + PARSE_SLICE_BYTES)));
      if (batch.rows.length + batch.rowErrors.length >= ROWS_PER_BATCH) {
        yield batch;
        batch = { rows: [], rowErrors: [] };
      }
    }
  }
  take(reader.table.end());
  // A header-only file still checks its header against the profile.
  convert ??= reader.compile(reader.table.header);
  if (batch.rows.length + batch.rowErrors.length > 0) yield batch;
}

/** Every row of a stream, read before anything is applied: an unreadable file applies nothing. */
export async function readAll<Row>(reader: RowReader<Row>, chunks: AsyncIterable<Buffer> | Iterable<Buffer>): Promise<ParsedRows<Row>> {
  const all: ParsedRows<Row> = { rows: [], rowErrors: [] };
  for await (const batch of readBatches(reader, chunks)) {
    for (const row of batch.rows) all.rows.push(row);
    for (const error of batch.rowErrors) all.rowErrors.push(error);
    // Chunks already buffered never give the event loop a turn: let the screens' calls in between
    // batches, or a 100,000-row file holds the engine's thread for the whole parse.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return all;
}

/** A whole buffer, synchronously. */
export function readWhole<Row>(reader: RowReader<Row>, content: Buffer): ParsedRows<Row> {
  const compiled: { convert?: RecordConverter<Row> } = {};
  const out: ParsedRows<Row> = { rows: [], rowErrors: [] };
  const take = (records: InboundRecord[]) => {
    if (records.length === 0) return;
    compiled.convert ??= reader.compile(reader.table.header);
    for (let r = 0; r < records.length; r++) compiled.convert(records[r], out);
  };
  take(reader.table.push(content));
  take(reader.table.end());
  compiled.convert ??= reader.compile(reader.table.header);
  return out;
}
