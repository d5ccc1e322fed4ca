import { crc32 } from 'node:zlib';
import { decodePayloadV1, RECORD_FORMAT_V1 } from './journal-record-v1.js';
import type { SqlParams, SqlValue } from './sql.js';

/**
 * On-disk journal record: `[u32 payloadLength][u32 crc32(payload)][payload]`, little endian.
 *
 * Format 2 payload (written now):
 * `[u8 2][u64 seq][u32 statementCount][u32 statementBytes]`, the statements, then the SQL table
 * `[u32 sqlCount]` and per distinct SQL text `[u32 bytes][utf8]`. A statement is
 * `[u8 mode][varint sqlIndex][varint paramCount]` then per parameter a tag byte and its value:
 * 0 null, 1 float64, 2 text (u32 length + utf8), 3 blob (u32 length + bytes), 4 int32,
 * 5 short text (u8 length + utf8), 6 short blob (u8 length + bytes).
 * Each SQL text is stored once per record (a 100k-row commit repeats the same few statements), and the
 * table comes last so statements can be encoded as they run, into one growing buffer, with no copy at
 * commit. Binary rather than JSON so Uint8Array params round-trip exactly and numbers keep every bit
 * (-0 and non-int32 numbers are float64).
 *
 * Format 1 (see journal-record-v1.ts) is still read, so journals written before format 2 replay.
 */
export const RECORD_HEADER_BYTES = 8;
export const RECORD_FORMAT = 2;
/** A length field above this is treated as garbage rather than a real record. */
export const MAX_RECORD_BYTES = 1 << 30;
/** Smallest payload of any format: format byte, seq, statement count. */
export const MIN_PAYLOAD_BYTES = 13;

const V2_HEAD_BYTES = 1 + 8 + 4 + 4;

const TAG_NULL = 0;
const TAG_FLOAT = 1;
const TAG_TEXT = 2;
const TAG_BLOB = 3;
const TAG_INT32 = 4;
const TAG_SHORT_TEXT = 5;
const TAG_SHORT_BLOB = 6;

/** Strings this short are tried as ASCII byte by byte, which beats a native call for tiny strings. */
const ASCII_FAST_PATH_CHARS = 64;

/**
 * How a statement was executed, so replay executes it the same way: `script` may hold several
 * `;`-separated statements (run without parameters), `single` is one prepared statement stepped to its end.
 */
export type StatementMode = 'script' | 'single';

export interface JournalStatement {
  mode: StatementMode;
  sql: string;
  params: SqlValue[];
}

export interface JournalRecord {
  seq: number;
  statements: JournalStatement[];
}

export function isKnownRecordFormat(format: number): boolean {
  return format === RECORD_FORMAT || format === RECORD_FORMAT_V1;
}

/**
 * Growable byte buffer. Its memory is a fresh ArrayBuffer of its own (never Node's shared pool), so a
 * finished record can be handed to the journal thread by transfer instead of by copy.
 */
export class ByteWriter {
  buf: Buffer;
  length: number;

  constructor(initial = 1024, reserve = 0) {
    this.buf = Buffer.allocUnsafeSlow(Math.max(initial, reserve, 16));
    this.length = reserve;
  }

  ensure(extra: number): void {
    const need = this.length + extra;
    if (need <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < need) size *= 2;
    const next = Buffer.allocUnsafeSlow(size);
    this.buf.copy(next, 0, 0, this.length);
    this.buf = next;
  }

  u8(v: number): void {
    this.ensure(1);
    this.buf[this.length++] = v;
  }

  u32(v: number): void {
    this.ensure(4);
    this.buf.writeUInt32LE(v, this.length);
    this.length += 4;
  }

  /** Unsigned LEB128, for small counts and indexes. */
  varint(v: number): void {
    this.ensure(5);
    const b = this.buf;
    while (v >= 0x80) {
      b[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    b[this.length++] = v;
  }

  /** Tag byte then the utf8 text, with a u8 length when it fits and a u32 length otherwise. */
  taggedText(s: string): void {
    const n = s.length;
    if (n <= ASCII_FAST_PATH_CHARS) {
      this.ensure(2 + n * 3);
      const b = this.buf;
      const start = this.length;
      let o = start + 2;
      let i = 0;
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0x80) break;
        b[o++] = c;
      }
      if (i < n) o = start + 2 + b.write(s, start + 2, 'utf8');
      b[start] = TAG_SHORT_TEXT;
      b[start + 1] = o - start - 2;
      this.length = o;
      return;
    }
    // Room for the worst case (3 bytes per UTF-16 unit) so the text is written once, without a
    // separate byteLength pass; the length goes in front afterwards.
    this.ensure(5 + n * 3);
    const start = this.length;
    const written = this.buf.write(s, start + 5, 'utf8');
    this.buf[start] = TAG_TEXT;
    this.buf.writeUInt32LE(written, start + 1);
    this.length = start + 5 + written;
  }

  taggedBytes(v: Uint8Array): void {
    const n = v.byteLength;
    if (n <= 0xff) {
      this.ensure(2 + n);
      this.buf[this.length] = TAG_SHORT_BLOB;
      this.buf[this.length + 1] = n;
      this.buf.set(v, this.length + 2);
      this.length += 2 + n;
      return;
    }
    this.ensure(5 + n);
    this.buf[this.length] = TAG_BLOB;
    this.buf.writeUInt32LE(n, this.length + 1);
    this.buf.set(v, this.length + 5);
    this.length += 5 + n;
  }

  taggedNumber(v: number): void {
    this.ensure(9);
    const b = this.buf;
    if ((v | 0) === v && !(v === 0 && 1 / v < 0)) {
      b[this.length] = TAG_INT32;
      b.writeInt32LE(v, this.length + 1);
      this.length += 5;
    } else {
      b[this.length] = TAG_FLOAT;
      b.writeDoubleLE(v, this.length + 1);
      this.length += 9;
    }
  }
}

/**
 * Accumulates the statements of one write transaction, already encoded, in one growing buffer that
 * starts with room for the frame and header; `finish` appends the SQL table and fills the header in.
 */
export class StatementEncoder {
  private readonly w = new ByteWriter(1024, RECORD_HEADER_BYTES + V2_HEAD_BYTES);
  private readonly sqlIndex = new Map<string, number>();
  private readonly sqlTexts: string[] = [];
  count = 0;

  add(mode: StatementMode, sql: string, params: SqlParams): void {
    const w = this.w;
    let index = this.sqlIndex.get(sql);
    if (index === undefined) {
      index = this.sqlTexts.length;
      this.sqlTexts.push(sql);
      this.sqlIndex.set(sql, index);
    }
    w.u8(mode === 'script' ? 0 : 1);
    w.varint(index);
    w.varint(params.length);
    for (let i = 0; i < params.length; i++) {
      const p = params[i];
      if (p === null) w.u8(TAG_NULL);
      else if (typeof p === 'number') w.taggedNumber(p);
      else if (typeof p === 'string') w.taggedText(p);
      else w.taggedBytes(p);
    }
    this.count++;
  }

  /**
   * The complete framed record (header + payload) for commit `seq`: a view of the encoder's own buffer,
   * not a copy. The encoder must not be used afterwards.
   */
  finish(seq: number): Buffer {
    const w = this.w;
    const statementBytes = w.length - RECORD_HEADER_BYTES - V2_HEAD_BYTES;
    w.u32(this.sqlTexts.length);
    for (const sql of this.sqlTexts) {
      const n = Buffer.byteLength(sql, 'utf8');
      w.u32(n);
      w.ensure(n);
      w.buf.write(sql, w.length, n, 'utf8');
      w.length += n;
    }
    const out = w.buf.subarray(0, w.length);
    let o = RECORD_HEADER_BYTES;
    out[o++] = RECORD_FORMAT;
    out.writeBigUInt64LE(BigInt(seq), o);
    o += 8;
    out.writeUInt32LE(this.count, o);
    o += 4;
    out.writeUInt32LE(statementBytes, o);
    const payload = out.subarray(RECORD_HEADER_BYTES);
    out.writeUInt32LE(payload.length, 0);
    out.writeUInt32LE(crc32(payload), 4);
    return out;
  }
}

export function encodeRecord(record: JournalRecord): Buffer {
  const enc = new StatementEncoder();
  for (const s of record.statements) enc.add(s.mode, s.sql, s.params);
  return enc.finish(record.seq);
}

/** Reads the seq of a payload without decoding the statements (used when resynchronising). */
export function payloadSeq(payload: Buffer): number | undefined {
  if (payload.length < MIN_PAYLOAD_BYTES || !isKnownRecordFormat(payload[0])) return undefined;
  return Number(payload.readBigUInt64LE(1));
}

/** Decodes a payload (format 1 or 2) whose CRC already matched. Throws on a malformed payload. */
export function decodePayload(payload: Buffer): JournalRecord {
  if (payload.length > 0 && payload[0] === RECORD_FORMAT_V1) return decodePayloadV1(payload);
  return decodePayloadV2(payload);
}

function decodePayloadV2(payload: Buffer): JournalRecord {
  let o = 0;
  let end = payload.length;
  const need = (n: number) => {
    if (o + n > end) throw new Error('journal record payload is truncated');
  };
  need(V2_HEAD_BYTES);
  if (payload[o] !== RECORD_FORMAT) throw new Error(`unknown journal record format ${payload[o]}`);
  o += 1;
  const seq = Number(payload.readBigUInt64LE(o));
  o += 8;
  const count = payload.readUInt32LE(o);
  o += 4;
  const statementBytes = payload.readUInt32LE(o);
  o += 4;
  const statementsStart = o;
  const statementsEnd = statementsStart + statementBytes;
  if (statementsEnd + 4 > payload.length) throw new Error('journal record payload is truncated');

  o = statementsEnd;
  const sqlCount = payload.readUInt32LE(o);
  o += 4;
  const sqlTexts: string[] = [];
  for (let i = 0; i < sqlCount; i++) {
    need(4);
    const n = payload.readUInt32LE(o);
    o += 4;
    need(n);
    sqlTexts.push(payload.toString('utf8', o, o + n));
    o += n;
  }
  if (o !== payload.length) throw new Error('journal record payload has trailing bytes');

  o = statementsStart;
  end = statementsEnd;
  const varint = (): number => {
    let v = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      need(1);
      const b = payload[o++];
      v += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return v;
    }
    throw new Error('journal record has an overlong varint');
  };
  /** A text or blob length: one byte for the short tags, four otherwise. */
  const length = (short: boolean): number => {
    if (short) {
      need(1);
      return payload[o++];
    }
    need(4);
    const v = payload.readUInt32LE(o);
    o += 4;
    return v;
  };
  const statements: JournalStatement[] = new Array(count);
  for (let i = 0; i < count; i++) {
    need(1);
    const modeByte = payload[o++];
    if (modeByte > 1) throw new Error(`unknown journal statement mode ${modeByte}`);
    const index = varint();
    if (index >= sqlTexts.length) throw new Error(`journal statement names SQL text ${index} of ${sqlTexts.length}`);
    const paramCount = varint();
    const params: SqlValue[] = new Array(paramCount);
    for (let j = 0; j < paramCount; j++) {
      need(1);
      const tag = payload[o++];
      let n: number;
      switch (tag) {
        case TAG_NULL:
          params[j] = null;
          break;
        case TAG_INT32:
          need(4);
          params[j] = payload.readInt32LE(o);
          o += 4;
          break;
        case TAG_FLOAT:
          need(8);
          params[j] = payload.readDoubleLE(o);
          o += 8;
          break;
        case TAG_SHORT_TEXT:
        case TAG_TEXT:
          n = length(tag === TAG_SHORT_TEXT);
          need(n);
          params[j] = payload.toString('utf8', o, o + n);
          o += n;
          break;
        case TAG_SHORT_BLOB:
        case TAG_BLOB:
          n = length(tag === TAG_SHORT_BLOB);
          need(n);
          params[j] = new Uint8Array(payload.subarray(o, o + n));
          o += n;
          break;
        default:
          throw new Error(`unknown journal parameter tag ${tag}`);
      }
    }
    statements[i] = { mode: modeByte === 0 ? 'script' : 'single', sql: sqlTexts[index], params };
  }
  if (o !== statementsEnd) throw new Error('journal record statements have trailing bytes');
  return { seq, statements };
}
