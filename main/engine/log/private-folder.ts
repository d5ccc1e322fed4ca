import { chmodSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Makes `dir` (created if missing) and the files already in it readable by their owner only. Logs name
 * customers, orders and addresses; a folder that pre-exists, or files an older Dockhand wrote under a
 * loose umask, must not leave them readable to every local user.
 */
export function makePrivateFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    try {
      if (statSync(path).isFile()) chmodSync(path, 0o600);
    } catch {
      // Rotated away meanwhile, or not ours to change: the folder's mode still keeps others out.
    }
  }
}
