import { open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { fsyncDir, sidecarName, snapshotName } from './store-files.js';

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
  const fh = await open(path, 'w');
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
  await writeFileDurably(join(dir, `${dataName}.tmp`), image);
  const sidecar: SnapshotSidecar = { seq, size: image.length, crc32: await crc32Chunked(image) };
  await writeFileDurably(join(dir, `${sideName}.tmp`), Buffer.from(JSON.stringify(sidecar)));
  await rename(join(dir, `${sideName}.tmp`), join(dir, sideName));
  await rename(join(dir, `${dataName}.tmp`), join(dir, dataName));
  await fsyncDir(dir);
  return sidecar;
}

/** Reads a snapshot and checks it against its sidecar; returns the bytes or why they cannot be trusted. */
export async function readSnapshot(dir: string, seq: number): Promise<{ image: Buffer } | { problem: string }> {
  let sidecar: SnapshotSidecar;
  try {
    sidecar = JSON.parse(await readFile(join(dir, sidecarName(seq)), 'utf8')) as SnapshotSidecar;
  } catch (err) {
    return { problem: `its sidecar is missing or unreadable (${(err as Error).message})` };
  }
  let image: Buffer;
  try {
    image = await readFile(join(dir, snapshotName(seq)));
  } catch (err) {
    return { problem: `it cannot be read (${(err as Error).message})` };
  }
  if (sidecar.seq !== seq) return { problem: `its sidecar names seq ${sidecar.seq}` };
  if (image.length !== sidecar.size) return { problem: `it is ${image.length} bytes, expected ${sidecar.size}` };
  if (image.length < 100 || image.subarray(0, 16).toString('latin1') !== 'SQLite format 3\0')
    return { problem: 'it is not a SQLite database file' };
  if ((await crc32Chunked(image)) !== sidecar.crc32) return { problem: 'its checksum does not match' };
  return { image };
}

export async function deleteSnapshot(dir: string, seq: number): Promise<void> {
  for (const name of [snapshotName(seq), sidecarName(seq)]) {
    await unlink(join(dir, name)).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
  }
}
