import { constants as bufferConstants } from 'node:buffer';
import { open } from 'node:fs/promises';
import { crc32 } from 'node:zlib';

/** Read size per call: large enough to keep syscalls few, small enough that one read never nears 2 GiB. */
export const DEFAULT_CHUNK_BYTES = 64 << 20;

export interface WholeFile {
  bytes: Buffer;
  /** CRC32 of every byte, computed while reading (no second pass over a large image). */
  crc32: number;
}

/** A file the store needs whole is larger than one Buffer of this Node can hold. */
export class FileTooLargeError extends Error {
  constructor(
    readonly path: string,
    readonly size: number,
  ) {
    super(`it is ${size} bytes, more than the ${bufferConstants.MAX_LENGTH} bytes this Node.js can hold in memory at once`);
    this.name = 'FileTooLargeError';
  }
}

/**
 * Reads a whole file into one preallocated Buffer, chunk by chunk. `fs.readFile` refuses files over
 * 2 GiB (a snapshot of ~900k orders); a Buffer can hold up to buffer.constants.MAX_LENGTH (4 GiB on
 * Node 20), and no single read here asks for more than `chunkBytes`. Yields between chunks so a large
 * image does not stall the event loop. Throws the fs error (ENOENT, EISDIR, EIO...) or FileTooLargeError.
 */
export async function readWholeFile(path: string, options: { chunkBytes?: number } = {}): Promise<WholeFile> {
  const chunk = Math.max(1, Math.floor(options.chunkBytes ?? DEFAULT_CHUNK_BYTES));
  const fh = await open(path, 'r');
  try {
    const size = (await fh.stat()).size;
    if (size > bufferConstants.MAX_LENGTH) throw new FileTooLargeError(path, size);
    const bytes = Buffer.allocUnsafe(size);
    let crc = 0;
    let at = 0;
    while (at < size) {
      const want = Math.min(chunk, size - at);
      const { bytesRead } = await fh.read(bytes, at, want, at);
      if (bytesRead === 0) throw Object.assign(new Error(`${path} ended at byte ${at} while ${size} were expected`), { code: 'ESHORT' });
      crc = crc32(bytes.subarray(at, at + bytesRead), crc);
      at += bytesRead;
    }
    return { bytes, crc32: crc };
  } finally {
    await fh.close();
  }
}
