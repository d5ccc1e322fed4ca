import { describe, expect, it } from 'vitest';
import { UnreadableFileError } from '../../../../../main/engine/files/readers/inbound-table.js';
import { sniffSample } from '../../../../../main/engine/files/sample/sniff-sample.js';

describe('sniffSample', () => {
  it('finds the delimiter, header row, encoding and columns of a semicolon file from Windows', () => {
    const text = 'Auftrag;Artikel;Menge;Versanddatum\r\n4711;Müller-Tasse;2;27.11.2026\r\n4712;"Teller; groß";1;28.11.2026\r\n';
    const layout = sniffSample(Buffer.from(text, 'latin1'));
    expect(layout).toMatchObject({ encoding: 'windows-1252', bom: false, delimiter: ';', lineEnding: 'crlf', headerRow: true, rows: 2 });
    expect(layout.columns).toEqual([
      { header: 'Auftrag', position: 1, samples: ['4711', '4712'] },
      { header: 'Artikel', position: 2, samples: ['Müller-Tasse', 'Teller; groß'] },
      { header: 'Menge', position: 3, samples: ['2', '1'] },
      { header: 'Versanddatum', position: 4, samples: ['27.11.2026', '28.11.2026'] },
    ]);
  });

  it('sees a file without a header row, tab-separated, UTF-8 with a BOM', () => {
    const layout = sniffSample(Buffer.from('\uFEFF1001\tSKU-1\t3\n1002\tSKU-2\t1\n', 'utf8'));
    expect(layout).toMatchObject({ encoding: 'utf-8', bom: true, delimiter: '\t', lineEnding: 'lf', headerRow: false, rows: 2 });
    expect(layout.columns.map((c) => c.header)).toEqual(['Column 1', 'Column 2', 'Column 3']);
  });

  it('refuses an empty or binary sample', () => {
    expect(() => sniffSample(Buffer.alloc(0))).toThrow(UnreadableFileError);
    expect(() => sniffSample(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00]))).toThrow('not a text file');
  });
});
