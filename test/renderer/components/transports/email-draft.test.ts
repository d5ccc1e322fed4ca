import { describe, expect, it } from 'vitest';
import { emailTransportSchema } from '../../../../shared/transports/email.js';
import { addressList, imapSecurityChange, smtpSecurityChange } from '../../../../renderer/src/components/transports/email-draft.js';
import { missingSecret, newTransportDraft, transportDraftFrom, transportSecretsFrom, transportSettingsFrom } from '../../../../renderer/src/components/transports/transport-draft.js';

describe('the e-mail fields of a transport draft', () => {
  const typed = () => {
    const draft = newTransportDraft();
    return {
      ...draft,
      transport: 'email' as const,
      email: { ...draft.email, smtpHost: ' smtp.shop.example ', smtpUser: 'dockhand', from: 'dockhand@shop.example', to: 'a@wms.example; b@wms.example\nc@wms.example,', imapHost: 'imap.shop.example', imapUser: 'dockhand', smtpPassword: 's', imapPassword: 'i' },
    };
  };

  it('become settings the API accepts, and saved settings come back as the same draft without passwords', () => {
    const settings = transportSettingsFrom(typed());
    expect(emailTransportSchema.parse(settings)).toMatchObject({ smtpHost: 'smtp.shop.example', to: ['a@wms.example', 'b@wms.example', 'c@wms.example'], smtpPort: 587, imapPort: 993 });
    const back = transportDraftFrom(settings);
    expect(back.transport).toBe('email');
    expect(back.email).toMatchObject({ smtpHost: 'smtp.shop.example', to: 'a@wms.example, b@wms.example, c@wms.example', smtpPassword: '', imapPassword: '' });
  });

  it('send only the passwords typed, and no SMTP password for a relay without a login', () => {
    expect(transportSecretsFrom(typed())).toEqual({ smtpPassword: 's', imapPassword: 'i' });
    const relay = typed();
    relay.email = { ...relay.email, smtpUser: '', imapPassword: '' };
    expect(transportSecretsFrom(relay)).toEqual({});
  });

  it('ask for each missing password on its own field, unless one is saved', () => {
    const draft = typed();
    draft.email = { ...draft.email, smtpPassword: '', imapPassword: '' };
    expect(missingSecret(draft, false)).toEqual({ field: 'secrets.smtpPassword', message: 'Enter the SMTP password' });
    draft.email = { ...draft.email, smtpPassword: 's' };
    expect(missingSecret(draft, false)).toEqual({ field: 'secrets.imapPassword', message: 'Enter the IMAP password' });
    expect(missingSecret(draft, true)).toBeNull();
  });

  it('move a port that holds the usual one along with the security choice, and keep one typed by hand', () => {
    const d = newTransportDraft().email;
    expect(smtpSecurityChange(d, 'tls')).toEqual({ smtpSecurity: 'tls', smtpPort: '465' });
    expect(smtpSecurityChange({ ...d, smtpPort: '2525' }, 'tls')).toEqual({ smtpSecurity: 'tls', smtpPort: '2525' });
    expect(imapSecurityChange(d, 'starttls')).toEqual({ imapSecurity: 'starttls', imapPort: '143' });
  });

  it('read addresses separated by commas, semicolons or lines', () => {
    expect(addressList(' a@x.com ,, b@x.com;\nc@x.com ')).toEqual(['a@x.com', 'b@x.com', 'c@x.com']);
  });
});
