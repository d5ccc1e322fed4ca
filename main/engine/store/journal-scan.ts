import { crc32 } from 'node:zlib';
import { MAX_RECORD_BYTES, MIN_PAYLOAD_BYTES, RECORD_HEADER_BYTES, isKnownRecordFormat, payloadSeq } from './journal-record.js';

/** One CRC-valid framed record found in a segment. */
export interface ScannedRecord {
  offset: number;
  end: number;
  seq: number;
  payload: Buffer;
}

/** Where the valid prefix of a segment ends, and why. */
export type ScanStop =
  | { kind: 'end' }
  /** Bad or incomplete bytes with no valid record after them: a crash mid-append (never acknowledged). */
  | { kind: 'torn'; offset: number }
  /** Bad bytes followed by at least one valid record: real damage, acknowledged commits are behind it. */
  | { kind: 'corrupt'; offset: number; reason: string };

export interface SegmentScan {
  records: ScannedRecord[];
  stop: ScanStop;
}

function recordAt(buf: Buffer, offset: number): ScannedRecord | string {
  if (buf.length - offset < RECORD_HEADER_BYTES) return 'incomplete record header';
  const length = buf.readUInt32LE(offset);
  if (length < MIN_PAYLOAD_BYTES || length > MAX_RECORD_BYTES) return `implausible record length ${length}`;
  const end = offset + RECORD_HEADER_BYTES + length;
  if (end > buf.length) return 'record extends past the end of the file';
  const payload = buf.subarray(offset + RECORD_HEADER_BYTES, end);
  if (crc32(payload) !== buf.readUInt32LE(offset + 4)) return 'record checksum mismatch';
  const seq = payloadSeq(payload);
  if (seq === undefined) return 'record has an unknown format';
  return { offset, end, seq, payload };
}

/**
 * True when some valid record with a later seq starts after `from`. Only positions whose seq field
 * looks right are CRC-checked, so this stays linear on garbage.
 */
function validRecordAfter(buf: Buffer, from: number, lastSeq: number): boolean {
  for (let p = from + 1; p + RECORD_HEADER_BYTES + MIN_PAYLOAD_BYTES <= buf.length; p++) {
    if (!isKnownRecordFormat(buf[p + RECORD_HEADER_BYTES])) continue;
    const seq = Number(buf.readBigUInt64LE(p + RECORD_HEADER_BYTES + 1));
    if (seq <= lastSeq || seq > lastSeq + 10_000_000) continue;
    const r = recordAt(buf, p);
    if (typeof r !== 'string') return true;
  }
  return false;
}

/** Splits a segment's bytes into its valid records and tells how the valid prefix ended. */
export function scanSegment(buf: Buffer, seqBefore: number): SegmentScan {
  const records: ScannedRecord[] = [];
  let offset = 0;
  let lastSeq = seqBefore;
  while (offset < buf.length) {
    const r = recordAt(buf, offset);
    if (typeof r === 'string') {
      if (validRecordAfter(buf, offset, lastSeq)) return { records, stop: { kind: 'corrupt', offset, reason: r } };
      return { records, stop: { kind: 'torn', offset } };
    }
    records.push(r);
    lastSeq = Math.max(lastSeq, r.seq);
    offset = r.end;
  }
  return { records, stop: { kind: 'end' } };
}
