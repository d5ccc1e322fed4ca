import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../../shared/contract.js';
import { startTestEngine, type TestEngine } from '../../../support/engine-harness.js';
import { sshdAvailable, startSshd, type TestSshdServer } from '../../../support/sshd-server.js';
import { MAPPING, orderFile, orderRow } from '../connectors/carts/csv/csv-source-world.js';

/**
 * A CSV order source on an SFTP server (OpenSSH's sshd) set up through the engine's API: its Test shows
 * the server's key, the key a person trusted is saved with the settings, a run downloads the order
 * files, and a server showing another key is refused. Only a Test may meet an unconfirmed server.
 */
describe.skipIf(!sshdAvailable())('a CSV order source on SFTP through the API', () => {
  let sshd: TestSshdServer;
  let t: TestEngine;
  let merchantId: number;

  const cartInput = (transport: Record<string, unknown> = {}, name = 'Acme files'): MethodInput<'carts.create'> =>
    ({
      merchantId,
      platform: 'csv',
      name,
      earliestOrderDate: '2026-01-01',
      schedules: { order_download: null, shipment_upload: null, inventory_upload: null },
      settings: {
        transport: { kind: 'sftp', host: sshd.host, port: sshd.port, user: sshd.user, auth: 'key', root: sshd.files, ...transport },
        folder: 'in',
        archiveFolder: 'in/archive',
        minFileAgeSeconds: 0,
        mapping: MAPPING,
      },
      credentials: { privateKey: sshd.clientKey },
    }) as MethodInput<'carts.create'>;

  async function put(name: string, text: string): Promise<void> {
    await mkdir(join(sshd.files, 'in'), { recursive: true });
    const path = join(sshd.files, 'in', name);
    await writeFile(path, text);
    await utimes(path, new Date('2026-11-20T08:00:00Z'), new Date('2026-11-20T08:00:00Z'));
  }

  beforeAll(async () => {
    sshd = await startSshd();
    t = await startTestEngine();
    await t.call('account.setup', { mode: 'fulfillment' });
    merchantId = (await t.call('merchants.create', { name: 'Acme', code: 'ACME' })).id;
  });
  afterAll(async () => {
    await t?.close();
    await sshd?.stop();
  });

  it('a Test of a server not confirmed yet passes and shows its key, as ssh-keygen shows it', async () => {
    await put('day-1.csv', orderFile(orderRow('S-1'), orderRow('S-1', 'TEE-2', '2', '2')));
    const result = await t.call('carts.test', { cart: cartInput() });
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining('1 file waits to be read') });
    expect(result.message).toContain("The server's key is not trusted yet");
    expect(result.details?.hostKeyFingerprint).toBe(sshd.hostKeyFingerprint);
  });

  it('a run of a source whose server key nobody trusted is refused before it logs in', async () => {
    const cart = await t.call('carts.create', cartInput({}, 'Not trusted'));
    // The Test above logged in (sshd logs each login request), so the log can tell a refusal from a login.
    expect(sshd.log()).toContain('userauth-request');
    const logBefore = sshd.log().length;
    const run = await t.call('services.runNow', { service: 'order_download', targetId: cart.id });
    expect(run.status).not.toBe('ok');
    expect(run.message).toBe(
      `The key of SFTP server 127.0.0.1:${sshd.port} is not confirmed yet: press Test connection where it is set up (the WMS setup, or the order source's connection), check the key it shows, trust it and save`,
    );
    // Refused before any key was offered: sshd never saw a login request.
    expect(sshd.log().slice(logBefore)).not.toContain('userauth-request');
    await t.call('carts.delete', { id: cart.id });
  });

  let cartId: number;
  it('saves the trusted key with the settings, and the next run downloads the order file and archives it', async () => {
    const cart = await t.call('carts.create', cartInput({ hostKeyFingerprint: sshd.hostKeyFingerprint }));
    cartId = cart.id;
    expect(cart.settings).toMatchObject({ transport: { kind: 'sftp', hostKeyFingerprint: sshd.hostKeyFingerprint } });
    expect(cart.hasCredentials).toBe(true);

    // Saved again with the key field left blank (as the form sends it): the saved private key is kept.
    const { credentials: _typed, ...withoutKey } = cartInput({ hostKeyFingerprint: sshd.hostKeyFingerprint });
    expect((await t.call('carts.update', { id: cart.id, cart: withoutKey as MethodInput<'carts.create'> })).hasCredentials).toBe(true);

    const saved = await t.call('carts.test', { id: cart.id });
    expect(saved).toMatchObject({ ok: true, details: { hostKeyFingerprint: sshd.hostKeyFingerprint } });
    expect(saved.message).not.toContain('not trusted');

    const run = await t.call('services.runNow', { service: 'order_download', targetId: cart.id });
    expect(run.status).toBe('ok');
    expect(run.counts.downloaded).toBe(1);
    const orders = await t.call('orders.list', { merchantId, limit: 10, offset: 0 });
    expect(orders.items.map((o) => o.orderNumber)).toEqual(['S-1']);
    // Handed over with its orders saved: the next download moves it to the archive.
    await t.call('services.runNow', { service: 'order_download', targetId: cart.id });
    expect(await readdir(join(sshd.files, 'in', 'archive'))).toContain('day-1.csv');
  });

  it('refuses a server that shows another key, on runs and on Test, naming both keys', async () => {
    await sshd.restart({ newHostKey: true });
    const run = await t.call('services.runNow', { service: 'order_download', targetId: cartId });
    expect(run.status).not.toBe('ok');
    expect(run.message).toContain("The SFTP server's identity changed");
    const test = await t.call('carts.test', { id: cartId });
    expect(test.ok).toBe(false);
    expect(test.message).toContain("The SFTP server's identity changed");
    expect(test.details?.hostKeyFingerprint).toBe(sshd.hostKeyFingerprint);
    // The trusted key stays saved until a person trusts another.
    expect((await t.call('carts.get', { id: cartId })).settings.transport).not.toMatchObject({ hostKeyFingerprint: sshd.hostKeyFingerprint });
  });
});
