import type { encodingSchema } from '../../../../shared/schemas/csv-profile.js';
import type { z } from 'zod';
import { UnreadableFileError } from './unreadable-file-error.js';
import { Windows1252Decoder } from './windows-1252.js';

export type FileEncoding = z.infer<typeof encodingSchema>;

/** Bytes looked at to decide an `auto` file's encoding (and whether it is text at all) before any row is read. */
const SNIFF_BYTES = 64 * 1024;

/**
 * Inbound bytes to text, chunk by chunk (a multi-byte character split across chunks is kept whole).
 * - A NUL byte means binary data (a picture, a zip, a spreadsheet saved as .xlsx): "not a text file".
 * - A UTF-8 BOM is dropped; a UTF-16LE BOM (Excel's "Unicode text") is honoured.
 * - auto: UTF-8, unless the first 64 KB are not valid UTF-8: then Windows-1252 ("Müller" in one byte),
 *   what Windows tools write. Invalid UTF-8 after that is refused with the line, rather than read as
 *   garbage: the format can then say windows-1252.
 */
export class ChunkDecoder {
  private decoder?: Pick<TextDecoder, 'decode' | 'encoding'>;
  private sniffed: Buffer[] = [];
  private sniffedBytes = 0;
  private started = false;
  private sawBytes = false;
  /** The line the text decoded so far ends on, for the message of a late encoding error. */
  lineHint = 1;

  constructor(private readonly encoding: FileEncoding = 'auto') {}

  push(chunk: Buffer): string {
    if (chunk.length === 0) return '';
    this.sawBytes = true;
    if (!this.decoder) {
      this.sniffed.push(chunk);
      this.sniffedBytes += chunk.length;
      if (this.sniffedBytes < SNIFF_BYTES) return '';
      return this.start(Buffer.concat(this.sniffed), false);
    }
    return this.decode(chunk, true);
  }

  end(): string {
    if (!this.sawBytes) throw new UnreadableFileError('The file is empty');
    let text = '';
    if (!this.decoder) text = this.start(Buffer.concat(this.sniffed), true);
    try {
      return text + this.decoder!.decode();
    } catch {
      throw this.badBytes();
    }
  }

  private start(sample: Buffer, last: boolean): string {
    this.sniffed = [];
    const utf16 = sample[0] === 0xff && sample[1] === 0xfe;
    if (!utf16 && sample.includes(0)) throw new UnreadableFileError('The file is not a text file (it holds binary data)');
    // A UTF-8 BOM says UTF-8 whatever the format assumed.
    const utf8Bom = sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf;
    let label = utf16 ? 'utf-16le' : this.encoding === 'windows-1252' && !utf8Bom ? 'windows-1252' : 'utf-8';
    if (label === 'utf-8' && this.encoding === 'auto' && !validUtf8(sample, last)) label = 'windows-1252';
    this.decoder = label === 'windows-1252' ? new Windows1252Decoder() : new TextDecoder(label, { fatal: label === 'utf-8' });
    this.started = true;
    return this.decode(sample, !last);
  }

  private decode(chunk: Buffer, stream: boolean): string {
    if (this.started && chunk.includes(0) && this.decoder!.encoding !== 'utf-16le') {
      throw new UnreadableFileError(`The file is not a text file (it holds binary data after line ${this.lineHint})`);
    }
    try {
      const text = this.decoder!.decode(chunk, { stream });
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineHint++;
      return text;
    } catch {
      // The line of the first bad byte: the chunk read leniently up to its first replacement character.
      const lenient = new TextDecoder('utf-8').decode(chunk);
      const bad = lenient.indexOf('\ufffd');
      for (let i = lenient.indexOf('\n'); i >= 0 && i < bad; i = lenient.indexOf('\n', i + 1)) this.lineHint++;
      throw this.badBytes();
    }
  }

  private badBytes(): UnreadableFileError {
    const hint = this.encoding === 'auto' ? ' (set the format\'s encoding to Windows-1252 if the warehouse writes it)' : '';
    return new UnreadableFileError(`The file is not valid ${this.decoder?.encoding === 'utf-8' ? 'UTF-8' : 'text'} on line ${this.lineHint}${hint}`);
  }
}

function validUtf8(sample: Buffer, last: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !last });
    return true;
  } catch {
    return false;
  }
}

/** A whole buffer, as the chunked decoder reads it. */
export function decodeText(content: Buffer, encoding: FileEncoding = 'auto'): string {
  const decoder = new ChunkDecoder(encoding);
  return decoder.push(content) + decoder.end();
}
