import { readFileSync } from 'node:fs';
import { open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { DockhandError } from '../../../shared/errors.js';
import { LOCK_FILE, STORE_FILE_MODE } from './store-files.js';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A killed process not yet reaped by its parent still answers signal 0; on Linux it shows state Z.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

/**
 * Takes `store.lock` (holding our pid) so two processes never replay and append to the same journal.
 * A lock left by a dead process is taken over. Resolves to a release function.
 */
export async function acquireStoreLock(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fh = await open(path, 'wx', STORE_FILE_MODE);
      await fh.writeFile(String(process.pid));
      await fh.sync();
      await fh.close();
      return async () => {
        await unlink(path).catch(() => {});
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = Number((await readFile(path, 'utf8').catch(() => '')).trim());
    if (Number.isInteger(holder) && holder > 0 && processAlive(holder)) {
      throw new DockhandError(
        'conflict',
        `the store in ${dir} is already open in process ${holder}${holder === process.pid ? ' (this one)' : ''}`,
      );
    }
    // Stale (dead pid or unreadable): remove and retry the exclusive create, so two takers cannot both win.
    await unlink(path).catch(() => {});
  }
  throw new DockhandError('conflict', `could not take the lock of the store in ${dir}`);
}
