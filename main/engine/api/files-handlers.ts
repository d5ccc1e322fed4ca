import { open } from 'node:fs/promises';
import path from 'node:path';
import type { KeptFileContentView, KeptFileDetailView, KeptFileView } from '../../../shared/api-types.js';
import { DockhandError } from '../../../shared/errors.js';
import { fileText, VIEW_BYTES } from '../kept-files/file-text.js';
import { getKeptFile, listKeptFiles, type KeptFileRow } from '../store/repositories/kept-files-repo.js';
import type { EngineContext } from './engine-context.js';
import type { Handlers, MethodsOf } from './handler-types.js';

function view(r: KeptFileRow): KeptFileView {
  return {
    id: r.id,
    merchantId: r.merchantId,
    merchantName: r.merchantName,
    cartId: r.cartId,
    direction: r.direction,
    kind: r.kind,
    remotePath: r.remotePath,
    name: r.name,
    size: r.size,
    rows: r.rows,
    errors: r.errors,
    createdAt: r.createdAt,
  };
}

/** The kept copy's path; its row's path is ours, but a path leaving the folder is refused all the same. */
function keptFilePath(ctx: EngineContext, row: KeptFileRow): string {
  const root = path.resolve(ctx.dataDir, 'files');
  const full = path.resolve(root, ...row.keptPath.split('/'));
  if (!full.startsWith(root + path.sep)) throw new DockhandError('data', `The kept copy of ${row.name} is not in Dockhand's files folder`);
  return full;
}

async function keptRow(ctx: EngineContext, id: number): Promise<KeptFileRow> {
  const row = await ctx.store.read((db) => getKeptFile(db, id));
  if (!row) throw new DockhandError('not_found', `Kept file ${id} does not exist (files are kept for 30 days)`);
  return row;
}

/** The first `max` bytes of a file, and whether there was more; undefined when the file is gone. */
async function readStart(file: string, max: number): Promise<{ bytes: Uint8Array; cut: boolean } | undefined> {
  let fh;
  try {
    fh = await open(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    const buffer = Buffer.alloc(max + 1);
    const { bytesRead } = await fh.read(buffer, 0, max + 1, 0);
    return { bytes: buffer.subarray(0, Math.min(bytesRead, max)), cut: bytesRead > max };
  } finally {
    await fh.close();
  }
}

export const filesHandlers: Handlers<MethodsOf<'files'>> = {
  async 'files.list'(input, ctx) {
    const { limit, offset, ...filter } = input;
    const { items, total } = await ctx.store.read((db) => listKeptFiles(db, filter, { limit, offset }));
    return { items: items.map(view), total, limit, offset };
  },
  async 'files.get'(input, ctx): Promise<KeptFileDetailView> {
    const row = await keptRow(ctx, input.id);
    const start = await readStart(keptFilePath(ctx, row), 0);
    return {
      ...view(row),
      firstErrors: row.firstErrors === '' ? [] : row.firstErrors.split('\n'),
      sha256: row.sha256,
      available: start !== undefined,
    };
  },
  async 'files.content'(input, ctx): Promise<KeptFileContentView> {
    const row = await keptRow(ctx, input.id);
    const start = await readStart(keptFilePath(ctx, row), VIEW_BYTES);
    if (!start) {
      return { viewable: false, name: row.name, size: row.size, reason: `The kept copy of ${row.name} is no longer on this computer (it was removed from Dockhand's files folder)` };
    }
    const text = fileText(start.bytes, start.cut);
    if ('refused' in text) return { viewable: false, name: row.name, size: row.size, reason: text.refused };
    return { viewable: true, name: row.name, size: row.size, text: text.text, truncated: start.cut };
  },
};
