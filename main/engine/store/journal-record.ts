import { crc32 } from 'node:zlib';
import type { SqlParams, SqlValue } from './sql.js';

/**
 * On-disk journal record: `[u32 payloadLength][u32 crc32(payload)][payload]`, little endian.
 * Payload: `[u8 format=1][u64 seq][u32 statementCount]` then per statement
 * `[u8 mode][u32 sqlBytes][sql utf8][u32 paramCount]` and per parameter a tag byte:
 * 0 null, 1 float64, 2 text (u32 length + utf8), 3 blob (u32 length + bytes).
 * Binary rather than JSON so Uint8Array params round-trip exactly and numbers keep every bit.
 */
export const RECORD_HEADER_BYTES = 8;
export const RECORD_FORMAT = 1;
/** A length field above this is treated as garbage rather than a real record. */
export const MAX_RECORD_BYTES = 1 << 30;

const TAG_NULL = 0;
const TAG_FLOAT = 1;
const TAG_TEXT = 2;
const TAG_BLOB = 3;

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

/** Growable byte buffer; statements are encoded as they run so a commit only adds a header. */
export class ByteWriter {
  private buf: Buffer;
  length = 0;

  constructor(initial = 4096) {
    this.buf = Buffer.allocUnsafe(initial);
  }

  private ensure(extra: number): void {
    const need = this.length + extra;
    if (need <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < need) size *= 2;
    const next = Buffer.allocUnsafe(size);
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

  u64(v: number): void {
    this.ensure(8);
    this.buf.writeBigUInt64LE(BigInt(v), this.length);
    this.length += 8;
  }

  f64(v: number): void {
    this.ensure(8);
    this.buf.writeDoubleLE(v, this.length);
    this.length += 8;
  }

  /** u32 byte length then the utf8 bytes. */
  text(s: string): void {
    const bytes = Buffer.byteLength(s, 'utf8');
    this.u32(bytes);
    this.ensure(bytes);
    this.buf.write(s, this.length, bytes, 'utf8');
    this.length += bytes;
  }

  bytes(b: Uint8Array): void {
    this.u32(b.byteLength);
    this.ensure(b.byteLength);
    this.buf.set(b, this.length);
    this.length += b.byteLength;
  }

  /** Copy of what was written so far. */
  toBuffer(): Buffer {
    return Buffer.from(this.buf.subarray(0, this.length));
  }

  view(): Buffer {
    return this.buf.subarray(0, this.length);
  }
}

/** Accumulates the statements of one write transaction, already encoded. */
export class StatementEncoder {
  private readonly body = new ByteWriter();
  count = 0;

  add(mode: StatementMode, sql: string, params: SqlParams): void {
    const w = this.body;
    w.u8(mode === 'script' ? 0 : 1);
    w.text(sql);
    w.u32(params.length);
    for (const p of params) {
      if (p === null) w.u8(TAG_NULL);
      else if (typeof p === 'number') {
        w.u8(TAG_FLOAT);
        w.f64(p);
      } else if (typeof p === 'string') {
        w.u8(TAG_TEXT);
        w.text(p);
      } else {
        w.u8(TAG_BLOB);
        w.bytes(p);
      }
    }
    this.count++;
  }

  /** The complete framed record (header + payload) for commit `seq`. */
  finish(seq: number): Buffer {
    const body = this.body.view();
    const payloadLength = 1 + 8 + 4 + body.length;
    const out = Buffer.allocUnsafe(RECORD_HEADER_BYTES + payloadLength);
    let o = RECORD_HEADER_BYTES;
    out[o++] = RECORD_FORMAT;
    out.writeBigUInt64LE(BigInt(seq), o);
    o += 8;
    out.writeUInt32LE(this.count, o);
    o += 4;
    body.copy(out, o);
    const payload = out.subarray(RECORD_HEADER_BYTES);
    out.writeUInt32LE(payloadLength, 0);
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
  if (payload.length < 13 || payload[0] !== RECORD_FORMAT) return undefined;
  return Number(payload.readBigUInt64LE(1));
}

/** Decodes a payload whose CRC already matched. Throws on a malformed payload. */
export function decodePayload(payload: Buffer): JournalRecord {
  let o = 0;
  const need = (n: number) => {
    if (o + n > payload.length) throw new Error('journal record payload is truncated');
  };
  need(13);
  if (payload[o] !== RECORD_FORMAT) throw new Error(`unknown journal record format ${payload[o]}`);
  o += 1;
  const seq = Number(payload.readBigUInt64LE(o));
  o += 8;
  const count = payload.readUInt32LE(o);
  o += 4;
  const readText = (): string => {
    need(4);
    const n = payload.readUInt32LE(o);
    o += 4;
    need(n);
    const s = payload.toString('utf8', o, o + n);
    o += n;
    return s;
  };
  const statements: JournalStatement[] = [];
  for (let i = 0; i < count; i++) {
    need(1);
    const modeByte = payload[o++];
    if (modeByte > 1) throw new Error(`unknown journal statement mode ${modeByte}`);
    const mode: StatementMode = modeByte === 0 ? 'script' : 'single';
    const sql = readText();
    need(4);
    const paramCount = payload.readUInt32LE(o);
    o += 4;
    const params: SqlValue[] = [];
    for (let j = 0; j < paramCount; j++) {
      need(1);
      const tag = payload[o++];
      if (tag === TAG_NULL) params.push(null);
      else if (tag === TAG_FLOAT) {
        need(8);
        params.push(payload.readDoubleLE(o));
        o += 8;
      } else if (tag === TAG_TEXT) params.push(readText());
      else if (tag === TAG_BLOB) {
        need(4);
        const n = payload.readUInt32LE(o);
        o += 4;
        need(n);
        params.push(new Uint8Array(payload.subarray(o, o + n)));
        o += n;
      } else throw new Error(`unknown journal parameter tag ${tag}`);
    }
    statements.push({ mode, sql, params });
  }
  if (o !== payload.length) throw new Error('journal record payload has trailing bytes');
  return { seq, statements };
}
