import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCsvWmsSettings } from '../../shared/csv-defaults.js';
import { startVsftpd, type TestVsftpd } from '../support/vsftpd-server.js';
import { WmsPage } from './pages/wms-page.js';
import { startApp, type AppUnderTest } from './support/app.js';

/**
 * An FTPS warehouse server with a self-signed certificate (Debian's vsftpd), set up on the WMS screen:
 * Test shows the certificate, the user accepts it, Test passes and Save keeps it; a server that later
 * shows another certificate is refused with both fingerprints, and the new one can be accepted.
 */
describe('the WMS screen with an FTPS server whose certificate this computer does not trust', () => {
  let app: AppUnderTest;
  let server: TestVsftpd;
  let replaced: TestVsftpd;

  beforeAll(async () => {
    [server, replaced] = await Promise.all([startVsftpd({ tls: true }), startVsftpd({ tls: true })]);
    app = await startApp();
    await app.call('account.setup', { mode: 'fulfillment' });
    await app.page.reload();
  });
  afterAll(async () => {
    await app?.close();
    await server?.stop();
    await replaced?.stop();
  });

  const certificateBox = () => app.page.locator('.ftps-certificate');

  it('shows the certificate on Test; once accepted, Test passes and Save keeps it', async () => {
    const wms = new WmsPage(app.page);
    await wms.goto();
    await wms.startSetup();
    await wms.chooseTransport('FTPS (explicit TLS)');
    await wms.fillFtp({ host: server.host, port: server.port, user: server.user, password: server.password });
    await wms.field('Root folder').fill(server.ftpRoot);
    await expect.poll(() => certificateBox().count()).toBe(0);

    await wms.test();
    await expect.poll(() => wms.top().textContent()).toMatch(/test failed.*is not trusted by this computer: it is self-signed/);
    await expect.poll(() => wms.top().textContent()).toContain('The certificate is shown under Connection');
    const offered = app.page.getByRole('region', { name: 'This computer does not trust the server’s certificate' });
    await expect.poll(() => offered.textContent()).toContain(server.certificate!.sha256);
    expect(await offered.textContent()).toContain('itself (self-signed)');
    expect(await offered.textContent()).toContain(server.certificate!.validTo.slice(0, 10));
    await app.screenshot('wms-ftps-certificate-offered');
    expect((await app.call('wms.get', {})).configured).toBe(false);

    await offered.getByRole('button', { name: 'Accept this certificate' }).click();
    const accepted = app.page.getByRole('region', { name: 'Accepted certificate' });
    await expect.poll(() => accepted.textContent()).toContain(server.certificate!.sha256);

    await wms.test();
    await expect.poll(() => wms.top().textContent()).toContain('The WMS connection works.');
    await wms.save();
    await expect.poll(() => wms.top().textContent()).toContain('WMS setup saved.');
    expect((await app.call('wms.get', {})).settings?.transport).toMatchObject({ pinnedCertificate: { sha256: server.certificate!.sha256 } });
    expect((await app.call('wms.test', {})).ok).toBe(true);
  });

  it('refuses a server that shows another certificate, with both fingerprints, and lets the user accept or forget', async () => {
    // The saved setup now reaches a server with another certificate (as after a replacement, or a machine in the middle).
    const saved = (await app.call('wms.get', {})).settings!;
    await app.call('wms.save', {
      settings: defaultCsvWmsSettings({ ...saved.transport, port: replaced.port, root: replaced.ftpRoot } as typeof saved.transport),
      secrets: { password: replaced.password },
    });
    const check = await app.call('wms.test', {});
    expect(check.ok).toBe(false);
    expect(check.message).toContain(server.certificate!.sha256);
    expect(check.message).toContain(replaced.certificate!.sha256);

    await app.page.reload();
    const wms = new WmsPage(app.page);
    await wms.goto();
    await wms.test();
    const changed = app.page.getByRole('region', { name: 'The server’s certificate has changed' });
    await expect.poll(() => changed.textContent()).toContain(replaced.certificate!.sha256);
    expect(await changed.textContent()).toContain(server.certificate!.sha256);
    await expect.poll(() => wms.top().textContent()).toContain('has changed');

    await changed.getByRole('button', { name: 'Accept this certificate' }).click();
    const accepted = app.page.getByRole('region', { name: 'Accepted certificate' });
    await expect.poll(() => accepted.textContent()).toContain(replaced.certificate!.sha256);
    await accepted.getByRole('button', { name: 'Forget this certificate' }).click();
    await expect.poll(() => certificateBox().count()).toBe(0);
    await expect.poll(() => app.page.getByText('Test shows it here to check and accept').count()).toBe(1);
  });
});
