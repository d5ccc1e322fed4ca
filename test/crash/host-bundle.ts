import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

/**
 * The headless host built once per crash run, as the Electron build bundles its engine worker: under
 * tsx every start transpiles the whole host again (7-10 s on a busy machine, 2-3 s bundled), and a
 * soak starts it a thousand times. Built from the same sources: main/server/cli.ts (the host),
 * main/host/engine-worker.ts (its worker thread, found next to the host when not run from sources)
 * and crash-engine.ts (the engine the worker loads through DOCKHAND_TEST_ENGINE).
 *
 * The folder is inside the checkout (dist/, ignored by git), so the package's "type": "module" makes
 * the .js files ES modules and the npm packages resolve from node_modules.
 */
export interface HostBundle {
  cli: string;
  engineModule: string;
  remove(): Promise<void>;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export async function buildHostBundle(): Promise<HostBundle> {
  const dir = `${ROOT}dist/crash-host-${process.pid}-${randomBytes(4).toString('hex')}`;
  const common: BuildOptions = {
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  };
  await Promise.all([
    build({ ...common, entryPoints: ['main/server/cli.ts'], outfile: `${dir}/cli.js` }),
    build({ ...common, entryPoints: ['main/host/engine-worker.ts'], outfile: `${dir}/engine-worker.js` }),
    build({ ...common, entryPoints: ['test/crash/crash-engine.ts'], outfile: `${dir}/crash-engine.js` }),
  ]);
  return {
    cli: `${dir}/cli.js`,
    engineModule: `${dir}/crash-engine.js`,
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
