import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildShell } from '../../../scripts/build-shell.js';
import type { Engine } from '../../../main/engine/engine-api.js';
import { startEngineWorker } from '../../../main/host/worker-engine.js';

// Inside Electron the engine's thread runs from the bundle build-shell.ts makes (no TypeScript loader
// there): check that bundle starts the real engine and answers a call, here in plain Node.
let out: string;
let dataDir: string;
let engine: Engine | undefined;
beforeAll(async () => {
  // Inside the repository, so the bundle finds node_modules (sql.js and its wasm) as dist/shell does.
  mkdirSync(join(process.cwd(), 'dist'), { recursive: true });
  out = mkdtempSync(join(process.cwd(), 'dist', 'test-shell-'));
  dataDir = mkdtempSync(join(tmpdir(), 'dockhand-bundled-'));
  await buildShell(out);
});
afterAll(async () => {
  await engine?.close();
  rmSync(out, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the bundled Electron shell', () => {
  it('runs the real engine from the bundled worker script', async () => {
    engine = await startEngineWorker({ dataDir, workerScript: join(out, 'engine-worker.mjs'), secretKey: Buffer.alloc(32, 3), startScheduler: false });
    expect(await engine.call('account.get', {})).toMatchObject({ configured: false });
    expect(await engine.call('merchants.list', {})).toEqual([]);
  });
});
