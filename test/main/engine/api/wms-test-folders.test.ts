import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCsvWmsSettings } from '../../../../shared/csv-defaults.js';
import { DockhandError } from '../../../../shared/errors.js';
import { checkFolders } from '../../../../main/engine/connectors/wms/csv/folder-check.js';
import { silentLogger } from '../../../../main/engine/platform/ports.js';
import { createTransport } from '../../../../main/engine/transports/create-transport.js';
import type { Transport } from '../../../../main/engine/transports/transport.js';
import { startTestEngine, type TestEngine } from '../../../support/engine-harness.js';

/** The WMS Test through the engine's API: each merchant's folders listed, and each proven writable. */
describe('the WMS Test, folder by folder', () => {
  let t: TestEngine;
  let warehouse: string;
  beforeAll(async () => {
    t = await startTestEngine();
    warehouse = await mkdtemp(join(tmpdir(), 'dockhand-wms-test-'));
    await t.call('account.setup', { mode: 'fulfillment' });
    await t.call('merchants.create', { name: 'Acme', code: 'ACME' });
    await t.call('merchants.create', { name: 'Beta', code: 'BETA' });
  });
  afterAll(async () => {
    await t?.close();
    await rm(warehouse, { recursive: true, force: true });
  });

  it('lists every folder of every merchant in the details, with its files and that it is writable', async () => {
    await mkdir(join(warehouse, 'ACME', 'confirmations'), { recursive: true });
    await writeFile(join(warehouse, 'ACME', 'confirmations', 'c1.csv'), 'x');
    await writeFile(join(warehouse, 'ACME', 'confirmations', 'c2.csv'), 'y');
    await writeFile(join(warehouse, 'ACME', 'confirmations', 'c3.csv'), 'z');

    const result = await t.call('wms.test', { wms: { settings: defaultCsvWmsSettings({ kind: 'folder', path: warehouse }), secrets: {} } });

    expect(result).toMatchObject({ ok: true, message: `Connected to folder ${warehouse}; every folder listed and writable` });
    expect(result.details?.folders).toEqual([
      'ACME/orders: 0 files, writable',
      'ACME/confirmations: 3 files, writable',
      'ACME/inventory: 0 files, writable',
      'BETA/orders: 0 files, writable',
      'BETA/confirmations: 0 files, writable',
      'BETA/inventory: 0 files, writable',
    ]);
  });

  it('fails naming the folder that refuses a file, and still reports the others', async () => {
    const base = createTransport({ kind: 'folder', path: warehouse }, {}, { log: silentLogger, signal: new AbortController().signal, timeoutMs: 5000 });
    // A share that lets us list but not write (as root, file modes do not stop us, so the refusal is the transport's).
    const readOnly: Transport = new Proxy(base, {
      get(target, key) {
        if (key === 'writeAtomic') {
          return (dir: string, name: string, content: Buffer) =>
            dir === 'BETA/inventory'
              ? Promise.reject(new DockhandError('config', `Folder "${join(warehouse, dir)}" cannot be written by Dockhand (EACCES)`))
              : target.writeAtomic(dir, name, content);
        }
        const value = Reflect.get(target, key) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });

    const checked = await checkFolders(readOnly, ['ACME/orders', 'BETA/inventory']);

    expect(checked).toEqual({
      lines: ['ACME/orders: 0 files, writable', `BETA/inventory: 0 files, not writable (Folder "${join(warehouse, 'BETA/inventory')}" cannot be written by Dockhand (EACCES))`],
      problem: `BETA/inventory: 0 files, not writable (Folder "${join(warehouse, 'BETA/inventory')}" cannot be written by Dockhand (EACCES))`,
    });
  });
});
