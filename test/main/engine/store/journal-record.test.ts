import { describe, expect, it } from 'vitest';
import { RECORD_HEADER_BYTES, decodePayload, encodeRecord } from '../../../../main/engine/store/journal-record.js';

describe('journal records', () => {
  it('round-trip statements with text, numbers, null and bytes exactly', () => {
    const blob = new Uint8Array([0, 1, 2, 254, 255]);
    const record = {
      seq: 9_007_199_254_740_991,
      statements: [
        { mode: 'single' as const, sql: 'INSERT INTO t VALUES (?, ?, ?, ?, ?)', params: ['héllo ✓', 0.1 + 0.2, -0, null, blob] },
        { mode: 'script' as const, sql: 'CREATE TABLE a (x); CREATE TABLE b (y)', params: [] },
      ],
    };
    const bytes = encodeRecord(record);
    const decoded = decodePayload(bytes.subarray(RECORD_HEADER_BYTES));
    expect(decoded.seq).toBe(record.seq);
    expect(decoded.statements).toHaveLength(2);
    const [first, second] = decoded.statements;
    expect(first.mode).toBe('single');
    expect(first.params[0]).toBe('héllo ✓');
    expect(first.params[1]).toBe(0.1 + 0.2);
    expect(Object.is(first.params[2], -0)).toBe(true);
    expect(first.params[3]).toBeNull();
    expect(first.params[4]).toBeInstanceOf(Uint8Array);
    expect(Array.from(first.params[4] as Uint8Array)).toEqual([0, 1, 2, 254, 255]);
    expect(second).toEqual(record.statements[1]);
  });

  it('frame the payload with its length and a checksum', () => {
    const bytes = encodeRecord({ seq: 1, statements: [] });
    expect(bytes.readUInt32LE(0)).toBe(bytes.length - RECORD_HEADER_BYTES);
    expect(bytes.readUInt32LE(4)).not.toBe(0);
  });

  it('refuse a payload with trailing garbage', () => {
    const bytes = encodeRecord({ seq: 1, statements: [] });
    const payload = Buffer.concat([bytes.subarray(RECORD_HEADER_BYTES), Buffer.from([1])]);
    expect(() => decodePayload(payload)).toThrow(/trailing/);
  });
});
