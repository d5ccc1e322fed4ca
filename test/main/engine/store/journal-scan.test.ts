import { describe, expect, it } from 'vitest';
import { RECORD_HEADER_BYTES, encodeRecord } from '../../../../main/engine/store/journal-record.js';
import { encodeRecordV1 } from '../../../../main/engine/store/journal-record-v1.js';
import { scanSegment } from '../../../../main/engine/store/journal-scan.js';

function records(from: number, to: number): Buffer[] {
  const out: Buffer[] = [];
  for (let seq = from; seq <= to; seq++)
    out.push(encodeRecord({ seq, statements: [{ mode: 'single', sql: 'INSERT INTO t VALUES (?)', params: [seq] }] }));
  return out;
}

describe('scanning a journal segment', () => {
  it('returns every record of an intact segment', () => {
    const scan = scanSegment(Buffer.concat(records(5, 9)), 4);
    expect(scan.records.map((r) => r.seq)).toEqual([5, 6, 7, 8, 9]);
    expect(scan.stop).toEqual({ kind: 'end' });
  });

  it('calls a half-written last record torn', () => {
    const recs = records(1, 3);
    const full = Buffer.concat(recs);
    const cut = full.subarray(0, full.length - 5);
    const scan = scanSegment(cut, 0);
    expect(scan.records.map((r) => r.seq)).toEqual([1, 2]);
    expect(scan.stop).toEqual({ kind: 'torn', offset: recs[0].length + recs[1].length });
  });

  it('calls a last record with a bad checksum torn, and trailing zeros too', () => {
    const recs = records(1, 2);
    recs[1][recs[1].length - 1] ^= 0xff;
    expect(scanSegment(Buffer.concat(recs), 0).stop.kind).toBe('torn');
    const zeros = scanSegment(Buffer.concat([...records(1, 2), Buffer.alloc(64)]), 0);
    expect(zeros.records).toHaveLength(2);
    expect(zeros.stop.kind).toBe('torn');
  });

  it('calls a bad record followed by good ones corrupt', () => {
    const recs = records(1, 4);
    recs[1][12] ^= 0x55;
    const scan = scanSegment(Buffer.concat(recs), 0);
    expect(scan.records.map((r) => r.seq)).toEqual([1]);
    expect(scan.stop).toMatchObject({ kind: 'corrupt', offset: recs[0].length });
  });

  it('calls a damaged length field followed by good records corrupt', () => {
    const recs = records(1, 4);
    recs[1].writeUInt32LE(0xfffffff, 0);
    expect(scanSegment(Buffer.concat(recs), 0).stop.kind).toBe('corrupt');
  });

  it('reads a segment where format 1 records are followed by format 2 ones', () => {
    const old = [1, 2].map((seq) => encodeRecordV1({ seq, statements: [{ mode: 'single', sql: 'INSERT INTO t VALUES (?)', params: [seq] }] }));
    const scan = scanSegment(Buffer.concat([...old, ...records(3, 4)]), 0);
    expect(scan.records.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    expect(scan.stop).toEqual({ kind: 'end' });
  });

  it('calls a bad record followed by a good format 2 record corrupt', () => {
    const recs = records(1, 3);
    recs[0][RECORD_HEADER_BYTES + 20] ^= 0x55;
    expect(scanSegment(Buffer.concat(recs), 0).stop).toMatchObject({ kind: 'corrupt', offset: 0 });
  });
});
