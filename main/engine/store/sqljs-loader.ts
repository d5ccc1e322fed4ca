import { createRequire } from 'node:module';
import initSqlJs from 'sql.js';

let loading: Promise<initSqlJs.SqlJsStatic> | undefined;

/** Loads sql.js once per process; the wasm file is resolved from the installed package, never fetched. */
export function loadSqlJs(): Promise<initSqlJs.SqlJsStatic> {
  if (!loading) {
    const require = createRequire(import.meta.url);
    const wasmPath = require.resolve('sql.js/dist/sql-wasm.wasm');
    loading = initSqlJs({ locateFile: () => wasmPath });
    loading.catch(() => {
      loading = undefined;
    });
  }
  return loading;
}
