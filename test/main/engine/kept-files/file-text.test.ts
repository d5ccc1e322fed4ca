import { describe, expect, it } from 'vitest';
import { fileText } from '../../../../main/engine/kept-files/file-text.js';

describe('a kept file as text', () => {
  it('reads UTF-8 and drops its BOM', () => {
    expect(fileText(Buffer.from('\uFEFFSKU,Qty\nÄ-1,2\n'), false)).toEqual({ text: 'SKU,Qty\nÄ-1,2\n' });
  });

  it('reads Windows-1252 when the bytes are not UTF-8', () => {
    expect(fileText(Buffer.from([0x53, 0x4b, 0x55, 0x2c, 0xe9, 0x0a]), false)).toEqual({ text: 'SKU,é\n' });
  });

  it('lets go of a character cut in two at the end of a truncated start', () => {
    const bytes = Buffer.from('ab€');
    expect(fileText(bytes.subarray(0, bytes.length - 1), true)).toEqual({ text: 'ab' });
  });

  it('refuses a binary file in words', () => {
    const result = fileText(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]), false);
    expect(result).toEqual({ refused: expect.stringContaining('not text') });
  });
});
