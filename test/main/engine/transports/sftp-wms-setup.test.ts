import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCsvWmsSettings } from '../../../../shared/csv-defaults.js';
import type { TransportSettings } from '../../../../shared/transports/index.js';
import { startTestEngine, type TestEngine } from '../../../support/engine-harness.js';
import { rejection } from '../../../support/rejection.js';
import { sshdAvailable, startSshd, type TestSshdServer } from '../../../support/sshd-server.js';

/**
 * The WMS setup over SFTP through the engine's API: a Test shows the server's key to confirm, Save keeps
 * it with the settings and the private key sealed, and runs use the saved key and pinned server.
 */
describe.skipIf(!sshdAvailable())('an SFTP WMS set up through the API', () => {
  let sshd: TestSshdServer;
  let t: TestEngine;

  const sftp = (over: Record<string, unknown> = {}): TransportSettings =>
    ({ kind: 'sftp', host: sshd.host, port: sshd.port, user: sshd.user, auth: 'key', root: sshd.files, ...over }) as TransportSettings;

  beforeAll(async () => {
    sshd = await startSshd();
    t = await startTestEngine();
    await t.call('account.setup', { mode: 'fulfillment' });
    await t.call('merchants.create', { name: 'Acme', code: 'ACME' });
  });
  afterAll(async () => {
    await t?.close();
    await sshd?.stop();
  });

  it('a Test of a server not confirmed yet passes and shows its key, as ssh-keygen shows it, to confirm', async () => {
    const result = await t.call('wms.test', { wms: { settings: defaultCsvWmsSettings(sftp()), secrets: { privateKey: sshd.clientKey } } });
    expect(result.ok).toBe(true);
    expect(result.details?.hostKeyFingerprint).toBe(sshd.hostKeyFingerprint);
  });

  it('asks for the private key in words when none is typed or saved', async () => {
    const err = await rejection(t.call('wms.test', { wms: { settings: defaultCsvWmsSettings(sftp()), secrets: {} } }));
    expect(err.fields?.['secrets.privateKey']).toBe(`Enter the private key of SFTP user ${sshd.user}`);
  });

  it('saves the confirmed key with the settings and the private key sealed, and a test of the saved setup uses both', async () => {
    const settings = defaultCsvWmsSettings(sftp({ hostKeyFingerprint: sshd.hostKeyFingerprint }));
    const saved = await t.call('wms.save', { settings, secrets: { privateKey: sshd.clientKey } });
    expect(saved.settings?.transport).toMatchObject({ kind: 'sftp', hostKeyFingerprint: sshd.hostKeyFingerprint });
    expect(saved.hasPassword).toBe(true);

    // Nothing in the data folder holds the key in plain text (snapshots, journal).
    const keyBody = sshd.clientKey.split('\n')[1];
    let bytes = 0;
    for (const name of await readdir(t.dataDir)) {
      const content = await readFile(join(t.dataDir, name)).catch(() => Buffer.alloc(0));
      bytes += content.length;
      expect(content.includes(keyBody), name).toBe(false);
    }
    expect(bytes).toBeGreaterThan(0);

    const again = await t.call('wms.test', {});
    expect(again).toMatchObject({ ok: true });
    expect(again.details?.hostKeyFingerprint).toBe(sshd.hostKeyFingerprint);
    // The merchant's folders were created by the test on the server.
    expect(JSON.stringify(t.log.entries)).not.toContain(keyBody);
    expect(await readdir(join(sshd.files, 'ACME'))).toEqual(expect.arrayContaining(['orders', 'confirmations', 'inventory']));
  });
});
