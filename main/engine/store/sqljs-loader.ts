import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type initSqlJs from 'sql.js';

type InitSqlJs = typeof initSqlJs;

let loading: Promise<initSqlJs.SqlJsStatic> | undefined;

/**
 * sql.js keeps the database file in Emscripten's in-memory file system (MEMFS), which grows a file by
 * 12.5% at a time and copies the whole file on every step: at 100k orders (~265 MB) that is dozens of
 * full copies during one download, the largest single cost of inserting (measured: 100k inserts of
 * 1.5 KB took 9.4 s; 3.6 s when the file doubles instead). The room a doubling adds is never written,
 * so it is not resident memory (peak RSS measured the same). sql.js offers no setting for it, so the
 * one constant is changed in the loaded source. If a future sql.js no longer has that expression the
 * stock module loads unchanged: slower, never wrong.
 */
export const MEMFS_GROWTH = { stock: 'm*(m<1048576?2:1.125)', doubled: 'm*2' } as const;

/** The sql.js module with MEMFS doubling, and whether the patch applied. */
export function loadPatchedInitSqlJs(require: NodeJS.Require): { init: InitSqlJs; patched: boolean } {
  const file = require.resolve('sql.js');
  const source = readFileSync(file, 'utf8');
  if (source.split(MEMFS_GROWTH.stock).length !== 2) return { init: require('sql.js') as InitSqlJs, patched: false };
  const module = { exports: {} as unknown };
  // The CommonJS wrapper Node itself would give the file.
  const factory = new Function('module', 'exports', 'require', '__dirname', '__filename', source.replace(MEMFS_GROWTH.stock, MEMFS_GROWTH.doubled));
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
