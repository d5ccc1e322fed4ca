import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The files kept in an inbound folder's archive/ or error/, in both layouts: directly inside (before
 * dated folders) and in its dated folders (archive/2026-12-06/). Sorted names, without the day.
 */
export function keptFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? readdirSync(join(dir, d.name)) : [d.name]))
    .sort();
}

/** Where a kept file of that name is (archive/<day>/name or archive/name), or undefined. */
export function keptPath(dir: string, name: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    if (d.isFile() && d.name === name) return join(dir, name);
    if (d.isDirectory() && existsSync(join(dir, d.name, name))) return join(dir, d.name, name);
  }
  return undefined;
}
