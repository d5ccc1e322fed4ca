import { describe, expect, it } from 'vitest';
import { bytesToBase64, MAX_SAMPLE_BYTES, readSampleFile } from '../../../../renderer/src/screens/formats/sample-file.js';

describe('a sample file is sent to the API as base64, within its size cap', () => {
  it('encodes a file larger than one slice byte for byte (Windows-1252 bytes included)', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('refuses a file over 2 MB in words naming it, before reading it', async () => {
    const big = new File([new Uint8Array(MAX_SAMPLE_BYTES + 1)], 'huge.csv');
    expect(await readSampleFile(big)).toEqual({ problem: expect.stringMatching(/^"huge\.csv" is 2\.0 MB: a sample file is at most 2 MB/) as unknown as string });
    const small = await readSampleFile(new File(['a;b\r\n1;2\r\n'], 'ok.csv'));
    expect(small).toEqual({ name: 'ok.csv', base64: Buffer.from('a;b\r\n1;2\r\n').toString('base64') });
  });
});
