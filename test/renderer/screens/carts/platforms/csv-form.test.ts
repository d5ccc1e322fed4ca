import { describe, expect, it } from 'vitest';
import { csvForm } from '../../../../../renderer/src/screens/carts/platforms/csv-form.js';
import { platformForm } from '../../../../../renderer/src/screens/carts/platforms/index.js';
import { needsServerCheck, type CsvDraft } from '../../../../../renderer/src/screens/carts/platforms/csv-draft.js';
import { SOURCE_TRANSPORTS, TRANSPORTS } from '../../../../../renderer/src/components/transports/index.js';
import { transportChange } from '../../../../../renderer/src/components/transports/transport-draft.js';
import { cartInputSchema } from '../../../../../shared/contract.js';

const common = { merchantId: 1, name: 'Acme files', earliestOrderDate: '2026-01-01T00:00:00Z' };
const SHA = Array.from({ length: 32 }, (_, i) => (i + 16).toString(16).toUpperCase()).join(':');
const KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----';
const FINGERPRINT = `SHA256:${'x'.repeat(43)}`;

/** The settings as the contract keeps them (what carts.get gives back after a save). */
function savedSettings(draft: CsvDraft): Record<string, unknown> & { transport: unknown } {
  const parsed = cartInputSchema.safeParse({ ...common, platform: 'csv', ...csvForm.toInput(draft) });
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  return parsed.data!.settings as Record<string, unknown> & { transport: unknown };
}

describe('the CSV order files setup form', () => {
  it('is found by its platform id', () => {
    expect(platformForm('csv')).toBe(csvForm);
  });

  it('turns an FTP draft into settings the contract takes, the password as the credential and blank columns left out', () => {
    const draft = { ...csvForm.newDraft(), host: 'ftp.acme.example', user: 'acme', password: 's3cret' };
    draft.columns = { ...draft.columns, phone: '' };
    const input = csvForm.toInput(draft);
    expect(input.credentials).toEqual({ password: 's3cret' });
    const parsed = cartInputSchema.safeParse({ ...common, platform: 'csv', ...input });
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect((input.settings as { mapping: { columns: Record<string, string> } }).mapping.columns).not.toHaveProperty('phone');
  });

  it('reads saved settings back into the same draft, the password blank and the accepted certificate kept', () => {
    const draft = {
      ...csvForm.newDraft(),
      transport: 'ftps' as const,
      host: 'ftp.acme.example',
      user: 'acme',
      password: 'x',
      pinnedCertificate: { sha256: SHA, subject: 'CN=ftp.acme.example', validTo: '2030-01-01T00:00:00.000Z' },
      pinnedFor: 'ftp.acme.example:21',
    };
    const saved = savedSettings(draft);
    expect(saved.transport).toMatchObject({ security: 'explicit', pinnedCertificate: { sha256: SHA } });
    expect(csvForm.draftFromSaved(saved)).toEqual({ ...draft, password: '', columns: { ...draft.columns } });
  });

  it('loads old settings that allowed any self-signed certificate, asks for a Test, and drops the old switch once a certificate is accepted', () => {
    const old = { ...savedSettings({ ...csvForm.newDraft(), transport: 'ftps', host: 'ftp.acme.example', user: 'acme' }) };
    old.transport = { ...(old.transport as object), allowSelfSigned: true, passive: true };
    const draft = csvForm.draftFromSaved(old);
    expect(draft).toMatchObject({ transport: 'ftps', host: 'ftp.acme.example', user: 'acme', legacySelfSigned: true, pinnedCertificate: null });
    expect(needsServerCheck(draft)).toBe('certificate');
    // Saved again unchanged, it still says what it was (its refusal then explains why it stopped).
    expect(savedSettings(draft).transport).toMatchObject({ allowSelfSigned: true });
    expect(savedSettings(draft).transport).not.toHaveProperty('pinnedCertificate');

    const accepted = { ...draft, pinnedCertificate: { sha256: SHA, subject: '', validTo: '' }, pinnedFor: 'ftp.acme.example:21' };
    expect(needsServerCheck(accepted)).toBeNull();
    expect(savedSettings(accepted).transport).toMatchObject({ allowSelfSigned: false, pinnedCertificate: { sha256: SHA } });
  });

  it('does not send a certificate accepted for another host or port', () => {
    const draft = { ...csvForm.newDraft(), transport: 'ftps' as const, host: 'ftp.other.example', user: 'acme', pinnedCertificate: { sha256: SHA, subject: '', validTo: '' }, pinnedFor: 'ftp.acme.example:21' };
    expect(savedSettings(draft).transport).not.toHaveProperty('pinnedCertificate');
  });

  it('sets up SFTP with a private key: the key and passphrase travel as credentials, the trusted server key with the settings', () => {
    const draft = { ...csvForm.newDraft(), ...transportChange(csvForm.newDraft(), 'sftp'), host: 'sftp.acme.example', user: 'acme', sftpAuth: 'key' as const, privateKey: KEY, passphrase: 'pp', password: 'leftover' };
    expect(needsServerCheck(draft)).toBe('host_key');
    const input = csvForm.toInput(draft);
    expect(input.credentials).toEqual({ privateKey: `${KEY}\n`, passphrase: 'pp' });
    expect(savedSettings(draft).transport).toEqual({ kind: 'sftp', host: 'sftp.acme.example', port: 22, user: 'acme', auth: 'key', root: '/' });

    const trusted = { ...draft, hostKeyFingerprint: FINGERPRINT };
    expect(needsServerCheck(trusted)).toBeNull();
    const saved = savedSettings(trusted);
    expect(saved.transport).toMatchObject({ hostKeyFingerprint: FINGERPRINT });
    // Read back: the key and the sign-in kept, the secrets blank (a saved secret is never shown).
    expect(csvForm.draftFromSaved(saved)).toMatchObject({ transport: 'sftp', sftpAuth: 'key', hostKeyFingerprint: FINGERPRINT, privateKey: '', passphrase: '', password: '' });
  });

  it('leaves blank secrets out, so the saved ones are kept, and asks for the one missing when none is saved', () => {
    const sftp = { ...csvForm.newDraft(), ...transportChange(csvForm.newDraft(), 'sftp'), host: 'sftp.acme.example', user: 'acme', hostKeyFingerprint: FINGERPRINT };
    expect(csvForm.toInput(sftp).credentials).toBeUndefined();
    expect(csvForm.toInput({ ...sftp, sftpAuth: 'key' }).credentials).toBeUndefined();
    expect(csvForm.checkCredentials(sftp, true)).toEqual({});
    expect(csvForm.checkCredentials(sftp, false)).toEqual({ 'credentials.password': 'Enter the SFTP password' });
    expect(csvForm.checkCredentials({ ...sftp, sftpAuth: 'key' }, false)).toEqual({ 'credentials.privateKey': 'Paste the private key' });
    const ftp = { ...csvForm.newDraft(), host: 'ftp.acme.example', user: 'acme' };
    expect(csvForm.toInput(ftp).credentials).toBeUndefined();
  });

  it('offers the WMS screen’s file transports, SFTP among them, but not e-mail, and no self-signed checkbox', () => {
    expect(SOURCE_TRANSPORTS.map((t) => t.value)).toEqual(['ftp', 'ftps', 'sftp', 'folder']);
    expect(TRANSPORTS.map((t) => t.value)).toEqual(['ftp', 'ftps', 'sftp', 'folder', 'email']);
    expect(Object.keys(csvForm.newDraft())).not.toContain('allowSelfSigned');
  });

  it('asks for the FTP password unless one is saved, the login is anonymous or the files are in a folder', () => {
    const draft = { ...csvForm.newDraft(), host: 'ftp.acme.example', user: 'acme' };
    expect(csvForm.checkCredentials(draft, false)).toEqual({ 'credentials.password': 'Enter the FTP password, or tick Anonymous login' });
    expect(csvForm.checkCredentials(draft, true)).toEqual({});
    expect(csvForm.checkCredentials({ ...draft, anonymous: true }, false)).toEqual({});
    expect(csvForm.checkCredentials({ ...draft, transport: 'folder' }, false)).toEqual({});
  });

  it('names the field of a problem the contract finds', () => {
    const draft = { ...csvForm.newDraft(), transport: 'folder' as const, folderPath: 'relative/path' };
    draft.columns = { ...draft.columns, sku: '' };
    const parsed = cartInputSchema.safeParse({ ...common, platform: 'csv', ...csvForm.toInput(draft) });
    const paths = parsed.error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(paths).toEqual(expect.arrayContaining(['settings.transport.path', 'settings.mapping.columns.sku']));
    for (const path of paths) expect(csvForm.shownFields).toContain(path);
  });
});
