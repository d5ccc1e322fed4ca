import { describe, expect, it } from 'vitest';
import { attachmentMatches, emailTransport, emailTransportSchema } from '../../../shared/transports/email.js';
import { transportSchema, transportSecretsSchema } from '../../../shared/transports/index.js';
import { csvCartSettingsSchema } from '../../../shared/platforms/csv.js';

const valid = {
  kind: 'email',
  smtpHost: 'smtp.shop.example',
  smtpUser: 'dockhand@shop.example',
  from: 'dockhand@shop.example',
  to: ['orders@wms.example'],
  imapHost: 'imap.shop.example',
  imapUser: 'dockhand@shop.example',
};

function problems(input: Record<string, unknown>): Record<string, string> {
  const parsed = emailTransportSchema.safeParse(input);
  if (parsed.success) return {};
  return Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('the e-mail transport settings', () => {
  it('fill in the usual ports, security and folders', () => {
    expect(emailTransportSchema.parse(valid)).toMatchObject({ smtpPort: 587, smtpSecurity: 'starttls', imapPort: 993, imapSecurity: 'tls', processedFolder: 'Processed', errorFolder: 'Errors', attachmentPattern: '*.csv' });
    expect(transportSchema.parse(valid).kind).toBe('email');
  });

  it('say what is wrong on each field, in words', () => {
    const found = problems({ ...valid, smtpHost: 'smtp://smtp.shop.example', imapHost: 'imaps://imap.shop.example', to: ['not an address'], imapUser: '', errorFolder: 'processed' });
    expect(found.smtpHost).toMatch(/without smtp:\/\//);
    expect(found.imapHost).toMatch(/without imap:\/\//);
    expect(found['to.0']).toBe('Enter each WMS address as an e-mail address, such as wms@example.com');
    expect(found.imapUser).toMatch(/Enter the IMAP user/);
    expect(found.errorFolder).toMatch(/processed and error folders must differ/);
    expect(problems({ ...valid, to: [] }).to).toBe('Enter the address the WMS reads order files from');
    expect(problems({ ...valid, processedFolder: 'Dockhand//Done' }).processedFolder).toMatch(/no empty level/);
  });

  it('take two passwords, one per server', () => {
    expect(transportSecretsSchema.parse({ smtpPassword: 'a', imapPassword: 'b' })).toEqual({ smtpPassword: 'a', imapPassword: 'b' });
    const t = emailTransportSchema.parse(valid);
    expect(Object.keys(emailTransport.requiredSecrets(t))).toEqual(['smtpPassword', 'imapPassword']);
    // A relay without a login takes no SMTP password.
    expect(Object.keys(emailTransport.requiredSecrets({ ...t, smtpUser: '' }))).toEqual(['imapPassword']);
  });

  it('bind the passwords to both servers: another host, port or security of either asks for them again', () => {
    const t = emailTransportSchema.parse(valid);
    const address = emailTransport.secretAddress(t);
    expect(address).toBe('smtp://smtp.shop.example:587 imap://imap.shop.example:993');
    for (const other of [{ imapHost: 'imap.other.example' }, { imapPort: 143 }, { imapSecurity: 'none' as const }, { smtpHost: 'smtp.other.example' }, { smtpSecurity: 'none' as const }]) {
      expect(emailTransport.secretAddress({ ...t, ...other }), JSON.stringify(other)).not.toBe(address);
    }
    // Where the files go or which folders are read is not where a password goes.
    expect(emailTransport.secretAddress({ ...t, to: ['else@wms.example'], processedFolder: 'Done' })).toBe(address);
  });

  it('are described by both servers and the WMS addresses, never a password', () => {
    expect(emailTransport.describe(emailTransportSchema.parse(valid))).toBe('SMTP smtp.shop.example:587 (to orders@wms.example) and IMAP imap.shop.example:993 as dockhand@shop.example');
  });

  it('match attachment names by a pattern, case ignored, and every name when it is empty', () => {
    expect(attachmentMatches('*.csv', 'Shipped-06.CSV')).toBe(true);
    expect(attachmentMatches('*.csv', 'logo.png')).toBe(false);
    expect(attachmentMatches('stock-??.txt', 'stock-01.txt')).toBe(true);
    expect(attachmentMatches('stock-??.txt', 'stock-001.txt')).toBe(false);
    expect(attachmentMatches('a+b(1).csv', 'a+b(1).csv')).toBe(true);
    expect(attachmentMatches('', 'anything.bin')).toBe(true);
  });

  it('are refused for a CSV order source, which offers files by server or folder only', () => {
    const parsed = csvCartSettingsSchema.safeParse({ transport: valid, mapping: {} });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.find((i) => i.path[0] === 'transport')?.message).toBe('E-mail is offered for the WMS only; choose FTP, SFTP or a folder for a CSV order source');
  });
});
