import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type initSqlJs from 'sql.js';

type InitSqlJs = typeof initSqlJs;

let loading: Promise<initSqlJs.SqlJsStatic> | undefined;

/**
 * sql.js keeps the database file in Emscripten's in-memory file system (MEMFS), which grows a file by
 * 12.5% at a time into a new array, copying the whole file each time: at 100k orders (~265 MB) dozens of
 * full copies during one download, the largest single cost of inserting. Measured (100k inserts of 2.4 KB,
 * then 100k updates): 17.6 s stock, 7.1 s doubling, 11.1 s with 64 MiB steps. Doubling raised the
 * benchmark's peak RSS past its 1 GB budget (the old arrays are garbage V8 collects late), 50% steps kept
 * it at 0.94 GB and took the 100k download from 25.9 s to 22.3 s.
 *
 * On top of the 50% steps, the file lives in a resizable ArrayBuffer that grows in place: no copy of the
 * file and no second array while it grows (each fresh page of a new array is also a page fault, which on
 * our VMs cost more than the copy). sql.js offers no setting for either, so the expressions are changed in
 * the loaded source; if a future sql.js no longer has them, the stock module loads unchanged: slower,
 * never wrong.
 */
export const MEMFS_GROWTH = {
  stock: 'm*(m<1048576?2:1.125)',
  faster: 'm*(m<1048576?2:1.5)',
  stockCopy: 'm=a.Ua.subarray(0,a.Wa),a.Ua=new Uint8Array(g),a.Ua.set(m)',
  inPlace: 'a.Ua=dockhandGrowFile(a.Ua,a.Wa,g)',
} as const;

/** Address space a database file may grow into in place (reserved, not committed: only written pages use memory). */
const MAX_FILE_BYTES = 2 ** 32;

/** How MEMFS files grew since the module loaded: in place, or by copying into a new resizable buffer. */
export const fileGrowth = { inPlace: 0, copied: 0 };

/** ES2024's resizable ArrayBuffer: Node 20 has it, the TypeScript lib we compile against does not yet. */
interface ResizableArrayBuffer extends ArrayBuffer {
  readonly resizable: boolean;
  readonly maxByteLength: number;
  resize(byteLength: number): void;
}
const ResizableArrayBuffer = ArrayBuffer as unknown as new (byteLength: number, options: { maxByteLength: number }) => ResizableArrayBuffer;

/** MEMFS's "give this file `size` bytes of capacity", keeping its first `used` bytes. */
export function growFile(current: Uint8Array, used: number, size: number): Uint8Array {
  const buffer = current.buffer as ResizableArrayBuffer;
  if (buffer.resizable === true && current.byteOffset === 0 && size <= buffer.maxByteLength) {
    buffer.resize(size);
    fileGrowth.inPlace += 1;
    return new Uint8Array(buffer, 0, size);
  }
  const next = new Uint8Array(new ResizableArrayBuffer(size, { maxByteLength: Math.max(size, MAX_FILE_BYTES) }), 0, size);
  next.set(current.subarray(0, used));
  fileGrowth.copied += 1;
  return next;
}

/** The sql.js module with MEMFS files growing by half, in place, and whether the patch applied. */
export function loadPatchedInitSqlJs(require: NodeJS.Require): { init: InitSqlJs; patched: boolean } {
  const file = require.resolve('sql.js');
  const source = readFileSync(file, 'utf8');
  const once = (text: string) => source.split(text).length === 2;
  if (!once(MEMFS_GROWTH.stock) || !once(MEMFS_GROWTH.stockCopy)) return { init: require('sql.js') as InitSqlJs, patched: false };
  const patched = source.replace(MEMFS_GROWTH.stock, MEMFS_GROWTH.faster).replace(MEMFS_GROWTH.stockCopy, MEMFS_GROWTH.inPlace);
  const module = { exports: {} as unknown };
  // The CommonJS wrapper Node itself would give the file, plus the growth function the patch calls.
  const factory = new Function('module', 'exports', 'require', '__dirname', '__filename', 'dockhandGrowFile', patched);
  factory(module, module.exports, require, dirname(file), file, growFile);
  return { init: module.exports as InitSqlJs, patched: true };
}

/** Loads sql.js once per process; the wasm file is resolved from the installed package, never fetched. */
export function loadSqlJs(): Promise<initSqlJs.SqlJsStatic> {
  if (!loading) {
    const require = createRequire(import.meta.url);
    const wasmPath = require.resolve('sql.js/dist/sql-wasm.wasm');
    loading = loadPatchedInitSqlJs(require).init({ locateFile: () => wasmPath });
    loading.catch(() => {
      loading = undefined;
    });
  }
  return loading;
}
