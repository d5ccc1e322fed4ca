import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/** Writes one kept file; tests pass one that fails like a full disk. */
export type KeptFileWriter = (file: string, content: Uint8Array) => Promise<void>;

/**
 * The store's rule for bytes outside the database (DESIGN.md): written under a temporary name, fsynced,
 * then renamed, so a crash leaves either the whole file or a temporary one the sweep removes. The folder
 * is fsynced after the rename too, best-effort: some filesystems refuse fsync on a directory, and a kept
 * file lost to a power cut only loses a copy (the row is written after this and the sweep drops a row
 * whose file is gone).
 */
export const writeFileDurably: KeptFileWriter = async (file, content) => {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fh = await open(temp, 'wx', 0o600);
    try {
      await fh.writeFile(content);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(temp, file);
  } catch (err) {
    await unlink(temp).catch(() => {});
    throw err;
  }
  await syncFolder(dir);
};

async function syncFolder(dir: string): Promise<void> {
  try {
    const fh = await open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    // Best-effort (see above).
  }
}
