import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvPlugin } from '../../../../../../main/engine/connectors/carts/csv/index.js';
import { csvPlatform } from '../../../../../../shared/platforms/csv.js';
import { startFtpServer, type TestFtpServer } from '../../../../../support/ftp-server.js';
import { context, downloadAll, orderFile, orderRow, settingsFor } from './csv-source-world.js';

let ftp: TestFtpServer;
beforeAll(async () => {
  ftp = await startFtpServer({ tls: true });
});
afterAll(async () => {
  await ftp.close();
});

const transport = (extra: Record<string, unknown> = {}) =>
  ({ kind: 'ftp', host: ftp.host, port: ftp.port, user: ftp.user, security: 'explicit', pinnedCertificate: { sha256: ftp.certificateSha256 }, root: '/acme', ...extra }) as never;

async function put(folder: string, name: string, text: string, at: string): Promise<void> {
  await mkdir(join(ftp.root, 'acme', folder), { recursive: true });
  const path = join(ftp.root, 'acme', folder, name);
  await writeFile(path, text);
  await utimes(path, new Date(at), new Date(at));
}

describe('the CSV order source on an FTPS server', () => {
  it('downloads the files of the order folder and archives them on the next download', async () => {
    await put('in', 'day-1.csv', orderFile(orderRow('F-1'), orderRow('F-1', 'TEE-2', '2', '2')), '2026-11-20T08:00:00Z');
    await put('in', 'day-2.csv', orderFile(orderRow('F-2')), '2026-11-20T09:00:00Z');
    const settings = settingsFor(transport());
    const connector = csvPlugin.create(context(), settings, { password: ftp.password });
    const first = await downloadAll(connector, null);
    expect(first.pages.map((p) => p.orders.map((o) => `${o.orderNumber}:${o.lines.length}`))).toEqual([['F-1:2'], ['F-2:1']]);

    const second = await downloadAll(csvPlugin.create(context(), settings, { password: ftp.password }), first.position);
    expect(second.pages.flatMap((p) => p.orders)).toEqual([]);
    const test = await csvPlugin.create(context(), settings, { password: ftp.password }).testConnection(['order_download']);
    expect(test).toMatchObject({ ok: true, message: `Connected to ftps://${ftp.host}:${ftp.port}/acme/in: 0 files wait to be read` });
  });

  it('writes tracking files to the server', async () => {
    const connector = csvPlugin.create(context(), settingsFor(transport(), { trackingFolder: 'out' }), { password: ftp.password });
    const shipment = { cartOrderId: 'F-1', orderNumber: 'F-1', carrier: 'UPS', trackingNumber: 'T1', shipDate: '2026-11-26', items: [{ cartLineId: 'F-1/1', sku: 'MUG-1', quantity: 1 }] };
    expect(await connector.uploadShipment!(shipment)).toEqual({ outcome: 'accepted', remoteId: 'tracking-F-1-T1.csv', alreadyExisted: false });
    expect(await connector.uploadShipment!(shipment)).toEqual({ outcome: 'accepted', remoteId: 'tracking-F-1-T1.csv', alreadyExisted: true });
  });

  it('says the password is wrong on Test, and fails the download as an auth problem', async () => {
    const settings = settingsFor(transport());
    const connector = csvPlugin.create(context(), settings, { password: 'not-the-password' });
    const test = await connector.testConnection(['order_download']);
    expect(test.ok).toBe(false);
    expect(test.message).toContain(`FTP login refused for user ${ftp.user}`);
    expect(test.message).not.toContain('not-the-password');
    const failed = await downloadAll(connector, null).catch((err: unknown) => err);
    expect(failed).toMatchObject({ kind: 'auth' });
  });

  it('names a missing order folder on the server', async () => {
    const test = await csvPlugin.create(context(), settingsFor(transport(), { folder: 'nowhere' }), { password: ftp.password }).testConnection(['order_download']);
    expect(test.ok).toBe(false);
    expect(test.message).toMatch(/Folder "\/acme\/nowhere" on FTP server .* does not exist or cannot be used/);
  });

  it('says nothing answers at a wrong address', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const test = await csvPlugin.create(context(), settingsFor(transport({ port, security: 'none' })), { password: ftp.password }).testConnection(['order_download']);
    expect(test).toMatchObject({ ok: false, message: expect.stringContaining(`FTP server 127.0.0.1:${port} refused the connection: is it running, and is the port right?`) });
  });

  it('binds the password to the server it was saved for, and asks for it only for a named FTP login', () => {
    const settings = settingsFor(transport());
    expect(csvPlatform.secretAddress(settings)).toBe(`ftps://127.0.0.1:${ftp.port}`);
    expect(csvPlatform.secretAddress(settingsFor(transport({ security: 'none' })))).toBe(`ftp://127.0.0.1:${ftp.port}`);
    expect(Object.keys(csvPlatform.requiredCredentials(settings))).toEqual(['password']);
    expect(csvPlatform.requiredCredentials(settingsFor(transport({ anonymous: true })))).toEqual({});
    expect(csvPlatform.secretAddress(settingsFor({ kind: 'folder', path: '/srv/orders' }))).toBeNull();
  });
});
