import { constants, createReadStream } from 'node:fs';
import { access, mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { z } from 'zod';
import { DockhandError, isDockhandError } from '../../../shared/errors.js';
import type { folderTransportSchema } from '../../../shared/schemas/wms.js';
import type { Logger } from '../platform/ports.js';
import { baseName, cleanRelative, isTempName, joinRelative, oldestFirst, tempNameFor } from './remote-path.js';
import type { RemoteFile, Transport } from './transport.js';

export type FolderTransportSettings = z.infer<typeof folderTransportSchema>;

export interface FolderTransportContext {
  log: Logger;
  signal: AbortSignal;
}

/**
 * A local or shared (mounted) folder as the WMS drop. Same contract as FTP: a file appears under its
 * final name only when complete (written to a hidden temp name, fsynced, then renamed over), and
 * moves replace a same-named file. The root folder itself must exist: creating a missing share root
 * would hide a disconnected drive behind an empty local folder.
 */
/** Bytes per chunk of a streamed read: big enough for few chunks, small enough to never matter in memory. */
const STREAM_CHUNK = 256 * 1024;

export function createFolderTransport(settings: FolderTransportSettings, ctx: FolderTransportContext): Transport {
  const root = resolve(settings.path);
  const log = ctx.log.child({ transport: 'folder', root });

  const local = (relative: string) => join(root, ...cleanRelative(relative).split('/').filter(Boolean));

  async function guarded<T>(action: string, relative: string, operation: () => Promise<T>): Promise<T> {
    ctx.signal.throwIfAborted();
    try {
      return await operation();
    } catch (err) {
      throw mapFsError(err, action, relative ? local(relative) : root, root);
    }
  }

  async function requireRoot(): Promise<void> {
    const info = await stat(root).catch((err: NodeJS.ErrnoException) => {
      throw new DockhandError('config', `Folder "${root}" does not exist or cannot be reached (${err.code ?? err.message})`, {
        cause: err,
      });
    });
    if (!info.isDirectory()) throw new DockhandError('config', `"${root}" is not a folder`);
  }

  async function ensureDir(relative: string): Promise<void> {
    await requireRoot();
    await mkdir(local(relative), { recursive: true });
  }

  /** Rename that replaces the target also where the OS refuses (Windows: EPERM/EEXIST on an existing file). */
  async function renameOver(from: string, to: string): Promise<void> {
    try {
      await rename(from, to);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EPERM' && code !== 'EEXIST' && code !== 'EACCES') throw err;
      await unlink(to).catch(() => {});
      await rename(from, to);
    }
  }

  /** Make the rename itself durable; not supported on every platform/file system, so best effort. */
  async function syncDir(dir: string): Promise<void> {
    const handle = await open(dir, 'r').catch(() => undefined);
    if (!handle) return;
    await handle.sync().catch(() => {});
    await handle.close();
  }

  return {
    test: (folders) =>
      guarded('checking', '', async () => {
        await requireRoot();
        for (const folder of folders) {
          await ensureDir(folder);
          await access(local(folder), constants.R_OK | constants.W_OK).catch((err: NodeJS.ErrnoException) => {
            throw new DockhandError('config', `Folder "${local(folder)}" cannot be read and written by Dockhand (${err.code})`, {
              cause: err,
            });
          });
        }
      }),

    list: (dir) =>
      guarded('listing', dir, async () => {
        await requireRoot();
        const entries = await readdir(local(dir), { withFileTypes: true });
        const files: RemoteFile[] = [];
        for (const entry of entries) {
          if (!entry.isFile() || isTempName(entry.name)) continue;
          const info = await stat(join(local(dir), entry.name)).catch(() => undefined);
          if (!info) continue; // taken away between readdir and stat
          files.push({ path: joinRelative(dir, entry.name), name: entry.name, size: info.size, modifiedAt: info.mtime.toISOString() });
        }
        return oldestFirst(files);
      }),

    read: (path) => guarded('reading', path, () => readFile(local(path))),

    async *readStream(path) {
      ctx.signal.throwIfAborted();
      try {
        for await (const chunk of createReadStream(local(path), { highWaterMark: STREAM_CHUNK })) yield chunk as Buffer;
      } catch (err) {
        throw mapFsError(err, 'reading', local(path), root);
      }
    },

    writeAtomic: (dir, name, content, options) =>
      guarded('writing', joinRelative(dir, name), async () => {
        await ensureDir(dir);
        const finalPath = local(joinRelative(dir, name));
        const tempPath = local(joinRelative(dir, tempNameFor(name)));
        const handle = await open(tempPath, 'w');
        try {
          await handle.writeFile(content);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await syncDir(local(dir));
        await options?.beforeRename?.();
        ctx.signal.throwIfAborted();
        await renameOver(tempPath, finalPath);
        await syncDir(local(dir));
        log.log('info', 'Wrote file', { file: finalPath, bytes: content.length });
      }),

    move: (path, toDir) =>
      guarded('moving', path, async () => {
        await ensureDir(toDir);
        const to = local(joinRelative(toDir, baseName(path)));
        await renameOver(local(path), to);
        log.log('info', 'Moved file', { from: local(path), to });
      }),

    exists: (path) =>
      guarded('checking', path, async () => {
        const info = await stat(local(path)).catch(() => undefined);
        return info?.isFile() ?? false;
      }),

    remove: (path) =>
      guarded('deleting', path, async () => {
        await unlink(local(path));
      }),

    close: async () => {},
  };
}

function mapFsError(err: unknown, action: string, path: string, root: string): DockhandError {
  if (isDockhandError(err)) return err;
  const error = err as NodeJS.ErrnoException;
  switch (error.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new DockhandError('config', `Folder or file "${path}" does not exist (while ${action} under ${root})`, { cause: err });
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new DockhandError('config', `No permission for "${path}" (while ${action}): ${error.code}`, { cause: err });
    default:
      // Network shares that went away, full disks, busy files: worth another try later.
      return new DockhandError('transient', `Could not finish ${action} "${path}": ${error.message}`, { cause: err });
  }
}
