// Bundles the Electron shell into dist/shell/ (run with tsx; `npm run build:shell`):
//   main.mjs          the main process (ESM)
//   preload.cjs       the preload (CommonJS: a sandboxed preload cannot be an ES module)
//   engine-worker.mjs the engine's worker thread (in Electron a worker cannot register tsx's loader)
//   icon.png, tray/   the window and tray icons, copied from build/
// npm packages stay external (sql.js must find its wasm next to itself; electron is the runtime).
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

const common: BuildOptions = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

/** Builds into `out` (default dist/shell; tests build into a temporary folder). Resolves with it. */
export async function buildShell(out = `${root}dist/shell`): Promise<string> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await Promise.all([
    build({ ...common, entryPoints: ['main/shell/main.ts'], outfile: `${out}/main.mjs`, format: 'esm', packages: 'external' }),
    build({ ...common, entryPoints: ['main/server/engine-worker.ts'], outfile: `${out}/engine-worker.mjs`, format: 'esm', packages: 'external' }),
    // Sandboxed preloads get a small `require` that knows only electron (and a few Node shims): bundle
    // everything else in.
    build({ ...common, entryPoints: ['main/shell/preload.ts'], outfile: `${out}/preload.cjs`, format: 'cjs', platform: 'browser', external: ['electron'] }),
  ]);
  cpSync(`${root}build/icon.png`, `${out}/icon.png`);
  cpSync(`${root}build/tray`, `${out}/tray`, { recursive: true });
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildShell().then(
    (dir) => process.stdout.write(`Built the Electron shell into ${dir}\n`),
    (err) => {
      process.stderr.write(`${(err as Error).message}\n`);
      process.exit(1);
    },
  );
}
