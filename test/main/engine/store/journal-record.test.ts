import { describe, expect, it } from 'vitest';
import { RECORD_HEADER_BYTES, decodePayload, encodeRecord } from '../../../../main/engine/store/journal-record.js';
import { encodeRecordV1 } from '../../../../main/engine/store/journal-record-v1.js';

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

describe('journal records in format 2', () => {
  const insert = 'INSERT INTO orders (cart_id, external_id, status, total, payload, updated_at) VALUES (?, ?, ?, ?, ?, ?)';

  it('store each distinct SQL text once per record, however many statements use it', () => {
    const statements = Array.from({ length: 1000 }, (_, i) => ({
      mode: 'single' as const,
      sql: insert,
      params: [1, `gid://shopify/Order/${i}`, 'new', '129.95', '{}', '2025-01-01T00:00:00.000Z'],
    }));
    statements.push({ mode: 'single', sql: 'UPDATE orders SET status = ? WHERE id = ?', params: ['at_wms', 5] });
    const bytes = encodeRecord({ seq: 3, statements });
    let occurrences = 0;
    for (let at = bytes.indexOf(insert); at >= 0; at = bytes.indexOf(insert, at + 1)) occurrences++;
    expect(occurrences).toBe(1);
    expect(bytes.length).toBeLessThan(1000 * insert.length);
    const decoded = decodePayload(bytes.subarray(RECORD_HEADER_BYTES));
    expect(decoded.statements).toEqual(statements);
  });

  it('round-trip integers, floats, -0, long and non-ASCII text and large blobs exactly', () => {
    const big = new Uint8Array(70_000).map((_, i) => i % 251);
    const params = [
      0, -1, 2_147_483_647, -2_147_483_648, 2_147_483_648, Number.MAX_SAFE_INTEGER, 1e-300, -0, NaN, Infinity,
      '', 'ascii', 'ü'.repeat(40), 'x'.repeat(64), 'y'.repeat(65), '✓'.repeat(100_000), `${'a'.repeat(63)}é`,
      new Uint8Array(0), new Uint8Array([7]), new Uint8Array(255).fill(1), new Uint8Array(256).fill(2), big, null,
    ];
    const decoded = decodePayload(encodeRecord({ seq: 1, statements: [{ mode: 'single', sql: 'X', params }] }).subarray(RECORD_HEADER_BYTES));
    const got = decoded.statements[0].params;
    expect(got).toHaveLength(params.length);
    params.forEach((p, i) => {
      if (p instanceof Uint8Array) {
        expect(got[i]).toBeInstanceOf(Uint8Array);
        expect(Buffer.from(got[i] as Uint8Array).equals(Buffer.from(p))).toBe(true);
      } else expect(Object.is(got[i], p)).toBe(true);
    });
  });

  it('still decode records written in format 1', () => {
    const record = {
      seq: 42,
      statements: [
        { mode: 'single' as const, sql: 'INSERT INTO t VALUES (?, ?, ?, ?)', params: ['é', 1.5, null, new Uint8Array([1, 2])] },
        { mode: 'script' as const, sql: 'DELETE FROM t', params: [] },
      ],
    };
    const v1 = encodeRecordV1(record);
    expect(v1[RECORD_HEADER_BYTES]).toBe(1);
    expect(decodePayload(v1.subarray(RECORD_HEADER_BYTES))).toEqual(record);
  });

  it('refuse a statement that names a SQL text the record does not hold', () => {
    const bytes = encodeRecord({ seq: 1, statements: [{ mode: 'single', sql: 'S', params: [] }] });
    const payload = Buffer.from(bytes.subarray(RECORD_HEADER_BYTES));
    payload[17 + 1] = 9; // the first statement's SQL index
    expect(() => decodePayload(payload)).toThrow(/SQL text 9/);
  });
});
