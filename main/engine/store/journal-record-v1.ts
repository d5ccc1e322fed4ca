import { crc32 as crc32Of } from 'node:zlib';
import type { SqlValue } from './sql.js';
import type { JournalRecord, JournalStatement, StatementMode } from './journal-record.js';

/**
 * Format 1 payloads, written before format 2 existed: still read on replay so journals left by an older
 * Dockhand roll forward. Payload: `[u8 1][u64 seq][u32 statementCount]` then per statement
 * `[u8 mode][u32 sqlBytes][sql utf8][u32 paramCount]` and per parameter a tag byte:
 * 0 null, 1 float64, 2 text (u32 length + utf8), 3 blob (u32 length + bytes).
 */
export const RECORD_FORMAT_V1 = 1;

/** Decodes a format 1 payload whose CRC already matched. Throws on a malformed payload. */
export function decodePayloadV1(payload: Buffer): JournalRecord {
  let o = 0;
  const need = (n: number) => {
    if (o + n > payload.length) throw new Error('journal record payload is truncated');
  };
  need(13);
  if (payload[o] !== RECORD_FORMAT_V1) throw new Error(`unknown journal record format ${payload[o]}`);
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
      if (tag === 0) params.push(null);
      else if (tag === 1) {
        need(8);
        params.push(payload.readDoubleLE(o));
        o += 8;
      } else if (tag === 2) params.push(readText());
      else if (tag === 3) {
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

/** Writes a format 1 record; kept only so tests can prove old journals still replay. */
export function encodeRecordV1(record: JournalRecord): Buffer {
  const parts: Buffer[] = [];
  const u32 = (v: number) => {
    const b = Buffer.allocUnsafe(4);
    b.writeUInt32LE(v);
    parts.push(b);
  };
  const text = (s: string) => {
    const b = Buffer.from(s, 'utf8');
    u32(b.length);
    parts.push(b);
  };
  const head = Buffer.allocUnsafe(13);
  head[0] = RECORD_FORMAT_V1;
  head.writeBigUInt64LE(BigInt(record.seq), 1);
  head.writeUInt32LE(record.statements.length, 9);
  parts.push(head);
  for (const s of record.statements) {
    parts.push(Buffer.from([s.mode === 'script' ? 0 : 1]));
    text(s.sql);
    u32(s.params.length);
    for (const p of s.params) {
      if (p === null) parts.push(Buffer.from([0]));
      else if (typeof p === 'number') {
        const b = Buffer.allocUnsafe(9);
        b[0] = 1;
        b.writeDoubleLE(p, 1);
        parts.push(b);
      } else if (typeof p === 'string') {
        parts.push(Buffer.from([2]));
        text(p);
      } else {
        parts.push(Buffer.from([3]));
        u32(p.byteLength);
        parts.push(Buffer.from(p));
      }
    }
  }
  const payload = Buffer.concat(parts);
  const frame = Buffer.allocUnsafe(8);
  frame.writeUInt32LE(payload.length, 0);
  frame.writeUInt32LE(crc32Of(payload), 4);
  return Buffer.concat([frame, payload]);
}
