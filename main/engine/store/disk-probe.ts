import { open, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { SimulatedDisk } from './journal-writer.js';
import { STORE_FILE_MODE } from './store-files.js';

/** Written and fsynced to tell whether the disk takes writes again: about a few commits' worth. */
const PROBE_BYTES = 1 << 20;
/** Ends in .tmp, so recovery deletes one left behind by a crash. */
const PROBE_FILE = 'disk-probe.tmp';

/**
 * Resolves when `dir` takes a 1 MiB write and its fdatasync again; rejects with the fs error (ENOSPC,
 * EIO...) otherwise. The file is removed either way, so a failed probe gives its space back.
 */
export async function probeDisk(dir: string, simulated?: SimulatedDisk): Promise<void> {
  if (simulated?.diskFull()) {
    throw Object.assign(new Error(`ENOSPC: no space left on device (simulated), write '${join(dir, PROBE_FILE)}'`), { code: 'ENOSPC' });
  }
  const path = join(dir, PROBE_FILE);
  const fh = await open(path, 'w', STORE_FILE_MODE);
  try {
    const data = Buffer.alloc(PROBE_BYTES, 0x5a);
    let written = 0;
    while (written < data.length) written += (await fh.write(data, written, data.length - written, written)).bytesWritten;
    await fh.datasync();
  } finally {
    await fh.close().catch(() => {});
    await unlink(path).catch(() => {});
  }
}
