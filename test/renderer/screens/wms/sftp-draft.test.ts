import { describe, expect, it } from 'vitest';
import type { WmsView } from '../../../../shared/api-types.js';
import { wmsInputSchema } from '../../../../shared/contract.js';
import { defaultCsvWmsSettings } from '../../../../shared/csv-defaults.js';
import { validate } from '../../../../renderer/src/components/form-errors.js';
import {
  missingSecret,
  newWmsDraft,
  transportChange,
  unconfirmedServerKey,
  wmsDraftFrom,
  wmsInputFrom,
  withServerKey,
  type WmsDraft,
} from '../../../../renderer/src/screens/wms/wms-draft.js';

const KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----';
const FINGERPRINT = `SHA256:${'x'.repeat(43)}`;

const sftpDraft = (over: Partial<WmsDraft> = {}): WmsDraft => ({
  ...newWmsDraft(),
  ...transportChange(newWmsDraft(), 'sftp'),
  host: 'sftp.warehouse.test',
  user: 'dock',
  ...over,
});

describe('the WMS form on SFTP', () => {
  it('moves the port from FTP’s 21 to SFTP’s 22 and back, but keeps a port someone typed', () => {
    expect(transportChange(newWmsDraft(), 'sftp')).toEqual({ transport: 'sftp', port: '22' });
    expect(transportChange(sftpDraft(), 'ftps')).toEqual({ transport: 'ftps', port: '21' });
    expect(transportChange(sftpDraft({ port: '2222' }), 'ftp')).toEqual({ transport: 'ftp', port: '2222' });
  });

  it('sends a private key and its passphrase, and not the password, when signing in with a key', () => {
    const input = wmsInputFrom(sftpDraft({ sftpAuth: 'key', privateKey: KEY, passphrase: 'pp', password: 'leftover' }));
    expect(validate(wmsInputSchema, input).ok).toBe(true);
    expect(input.settings.transport).toEqual({ kind: 'sftp', host: 'sftp.warehouse.test', port: 22, user: 'dock', auth: 'key', root: '/' });
    expect(input.secrets).toEqual({ privateKey: `${KEY}\n`, passphrase: 'pp' });
  });

  it('names what is missing in plain words', () => {
    expect(missingSecret(sftpDraft(), false)).toEqual({ field: 'secrets.password', message: 'Enter the SFTP password' });
    expect(missingSecret(sftpDraft({ sftpAuth: 'key' }), false)).toEqual({ field: 'secrets.privateKey', message: 'Paste the private key' });
    expect(missingSecret(sftpDraft({ sftpAuth: 'key' }), true)).toBeNull();
    const checked = validate(wmsInputSchema, wmsInputFrom(sftpDraft({ host: 'sftp://x', user: '' })));
    expect(checked.ok ? {} : checked.errors).toEqual({
      'settings.transport.host': 'Enter the host name without sftp://, such as sftp.example.com',
      'settings.transport.user': 'Enter the SFTP user',
    });
  });

  it('opens a saved SFTP setup with its confirmed server key, and saves it back unchanged', () => {
    const settings = defaultCsvWmsSettings({ kind: 'sftp', host: 'h.test', port: 2222, user: 'dock', auth: 'key', root: 'outbox', hostKeyFingerprint: FINGERPRINT });
    const view: WmsView = { configured: true, settings, hasPassword: true };
    const draft = wmsDraftFrom(view);
    expect(draft).toMatchObject({ transport: 'sftp', port: '2222', sftpAuth: 'key', hostKeyFingerprint: FINGERPRINT, root: 'outbox', privateKey: '' });
    const input = wmsInputFrom(draft);
    expect(input.settings.transport).toEqual(settings.transport);
    expect(input.secrets).toEqual({});
  });

  it('asks to confirm a server key the test saw only when it is not the confirmed one, and puts the confirmed one in the input', () => {
    const result = { ok: true, message: 'Connected', details: { hostKeyFingerprint: FINGERPRINT } };
    expect(unconfirmedServerKey(sftpDraft(), result)).toBe(FINGERPRINT);
    expect(unconfirmedServerKey(sftpDraft({ hostKeyFingerprint: FINGERPRINT }), result)).toBeNull();
    expect(unconfirmedServerKey(sftpDraft(), { ok: true, message: 'Connected' })).toBeNull();
    const confirmed = withServerKey(wmsInputFrom(sftpDraft()), FINGERPRINT);
    expect(confirmed.settings.transport).toMatchObject({ kind: 'sftp', hostKeyFingerprint: FINGERPRINT });
  });
});
