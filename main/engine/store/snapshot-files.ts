import { open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { readWholeFile } from './chunked-read.js';
import { fsyncDir, STORE_FILE_MODE, sidecarName, snapshotName } from './store-files.js';

/** What the sidecar `snapshot-<seq>.json` records about `snapshot-<seq>.sqlite`. */
export interface SnapshotSidecar {
  seq: number;
  size: number;
  crc32: number;
}

/** CRC32 in 4 MiB slices with a yield between them, so a 200 MiB image does not stall the event loop. */
export async function crc32Chunked(data: Uint8Array): Promise<number> {
  const slice = 4 << 20;
  let crc = 0;
  for (let o = 0; o < data.length; o += slice) {
    crc = crc32(data.subarray(o, Math.min(data.length, o + slice)), crc);
    if (o + slice < data.length) await new Promise<void>((r) => setImmediate(r));
  }
  return crc;
}

/**
 * Writes in 4 MiB slices, each flushed before the next, so a 200 MiB snapshot never leaves a large
 * dirty backlog that the journal's fdatasync would queue behind.
 */
async function writeFileDurably(path: string, data: Uint8Array): Promise<void> {
  const fh = await open(path, 'w', STORE_FILE_MODE);
  try {
    const slice = 4 << 20;
    for (let o = 0; o < data.length; ) {
      const end = Math.min(data.length, o + slice);
      while (o < end) {
        const { bytesWritten } = await fh.write(data, o, end - o, o);
        o += bytesWritten;
      }
      if (o < data.length) await fh.datasync();
    }
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * Writes a snapshot atomically: data and sidecar go to temp files and are fsynced, the sidecar is
 * renamed first and the data file last, so `snapshot-<seq>.sqlite` existing means both are complete.
 */
export async function writeSnapshot(dir: string, seq: number, image: Uint8Array): Promise<SnapshotSidecar> {
  const dataName = snapshotName(seq);
  const sideName = sidecarName(seq);
  const temps = [join(dir, `${dataName}.tmp`), join(dir, `${sideName}.tmp`)];
  try {
    await writeFileDurably(temps[0], image);
    const sidecar: SnapshotSidecar = { seq, size: image.length, crc32: await crc32Chunked(image) };
    await writeFileDurably(temps[1], Buffer.from(JSON.stringify(sidecar)));
    await rename(temps[1], join(dir, sideName));
    await rename(temps[0], join(dir, dataName));
    await fsyncDir(dir);
    return sidecar;
  } catch (err) {
    // On a full disk a half-written image would hold on to the space the journal needs.
    for (const t of temps) await unlink(t).catch(() => {});
    throw err;
  }
}

/** Why a snapshot cannot be used: its bytes are damaged, or the file could not be read at all. */
export interface SnapshotProblem {
  problem: string;
  /** An fs error (EIO, EACCES, EISDIR, too large...), not bad content: the file may well be sound. */
  unreadable: boolean;
}

/**
 * Reads a snapshot (any size a Buffer can hold: see chunked-read.ts) and checks it against its sidecar;
 * returns the bytes or why they cannot be trusted.
 */
export async function readSnapshot(
  dir: string,
  seq: number,
  options: { chunkBytes?: number } = {},
): Promise<{ image: Buffer } | SnapshotProblem> {
  let sidecar: SnapshotSidecar;
  try {
    sidecar = JSON.parse(await readFile(join(dir, sidecarName(seq)), 'utf8')) as SnapshotSidecar;
  } catch (err) {
    return { problem: `its sidecar is missing or unreadable (${(err as Error).message})`, unreadable: false };
  }
  let image: Buffer;
  let crc: number;
  try {
    ({ bytes: image, crc32: crc } = await readWholeFile(join(dir, snapshotName(seq)), options));
  } catch (err) {
    return { problem: `it cannot be read (${(err as Error).message})`, unreadable: true };
  }
  const damaged = (problem: string) => ({ problem, unreadable: false });
  if (sidecar.seq !== seq) return damaged(`its sidecar names seq ${sidecar.seq}`);
  if (image.length !== sidecar.size) return damaged(`it is ${image.length} bytes, expected ${sidecar.size}`);
  if (image.length < 100 || image.subarray(0, 16).toString('latin1') !== 'SQLite format 3\0')
    return damaged('it is not a SQLite database file');
  if (crc !== sidecar.crc32) return damaged('its checksum does not match');
  return { image };
}

export async function deleteSnapshot(dir: string, seq: number): Promise<void> {
  for (const name of [snapshotName(seq), sidecarName(seq)]) {
    await unlink(join(dir, name)).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
  }
}
