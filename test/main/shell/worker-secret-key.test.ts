import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../../main/engine/engine-api.js';
import { keyCipher, SECRET_KEY_FILE } from '../../../main/host/secret-cipher.js';
import { startEngineWorker } from '../../../main/host/worker-engine.js';

const testEngineModule = fileURLToPath(new URL('../host/fixtures/test-engine-module.ts', import.meta.url));

let dataDir: string | undefined;
let engine: Engine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('the engine worker with a key from the shell', () => {
  it('encrypts secrets with the key it is given and writes no key file', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'dockhand-shell-key-'));
    // A pooled Buffer (Buffer.from of a short string) is what an unsealed key looks like.
    const key = Buffer.from(Buffer.alloc(32, 7).toString('base64'), 'base64');
    engine = await startEngineWorker({ dataDir, engineModule: testEngineModule, secretKey: key, closeTimeoutMs: 5_000 });
    const { sealed, opened } = (await engine.call('secrets.roundTrip', { plain: 'shpat_secret' })) as { sealed: string; opened: string };
    expect(opened).toBe('shpat_secret');
    expect(keyCipher(key).decrypt(sealed)).toBe('shpat_secret');
    expect(existsSync(join(dataDir, SECRET_KEY_FILE))).toBe(false);
  });

  it('keeps the headless behaviour without one: the key file in the data folder', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'dockhand-shell-key-'));
    engine = await startEngineWorker({ dataDir, engineModule: testEngineModule, closeTimeoutMs: 5_000 });
    await engine.call('secrets.roundTrip', { plain: 'x' });
    expect(existsSync(join(dataDir, SECRET_KEY_FILE))).toBe(true);
  });
});
