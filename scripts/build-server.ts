// Bundles the headless host into dist/server/ (run with tsx; `npm run build:server`), so a service
// manager runs plain JavaScript with no TypeScript loader:
//   cli.js            the host (`node dist/server/cli.js --port ... --data-dir ...`)
//   engine-worker.js  the engine's worker thread; worker-engine.ts looks for it next to the host's
//                     bundle (when it does not run from the .ts sources)
// The host finds the built screens at dist/renderer (`npm run build:renderer`) by itself.
import { mkdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
import { nodeBundle, root, runIfMain } from './esbuild-options.js';

/** Builds into `out` (default dist/server; tests build into a temporary folder). Resolves with it. */
export async function buildServer(out = `${root}dist/server`): Promise<string> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await Promise.all(
    ['cli', 'engine-worker'].map((name) =>
      build({ ...nodeBundle, entryPoints: [name === 'cli' ? 'main/server/cli.ts' : `main/host/${name}.ts`], outfile: `${out}/${name}.js`, format: 'esm', packages: 'external' }),
    ),
  );
  return out;
}

runIfMain(import.meta.url, 'the headless host', () => buildServer());
