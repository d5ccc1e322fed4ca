import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';

/** The checkout's root folder, with a trailing slash. */
export const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * What every bundle of ours shares: Node 20, linked source maps. npm packages stay external (sql.js must
 * find its wasm next to itself), so a bundle runs from inside this checkout, next to node_modules.
 */
export const nodeBundle: BuildOptions = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

/** Runs `build` when the script is the one node was started with, reporting like the other build steps. */
export function runIfMain(moduleUrl: string, what: string, build: () => Promise<string>): void {
  if (!process.argv[1] || fileURLToPath(moduleUrl) !== process.argv[1]) return;
  build().then(
    (dir) => process.stdout.write(`Built ${what} into ${dir}\n`),
    (err) => {
      process.stderr.write(`${(err as Error).message}\n`);
      process.exit(1);
    },
  );
}
