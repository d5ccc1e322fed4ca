// Bundles the Electron shell into dist/shell/ (run with tsx; `npm run build:shell`):
//   main.mjs          the main process (ESM)
//   preload.cjs       the preload (CommonJS: a sandboxed preload cannot be an ES module)
//   engine-worker.mjs the engine's worker thread (in Electron a worker cannot register tsx's loader)
//   icon.png, tray/   the window and tray icons, copied from build/
// npm packages stay external (sql.js must find its wasm next to itself; electron is the runtime).
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
import { nodeBundle, root, runIfMain } from './esbuild-options.js';

/** Builds into `out` (default dist/shell; tests build into a temporary folder). Resolves with it. */
export async function buildShell(out = `${root}dist/shell`): Promise<string> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await Promise.all([
    build({ ...nodeBundle, entryPoints: ['main/shell/main.ts'], outfile: `${out}/main.mjs`, format: 'esm', packages: 'external' }),
    build({ ...nodeBundle, entryPoints: ['main/host/engine-worker.ts'], outfile: `${out}/engine-worker.mjs`, format: 'esm', packages: 'external' }),
    // Sandboxed preloads get a small `require` that knows only electron (and a few Node shims): bundle
    // everything else in.
    build({ ...nodeBundle, entryPoints: ['main/shell/preload.ts'], outfile: `${out}/preload.cjs`, format: 'cjs', platform: 'browser', external: ['electron'] }),
  ]);
  cpSync(`${root}build/icon.png`, `${out}/icon.png`);
  cpSync(`${root}build/tray`, `${out}/tray`, { recursive: true });
  return out;
}

runIfMain(import.meta.url, 'the Electron shell', () => buildShell());
