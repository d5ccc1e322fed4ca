/** The first bytes of a kept file a screen is shown (and offered for download). */
export const VIEW_BYTES = 1024 * 1024;

export type FileText = { text: string } | { refused: string };

/**
 * A kept file's bytes as text for viewing, or why not. UTF-8 (a BOM dropped) when the bytes are valid
 * UTF-8, else Windows-1252 (the other encoding warehouse files come in). Bytes with NULs or many control
 * characters are not a text file: refused in words rather than shown as noise. `cut` says the bytes are
 * the start of a longer file, whose last character may be split: up to 3 trailing bytes are let go.
 */
export function fileText(bytes: Uint8Array, cut: boolean): FileText {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return { refused: 'This file is not text (it holds binary data), so it cannot be shown; download it to open it in the program it belongs to' };
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  if (sample.length > 0 && control / sample.length > 0.1) {
    return { refused: 'This file does not look like text (too many control characters), so it cannot be shown; download it to open it' };
  }
  for (let drop = 0; drop <= (cut ? 3 : 0); drop++) {
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, bytes.length - drop));
      return { text: text.startsWith('\uFEFF') ? text.slice(1) : text };
    } catch {
      // Not UTF-8 (yet): try one byte fewer, then Windows-1252.
    }
  }
  return { text: new TextDecoder('windows-1252').decode(bytes) };
}
