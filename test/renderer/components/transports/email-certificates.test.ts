import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ServerCertificateView, TestResultView } from '../../../../shared/api-types.js';
import { emailTransportSchema } from '../../../../shared/transports/email.js';
import { emailDraftChange } from '../../../../renderer/src/components/transports/email-draft.js';
import { EmailFields } from '../../../../renderer/src/components/transports/email-fields.js';
import { newTransportDraft, transportDraftFrom, transportSettingsFrom, type TransportDraft } from '../../../../renderer/src/components/transports/transport-draft.js';

/** The e-mail transport's accepted certificates in the form: one per server, each kept with its server. */

const SMTP_SHA = Array.from({ length: 32 }, () => '5A').join(':');
const IMAP_SHA = Array.from({ length: 32 }, () => '1C').join(':');

function typed(): TransportDraft {
  const draft = newTransportDraft();
  return {
    ...draft,
    transport: 'email',
    email: {
      ...draft.email,
      smtpHost: 'smtp.wms.local',
      from: 'dockhand@shop.example',
      to: 'orders@wms.example',
      imapHost: 'imap.wms.local',
      imapUser: 'dockhand',
      smtpPinnedCertificate: { sha256: SMTP_SHA, subject: 'CN=smtp.wms.local', validTo: '2030-01-01T00:00:00.000Z' },
      imapPinnedCertificate: { sha256: IMAP_SHA, subject: 'CN=imap.wms.local', validTo: '2030-01-01T00:00:00.000Z' },
    },
  };
}

const offered = (connection: 'smtp' | 'imap', sha256: string): ServerCertificateView => ({
  sha256,
  subject: `CN=${connection}.wms.local`,
  issuer: `CN=${connection}.wms.local`,
  validFrom: '2026-01-01T00:00:00.000Z',
  validTo: '2030-01-01T00:00:00.000Z',
  selfSigned: true,
  problem: 'self-signed',
  connection,
});

function fields(draft: TransportDraft, testResult: TestResultView | null = null): string {
  return renderToStaticMarkup(createElement(EmailFields, { draft, change: () => {}, errors: {}, hasSavedPassword: false, testResult }));
}

describe('the e-mail transport’s accepted certificates in the form', () => {
  it('travel with the settings, one per server, and come back from saved settings', () => {
    const settings = emailTransportSchema.parse(transportSettingsFrom(typed()));
    expect(settings.smtpPinnedCertificate?.sha256).toBe(SMTP_SHA);
    expect(settings.imapPinnedCertificate?.sha256).toBe(IMAP_SHA);
    const back = transportDraftFrom(settings);
    expect(back.email.smtpPinnedCertificate?.sha256).toBe(SMTP_SHA);
    expect(back.email.imapPinnedCertificate?.sha256).toBe(IMAP_SHA);
  });

  it('are not sent for a side with security None, where there is no certificate', () => {
    const draft = typed();
    draft.email = { ...draft.email, smtpSecurity: 'none', imapSecurity: 'none' };
    const settings = emailTransportSchema.parse(transportSettingsFrom(draft));
    expect(settings.smtpPinnedCertificate).toBeUndefined();
    expect(settings.imapPinnedCertificate).toBeUndefined();
  });

  it('are forgotten when their own server’s host, port or security changes, and kept when the other side’s does', () => {
    const d = typed().email;
    expect(emailDraftChange(d, { smtpHost: 'smtp2.wms.local' })).toMatchObject({ smtpPinnedCertificate: null, imapPinnedCertificate: d.imapPinnedCertificate });
    expect(emailDraftChange(d, { imapPort: '143' })).toMatchObject({ smtpPinnedCertificate: d.smtpPinnedCertificate, imapPinnedCertificate: null });
    expect(emailDraftChange(d, { smtpSecurity: 'tls', smtpPort: '465' }).smtpPinnedCertificate).toBeNull();
    expect(emailDraftChange(d, { to: 'other@wms.example', smtpHost: d.smtpHost }).smtpPinnedCertificate).toEqual(d.smtpPinnedCertificate);
  });

  it('shows a certificate the Test refused beside its own server only, with its fingerprint and an Accept button', () => {
    const draft = typed();
    draft.email = { ...draft.email, smtpPinnedCertificate: null, imapPinnedCertificate: null };
    const html = fields(draft, { ok: false, message: 'refused', certificate: offered('imap', IMAP_SHA) });
    const [smtpSide, imapSide] = html.split('Reading confirmations and inventory (IMAP)');
    expect(smtpSide).not.toContain('Accept this certificate');
    expect(imapSide).toContain('Accept this certificate');
    expect(imapSide.replace(/<[^>]+>/g, '')).toContain(IMAP_SHA);
  });

  it('shows each accepted certificate on its own side', () => {
    const html = fields(typed()).replace(/<[^>]+>/g, '');
    const [smtpSide, imapSide] = html.split('Reading confirmations and inventory (IMAP)');
    expect(smtpSide).toContain(SMTP_SHA);
    expect(smtpSide).not.toContain(IMAP_SHA);
    expect(imapSide).toContain(IMAP_SHA);
    expect(imapSide).toContain('Accepted certificate');
  });
});
