/**
 * Order file text to bytes in the encoding the format names. UTF-8 (optionally with a BOM, which Excel
 * needs to show "Müller" right) or Windows-1252 for WMS imports that read nothing else; a character
 * Windows-1252 lacks (an emoji, Cyrillic) becomes "?", as Windows tools write it.
 */
export type OutboundEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Windows-1252's 0x80-0x9F, by the character they stand for. */
const HIGH = new Map<number, number>(
  [0x20ac, 0, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0, 0x17d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0, 0x17e, 0x178]
    .map((code, i): [number, number] => [code, 0x80 + i])
    .filter(([code]) => code !== 0),
);

export function encodeText(text: string, encoding: OutboundEncoding): Buffer {
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') return Buffer.from(text, 'utf8');
  const out = Buffer.alloc(text.length);
  let n = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    out[n++] = code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : (HIGH.get(code) ?? 0x3f);
  }
  return out.subarray(0, n);
}

/** What goes before the first row. */
export function preamble(encoding: OutboundEncoding): Buffer {
  return encoding === 'utf-8-bom' ? UTF8_BOM : Buffer.alloc(0);
}
