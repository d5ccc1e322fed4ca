import { randomBytes } from 'node:crypto';
import { joinRelative, tempNameFor } from '../../../transports/remote-path.js';
import type { Transport } from '../../../transports/transport.js';

/** What the Test found in each folder, as a line the WMS screen shows ("ACME/confirmations: 3 files, writable"). */
export interface FolderCheck {
  lines: string[];
  /** The first folder that failed, in plain words; undefined when every folder passed. */
  problem?: string;
}

/**
 * Lists each folder and proves Dockhand may write there, the same way for every transport: a small
 * file is written (under a temporary name, then renamed, as order files are) and deleted again. The
 * probe's name is a temporary one, so a WMS polling the folder never imports it, even if the delete
 * fails. A folder only readable would otherwise pass the Test and fail at the first order file.
 */
export async function checkFolders(transport: Transport, folders: string[]): Promise<FolderCheck> {
  const lines: string[] = [];
  let problem: string | undefined;
  for (const folder of folders) {
    const where = folder === '' ? '(top folder)' : folder;
    let count: number;
    try {
      count = (await transport.list(folder)).length;
    } catch (err) {
      const line = `${where}: cannot be listed (${messageOf(err)})`;
      lines.push(line);
      problem ??= line;
      continue;
    }
    const files = `${count} file${count === 1 ? '' : 's'}`;
    const probe = tempNameFor(`dockhand-write-test-${randomBytes(4).toString('hex')}`);
    try {
      await transport.writeAtomic(folder, probe, Buffer.from('Dockhand checks it may write here; this file is removed at once.\n'));
    } catch (err) {
      const line = `${where}: ${files}, not writable (${messageOf(err)})`;
      lines.push(line);
      problem ??= line;
      continue;
    }
    try {
      await transport.remove(joinRelative(folder, probe));
      lines.push(`${where}: ${files}, writable`);
    } catch (err) {
      const line = `${where}: ${files}, writable, but the test file ${probe} could not be deleted (${messageOf(err)})`;
      lines.push(line);
      problem ??= line;
    }
  }
  return { lines, ...(problem ? { problem } : {}) };
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
