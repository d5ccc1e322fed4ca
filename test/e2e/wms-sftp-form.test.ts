import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WmsPage } from './pages/wms-page.js';
import { startApp, type AppUnderTest } from './support/app.js';
import { sshdAvailable, startSshd, type TestSshdServer } from '../support/sshd-server.js';

/**
 * The WMS setup over SFTP as a person does it, against OpenSSH's sshd: a key the server does not
 * know is refused on Test; the right key passes and the server's key is shown; Save asks before
 * trusting it; a server that comes back with another key is refused, named with both keys, until the
 * saved key is forgotten and the new one trusted.
 */
describe.skipIf(!sshdAvailable())('the WMS setup screen on SFTP', () => {
  let app: AppUnderTest;
  let sshd: TestSshdServer;

  beforeAll(async () => {
    sshd = await startSshd();
    app = await startApp();
    await app.call('account.setup', { mode: 'fulfillment' });
    await app.call('merchants.create', { name: 'Acme Outdoor', code: 'ACME' });
    await app.page.reload();
  });
  afterAll(async () => {
    await app?.close();
    await sshd?.stop();
  });

  it('tests a private key, shows the server key, and saves it only once the person trusts it', async () => {
    const wms = new WmsPage(app.page);
    await wms.goto();
    await wms.startSetup();
    await wms.chooseTransport('SFTP (SSH)');
    await expect.poll(() => wms.field('Port').inputValue()).toBe('22');
    await wms.field('Host').fill(sshd.host);
    await wms.field('Port').fill(String(sshd.port));
    await wms.field('User').fill(sshd.user);
    await wms.field('Sign in with').selectOption({ label: 'Private key' });
    await wms.field('Root folder').fill(sshd.files);
    await wms.field('Private key').fill(sshd.strangerKey);

    await wms.test();
    await expect.poll(() => wms.top().textContent(), { timeout: 15_000 }).toMatch(/test failed.*refused the private key for user/);

    await wms.field('Private key').fill(sshd.clientKey);
    await wms.test();
    await expect.poll(() => wms.top().textContent(), { timeout: 15_000 }).toContain('The WMS connection works.');
    expect(await wms.top().textContent()).toContain(sshd.hostKeyFingerprint);
    expect((await app.call('wms.get', {})).configured).toBe(false);

    await wms.save();
    const trust = app.page.getByRole('alertdialog', { name: 'Trust this SFTP server?' });
    await trust.waitFor();
    expect(await trust.textContent()).toContain(sshd.hostKeyFingerprint);
    await app.screenshot('wms-setup-sftp-trust');
    await trust.getByRole('button', { name: 'Trust and save' }).click();
    await expect.poll(() => wms.top().textContent(), { timeout: 15_000 }).toContain('WMS setup saved.');
    expect((await app.call('wms.get', {})).settings?.transport).toMatchObject({ kind: 'sftp', auth: 'key', hostKeyFingerprint: sshd.hostKeyFingerprint });
    await expect.poll(() => wms.field('Private key').inputValue()).toBe('');
    await app.screenshot('wms-setup-sftp');
  });

  it('refuses a server that shows another key, naming both, until the saved key is forgotten and the new one trusted', async () => {
    const wms = new WmsPage(app.page);
    const pinned = sshd.hostKeyFingerprint;
    await sshd.restart({ newHostKey: true });

    await wms.test();
    await expect.poll(() => wms.top().textContent(), { timeout: 15_000 }).toContain("The SFTP server's identity changed");
    const refusal = (await wms.top().textContent()) ?? '';
    expect(refusal).toContain(pinned);
    expect(refusal).toContain(sshd.hostKeyFingerprint);
    expect(sshd.log()).not.toContain('userauth-request');

    await app.page.getByRole('button', { name: 'Forget the saved key' }).click();
    await wms.test();
    await expect.poll(() => wms.top().textContent(), { timeout: 15_000 }).toContain('The WMS connection works.');
    await wms.top().getByRole('button', { name: 'Trust this key' }).click();
    await wms.save();
    await expect.poll(() => wms.top().textContent(), { timeout: 15_000 }).toContain('WMS setup saved.');
    expect((await app.call('wms.get', {})).settings?.transport).toMatchObject({ hostKeyFingerprint: sshd.hostKeyFingerprint });
    expect((await app.call('wms.test', {})).ok).toBe(true);
  });
});
