import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../../shared/contract.js';
import { startTestEngine, type TestEngine } from '../../../support/engine-harness.js';
import { startFtpServer, type TestFtpServer } from '../../../support/ftp-server.js';
import { MAPPING, orderFile, orderRow } from '../connectors/carts/csv/csv-source-world.js';

/**
 * A CSV order source on an FTPS server with a self-signed certificate, through the engine's API: the
 * cart Test shows the certificate (as the WMS Test does), a source saved with it pinned connects and
 * downloads, and old settings that only said "allow self-signed" get the certificate shown to accept.
 */
describe('a CSV order source on FTPS with a self-signed certificate, through the API', () => {
  let ftp: TestFtpServer;
  let t: TestEngine;
  let merchantId: number;

  const cartInput = (transport: Record<string, unknown> = {}): MethodInput<'carts.create'> =>
    ({
      merchantId,
      platform: 'csv',
      name: 'Acme FTPS',
      earliestOrderDate: '2026-01-01',
      schedules: { order_download: null, shipment_upload: null, inventory_upload: null },
      settings: {
        transport: { kind: 'ftp', host: ftp.host, port: ftp.port, user: ftp.user, security: 'explicit', root: '/acme', ...transport },
        folder: 'in',
        archiveFolder: 'in/archive',
        minFileAgeSeconds: 0,
        mapping: MAPPING,
      },
      credentials: { password: ftp.password },
    }) as MethodInput<'carts.create'>;

  beforeAll(async () => {
    ftp = await startFtpServer({ tls: true });
    t = await startTestEngine();
    await t.call('account.setup', { mode: 'fulfillment' });
    merchantId = (await t.call('merchants.create', { name: 'Acme', code: 'ACME' })).id;
    await mkdir(join(ftp.root, 'acme', 'in'), { recursive: true });
    const file = join(ftp.root, 'acme', 'in', 'day-1.csv');
    await writeFile(file, orderFile(orderRow('P-1')));
    await utimes(file, new Date('2026-11-20T08:00:00Z'), new Date('2026-11-20T08:00:00Z'));
  });
  afterAll(async () => {
    await t?.close();
    await ftp?.close();
  });

  it('a Test shows the certificate this computer does not trust, before any password is sent', async () => {
    const logins = ftp.logins;
    const result = await t.call('carts.test', { cart: cartInput() });
    expect(result.ok).toBe(false);
    expect(result.message).toContain('not trusted by this computer');
    expect(result.certificate).toMatchObject({ sha256: ftp.certificateSha256, selfSigned: true });
    expect(ftp.logins).toBe(logins);
  });

  it('old settings that allowed any self-signed certificate still load, and their Test shows the certificate to accept', async () => {
    const result = await t.call('carts.test', { cart: cartInput({ allowSelfSigned: true, passive: true }) });
    expect(result.ok).toBe(false);
    expect(result.message).toContain('no longer accepts such a certificate');
    expect(result.certificate?.sha256).toBe(ftp.certificateSha256);
  });

  it('accepts the pinned certificate: the saved source tests and downloads the order file', async () => {
    const cart = await t.call('carts.create', cartInput({ pinnedCertificate: { sha256: ftp.certificateSha256!.toLowerCase(), subject: 'CN=localhost' } }));
    expect(cart.settings.transport).toMatchObject({ pinnedCertificate: { sha256: ftp.certificateSha256 } });
    const test = await t.call('carts.test', { id: cart.id });
    expect(test).toMatchObject({ ok: true, message: expect.stringContaining('1 file waits to be read') });
    expect(test.certificate).toBeUndefined();
    const run = await t.call('services.runNow', { service: 'order_download', targetId: cart.id });
    expect(run.status).toBe('ok');
    expect(run.counts.downloaded).toBe(1);
  });

  it('refuses another certificate than the pinned one, showing both', async () => {
    const other = 'AB:'.repeat(31) + 'AB';
    const result = await t.call('carts.test', { cart: cartInput({ pinnedCertificate: { sha256: other } }) });
    expect(result.ok).toBe(false);
    expect(result.message).toContain('has changed');
    expect(result.certificate).toMatchObject({ sha256: ftp.certificateSha256, pinnedSha256: other });
  });
});
