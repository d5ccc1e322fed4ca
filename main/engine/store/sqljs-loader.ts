import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type initSqlJs from 'sql.js';

type InitSqlJs = typeof initSqlJs;

let loading: Promise<initSqlJs.SqlJsStatic> | undefined;

/**
 * sql.js keeps the database file in Emscripten's in-memory file system (MEMFS), which grows a file by
 * 12.5% at a time and copies the whole file on every step: at 100k orders (~265 MB) that is dozens of
 * full copies during one download, the largest single cost of inserting. Measured (100k inserts of
 * 2.4 KB, then 100k updates): 17.6 s stock, 7.1 s doubling, 11.1 s with 64 MiB steps. In the end-to-end
 * benchmark doubling also raised the peak RSS past the 1 GB budget (1.12-1.13 GB against 0.92 GB: V8
 * collects the upload's garbage later when external memory jumps in big steps), while 50% steps kept it
 * at 0.94 GB and took the 100k download from 25.9 s to 22.3 s. sql.js offers no setting for it, so the
 * one constant is changed in the loaded source. If a future sql.js no longer has that expression the
 * stock module loads unchanged: slower, never wrong.
 */
export const MEMFS_GROWTH = { stock: 'm*(m<1048576?2:1.125)', faster: 'm*(m<1048576?2:1.5)' } as const;

/** The sql.js module with MEMFS growing by half, and whether the patch applied. */
export function loadPatchedInitSqlJs(require: NodeJS.Require): { init: InitSqlJs; patched: boolean } {
  const file = require.resolve('sql.js');
  const source = readFileSync(file, 'utf8');
  if (source.split(MEMFS_GROWTH.stock).length !== 2) return { init: require('sql.js') as InitSqlJs, patched: false };
  const module = { exports: {} as unknown };
  // The CommonJS wrapper Node itself would give the file.
  const factory = new Function('module', 'exports', 'require', '__dirname', '__filename', source.replace(MEMFS_GROWTH.stock, MEMFS_GROWTH.faster));
  factory(module, module.exports, require, dirname(file), file);
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
