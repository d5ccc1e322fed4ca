import type { RemoteFile } from '../../../transports/transport.js';

/**
 * Which listed inbound files are complete enough to read. The WMS may still be writing a file when we
 * list it (many write in place rather than under a temporary name); reading it then applies half a
 * file and archives the rest away.
 */

/** A file ready to read, with the done-marker that vouched for it (archived with it), if any. */
export interface ReadyFile extends RemoteFile {
  markerPath?: string;
}

/**
 * With a done-marker (".done"): only files whose marker is listed next to them (stock.csv with
 * stock.csv.done); markers themselves are never read, and a marker without its file waits.
 */
export function markedFiles(listed: RemoteFile[], marker: string): ReadyFile[] {
  const byName = new Map(listed.map((f) => [f.name, f]));
  return listed.flatMap((f) => {
    if (f.name.endsWith(marker)) return [];
    const found = byName.get(f.name + marker);
    return found ? [{ ...f, markerPath: found.path }] : [];
  });
}

/**
 * Without a marker: the files of the first look that the second look, a few seconds later, shows with
 * the same size and modification time (when the transport gives one). A file that changed is still
 * being written and waits for a later pickup; one gone in between was taken by someone else.
 */
export function stableFiles(first: RemoteFile[], second: RemoteFile[]): { stable: ReadyFile[]; growing: RemoteFile[] } {
  const later = new Map(second.map((f) => [f.path, f]));
  const stable: ReadyFile[] = [];
  const growing: RemoteFile[] = [];
  for (const f of first) {
    const again = later.get(f.path);
    if (!again) continue;
    if (again.size === f.size && again.modifiedAt === f.modifiedAt) stable.push(f);
    else growing.push(f);
  }
  return { stable, growing };
}
