/**
 * Windows-1252 bytes to text. Node 20's TextDecoder('windows-1252') decodes as Latin-1, which turns
 * 0x80-0x9F into control characters instead of € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ' ' " " • – — ˜ ™ š › œ ž Ÿ
 * (what Excel writes for them); this decoder maps those 32 bytes as the WHATWG Encoding table does.
 */
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
].map((code) => String.fromCharCode(code));

const C1 = /[\u0080-\u009f]/g;

export class Windows1252Decoder {
  readonly encoding = 'windows-1252';

  decode(bytes?: Uint8Array): string {
    if (!bytes || bytes.length === 0) return '';
    const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    return latin1.replace(C1, (c) => HIGH[c.charCodeAt(0) - 0x80]);
  }
}
