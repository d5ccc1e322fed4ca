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

/**
 * sql.js binds a string parameter by measuring its UTF-8 length, malloc-ing a copy in the wasm heap,
 * encoding into it code point by code point, measuring it again for sqlite3_bind_text, and freeing the
 * copy on the statement's next reset: two wasm calls and two passes over the string, for every string
 * bound. A confirmation file binds about 15 strings per shipment (the largest JS cost of applying one,
 * ~0.25 s of JS per 100,000 rows). The patched bind encodes once into one reusable buffer (ASCII byte by
 * byte, anything else through sql.js's own encoder, so the bytes are exactly what it wrote before) and
 * lets SQLite copy them (SQLITE_TRANSIENT), so nothing is left to free.
 */
export const TEXT_BINDING = {
  stock: 'var p=fa(f);this.rb.push(p);this.db.handleError(uc(this.Va,h,p,l(f),0))',
  faster:
    'var t=dockhandText,n=f.length*3+1;if(n>t.cap){t.ptr&&ea(t.ptr);t.cap=Math.max(n,65536);t.ptr=da(t.cap)}' +
    'var p=t.ptr,e=E,g=0,z=f.length;for(;g<z;g++){var m=f.charCodeAt(g);if(m>127)break;e[p+g]=m}' +
    'if(g<z)g=L(f,E,p,t.cap);this.db.handleError(uc(this.Va,h,p,g,-1))',
} as const;

/** The scratch buffer the patched bind encodes into (one per loaded module: a thread's own). */
interface TextScratch {
  ptr: number;
  cap: number;
}

/** The sql.js module with MEMFS files growing by half, in place, and whether the patch applied. */
export function loadPatchedInitSqlJs(require: NodeJS.Require): { init: InitSqlJs; patched: boolean; fastTextBinding: boolean } {
  const file = require.resolve('sql.js');
  const source = readFileSync(file, 'utf8');
  const once = (text: string) => source.split(text).length === 2;
  if (!once(MEMFS_GROWTH.stock) || !once(MEMFS_GROWTH.stockCopy)) return { init: require('sql.js') as InitSqlJs, patched: false, fastTextBinding: false };
  let patched = source.replace(MEMFS_GROWTH.stock, MEMFS_GROWTH.faster).replace(MEMFS_GROWTH.stockCopy, MEMFS_GROWTH.inPlace);
  // Independent of the growth patch: a sql.js whose bind reads differently keeps its own.
  const fastTextBinding = once(TEXT_BINDING.stock);
  if (fastTextBinding) patched = patched.replace(TEXT_BINDING.stock, TEXT_BINDING.faster);
  const module = { exports: {} as unknown };
  const scratch: TextScratch = { ptr: 0, cap: 0 };
  // The CommonJS wrapper Node itself would give the file, plus what the patches call.
  const factory = new Function('module', 'exports', 'require', '__dirname', '__filename', 'dockhandGrowFile', 'dockhandText', patched);
  factory(module, module.exports, require, dirname(file), file, growFile, scratch);
  return { init: module.exports as InitSqlJs, patched: true, fastTextBinding };
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
