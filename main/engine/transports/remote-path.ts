import { DockhandError } from '../../../shared/errors.js';

/**
 * POSIX-style paths relative to a transport's root, shared by the FTP and folder transports.
 * Every path that reaches a server or the disk goes through `cleanRelative`, so ".." can never
 * step outside the root (settings are validated for it too; this is the second lock).
 */

export function cleanRelative(path: string): string {
  const parts = path.split(/[\\/]+/).filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) throw new DockhandError('config', `The path "${path}" may not contain ".."`);
  return parts.join('/');
}

export function joinRelative(...parts: string[]): string {
  return cleanRelative(parts.filter(Boolean).join('/'));
}

export function baseName(path: string): string {
  const clean = cleanRelative(path);
  return clean.slice(clean.lastIndexOf('/') + 1);
}

export function dirName(path: string): string {
  const clean = cleanRelative(path);
  const cut = clean.lastIndexOf('/');
  return cut < 0 ? '' : clean.slice(0, cut);
}

/** The name a file is uploaded under before it is renamed into place: hidden and clearly partial. */
export function tempNameFor(name: string): string {
  return `.${name}.part`;
}

/** Half-written files (ours or another program's) that a reader must never pick up. */
export function isTempName(name: string): boolean {
  return name.startsWith('.') || /\.(part|tmp|filepart|crdownload)$/i.test(name) || name.startsWith('~');
}

/** Oldest first, then by name, so files are processed in the order the WMS wrote them. */
export function oldestFirst<T extends { name: string; modifiedAt?: string }>(files: T[]): T[] {
  return [...files].sort((a, b) => {
    const byTime = (a.modifiedAt ?? '').localeCompare(b.modifiedAt ?? '');
    return byTime !== 0 ? byTime : a.name.localeCompare(b.name);
  });
}
