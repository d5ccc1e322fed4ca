import { describe, expect, it } from 'vitest';
import { defaultCsvWmsSettings } from '../../../shared/csv-defaults.js';
import { csvCartCredentialsSchema, csvCartSettingsSchema, csvPlatform } from '../../../shared/platforms/csv.js';
import { wmsSecretAddress, wmsSecretsSchema, wmsSettingsSchema } from '../../../shared/schemas/wms.js';
import { TRANSPORTS, transportRequiredSecrets, transportSchema } from '../../../shared/transports/index.js';

/** Settings as they were saved before the registry, written out as the store holds them. */
const OLD_FTP = JSON.parse(
  '{"kind":"ftp","host":"ftp.warehouse.example","port":2121,"user":"dock","security":"explicit","allowSelfSigned":true,"passive":true,"root":"/outbox"}',
);
const OLD_ANONYMOUS_FTP = JSON.parse('{"kind":"ftp","host":"127.0.0.1","port":21,"anonymous":true,"user":"","security":"none","allowSelfSigned":false,"passive":true,"root":"/"}');
const OLD_MINIMAL_FTP = JSON.parse('{"kind":"ftp","host":"ftp.example.com","user":"u"}');
const OLD_FOLDER = JSON.parse('{"kind":"folder","path":"/srv/wms"}');

describe('the transport registry', () => {
  it('parses FTP and folder settings saved before the registry exactly as they were saved', () => {
    expect(transportSchema.parse(OLD_FTP)).toEqual(OLD_FTP);
    expect(transportSchema.parse(OLD_ANONYMOUS_FTP)).toEqual(OLD_ANONYMOUS_FTP);
    expect(transportSchema.parse(OLD_FOLDER)).toEqual(OLD_FOLDER);
    // Defaults still fill what old minimal settings left out (passive is no longer a choice: always passive).
    expect(transportSchema.parse(OLD_MINIMAL_FTP)).toEqual({ ...OLD_MINIMAL_FTP, port: 21, security: 'none', allowSelfSigned: false, root: '/' });
  });

  it('parses a whole saved WMS setup and a CSV order source with the old transports', () => {
    // A whole setup as the store holds it (JSON text), with the old FTP transport in it.
    const saved = JSON.parse(JSON.stringify(defaultCsvWmsSettings(OLD_FTP)));
    const wms = wmsSettingsSchema.parse(saved);
    expect(wms).toEqual(saved);
    const source = csvCartSettingsSchema.parse({ transport: OLD_FOLDER, mapping: { columns: { orderNumber: 'Order', sku: 'SKU', quantity: 'Qty' } } });
    expect(source.transport).toEqual(OLD_FOLDER);
  });

  it('keeps the secret address of old settings word for word, so passwords sealed to it still open', () => {
    expect(wmsSecretAddress({ transport: OLD_FTP })).toBe('ftps://ftp.warehouse.example:2121');
    expect(wmsSecretAddress({ transport: transportSchema.parse(OLD_MINIMAL_FTP) })).toBe('ftp://ftp.example.com:21');
    expect(wmsSecretAddress({ transport: OLD_ANONYMOUS_FTP })).toBeNull();
    expect(wmsSecretAddress({ transport: OLD_FOLDER })).toBeNull();
  });

  it('addresses an SFTP password or key to sftp://host:port, whatever case the host was typed in', () => {
    const sftp = transportSchema.parse({ kind: 'sftp', host: 'Files.Example.COM', user: 'dock' });
    expect(sftp).toMatchObject({ port: 22, auth: 'password', root: '/' });
    expect(wmsSecretAddress({ transport: sftp })).toBe('sftp://files.example.com:22');
  });

  it('asks SFTP settings for the password or the private key, as their sign-in says', () => {
    const base = { kind: 'sftp', host: 'h', user: 'dock' };
    expect(Object.keys(transportRequiredSecrets(transportSchema.parse(base)))).toEqual(['password']);
    expect(Object.keys(transportRequiredSecrets(transportSchema.parse({ ...base, auth: 'key' })))).toEqual(['privateKey']);
    expect(csvPlatform.requiredCredentials(csvCartSettingsSchema.parse({ transport: { ...base, auth: 'key' }, mapping: { columns: { orderNumber: 'O', sku: 'S', quantity: 'Q' } } }))).toEqual({
      privateKey: { label: 'the private key of SFTP user dock', noun: 'private key' },
    });
  });

  it('takes every secret field of every transport in the WMS and CSV source secrets', () => {
    for (const transport of TRANSPORTS) {
      for (const field of Object.keys(transport.secretsSchema.shape)) {
        expect(Object.keys(wmsSecretsSchema.shape), `${transport.kind}.${field}`).toContain(field);
        expect(Object.keys(csvCartCredentialsSchema.shape), `${transport.kind}.${field}`).toContain(field);
      }
    }
  });

  it('refuses SFTP settings in plain words', () => {
    const problems = (input: unknown) => {
      const parsed = transportSchema.safeParse(input);
      return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(problems({ kind: 'sftp', host: 'sftp://files.example.com', user: '' })).toEqual([
      'host: Enter the host name without sftp://, such as sftp.example.com',
      'user: Enter the SFTP user',
    ]);
    expect(problems({ kind: 'sftp', host: 'dock@files', user: 'x' })).toEqual(['host: Enter the host name only, such as sftp.example.com; put the user name in User']);
    expect(problems({ kind: 'sftp', host: 'h', user: 'x', hostKeyFingerprint: 'MD5:aa:bb' })[0]).toMatch(/^hostKeyFingerprint: The saved server key must look like SHA256:/);
    expect(wmsSecretsSchema.safeParse({ privateKey: 'ssh-ed25519 AAAAC3Nz... me@laptop' }).error?.issues[0].message).toBe(
      'Paste the whole private key, from the -----BEGIN ... PRIVATE KEY----- line to the -----END ... PRIVATE KEY----- line',
    );
  });
});
