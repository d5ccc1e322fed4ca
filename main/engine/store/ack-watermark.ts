import { open, readFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { ACK_FILE, STORE_FILE_MODE } from './store-files.js';

/**
 * "Every commit up to `seq` was acknowledged": after each journal fdatasync the journal thread
 * overwrites one fixed-size record at offset 0 of `journal.ack` (journal-thread-source.ts writes the
 * same layout). It is not fsynced on its own: a killed process leaves it in the page cache, exact; after
 * a power loss it can only lag behind the journal, which errs toward "torn write, never acknowledged".
 *
 * On open, a journal that ends before the watermark lost commits a caller was told were saved (a cut
 * or bit-flipped last record, a missing segment), which must be said aloud; a bad tail after it is a
 * write torn by a crash, cut quietly.
 *
 * Layout, little endian: `[4 bytes "DKA1"][u64 seq][u64 segmentFirstSeq][u64 segmentEnd][u32 crc32 of
 * the 28 bytes before]`.
 */
export interface AckWatermark {
  seq: number;
  /** Segment holding the last acknowledged record, and the byte offset where that record ends. */
  segmentFirstSeq: number;
  segmentEnd: number;
}

export const ACK_RECORD_BYTES = 32;
const MAGIC = 'DKA1';

export function encodeWatermark(w: AckWatermark): Buffer {
  const b = Buffer.alloc(ACK_RECORD_BYTES);
  b.write(MAGIC, 0, 'latin1');
  b.writeBigUInt64LE(BigInt(w.seq), 4);
  b.writeBigUInt64LE(BigInt(w.segmentFirstSeq), 12);
  b.writeBigUInt64LE(BigInt(w.segmentEnd), 20);
  b.writeUInt32LE(crc32(b.subarray(0, 28)), 28);
  return b;
}

/** The watermark in `bytes`, or undefined when they do not hold a whole, checksummed one. */
export function decodeWatermark(bytes: Buffer): AckWatermark | undefined {
  if (bytes.length < ACK_RECORD_BYTES || bytes.toString('latin1', 0, 4) !== MAGIC) return undefined;
  if (crc32(bytes.subarray(0, 28)) !== bytes.readUInt32LE(28)) return undefined;
  return {
    seq: Number(bytes.readBigUInt64LE(4)),
    segmentFirstSeq: Number(bytes.readBigUInt64LE(12)),
    segmentEnd: Number(bytes.readBigUInt64LE(20)),
  };
}

/** The watermark on disk: undefined when there is none (a store written before it existed) or it is unreadable. */
export async function readWatermark(dir: string): Promise<AckWatermark | undefined> {
  try {
    return decodeWatermark(await readFile(join(dir, ACK_FILE)));
  } catch {
    return undefined;
  }
}

/**
 * Opens `journal.ack` for the journal thread (creating it if missing). Given a watermark, first writes
 * it and fsyncs: the state recovery rebuilt. Without one the old watermark stays until the first
 * commit overwrites it: after acknowledged commits were lost, a restart before anything new is saved
 * must find the loss again (and pause the schedules again) rather than a watermark that hides it.
 */
export async function openWatermark(dir: string, recovered: AckWatermark | undefined): Promise<FileHandle> {
  const path = join(dir, ACK_FILE);
  const fh = await open(path, recovered ? 'w' : 'a+', STORE_FILE_MODE);
  try {
    if (!recovered) {
      // 'a+' only created it; reopen without O_APPEND, which would make the thread's pwrite at 0 append.
      await fh.close();
      return await open(path, 'r+');
    }
    await fh.write(encodeWatermark(recovered), 0, ACK_RECORD_BYTES, 0);
    await fh.sync();
    return fh;
  } catch (err) {
    await fh.close().catch(() => {});
    throw err;
  }
}
