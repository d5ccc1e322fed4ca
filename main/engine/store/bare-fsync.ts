import { mkdir, open, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * Milliseconds of one append of `bytes` bytes plus fdatasync to a scratch file in `dir`: the floor a
 * durable commit of the same size cannot beat, for the benchmark to compare commit times against.
 * The scratch file is created (and preallocated-free, like a journal segment) and removed each call.
 */
export async function measureBareFsync(dir: string, bytes: number): Promise<number> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `bare-fsync-${process.pid}-${Date.now()}.tmp`);
  const fh = await open(path, 'w');
  try {
    // One warm-up record so the measured append, like a commit, goes to an existing non-empty file.
    await fh.write(Buffer.alloc(Math.max(1, bytes), 1), 0, Math.max(1, bytes), 0);
    await fh.datasync();
    const data = Buffer.alloc(bytes, 7);
    const t0 = performance.now();
    let written = 0;
    while (written < bytes) {
      const { bytesWritten } = await fh.write(data, written, bytes - written, Math.max(1, bytes) + written);
      written += bytesWritten;
    }
    await fh.datasync();
    return performance.now() - t0;
  } finally {
    await fh.close();
    await unlink(path).catch(() => {});
  }
}
