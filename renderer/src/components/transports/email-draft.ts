import type { MailSecurity } from '../../../../shared/schemas/mail.js';
import { IMAP_DEFAULT_PORTS, type EmailTransportSettings, type ImapSecurity } from '../../../../shared/transports/email.js';
import { MAIL_DEFAULT_PORTS } from '../../../../shared/schemas/mail.js';
import type { PinnedCertificate } from '../../../../shared/transports/ftp.js';
import type { TransportSecrets } from '../../../../shared/transports/index.js';

/** The e-mail transport's values as typed: the SMTP side (order files out) and the IMAP side (files in). */
export interface EmailDraft {
  smtpHost: string;
  smtpPort: string;
  smtpSecurity: MailSecurity;
  smtpUser: string;
  /** Blank keeps the saved one. */
  smtpPassword: string;
  from: string;
  /** The WMS's addresses, separated by commas, semicolons or line breaks. */
  to: string;
  imapHost: string;
  imapPort: string;
  imapSecurity: ImapSecurity;
  imapUser: string;
  /** Blank keeps the saved one. */
  imapPassword: string;
  processedFolder: string;
  errorFolder: string;
  attachmentPattern: string;
  /** The SMTP server's certificate accepted after a Test showed it; dropped when that server changes. */
  smtpPinnedCertificate: PinnedCertificate | null;
  /** The same for the IMAP server. */
  imapPinnedCertificate: PinnedCertificate | null;
}

export function newEmailDraft(): EmailDraft {
  return {
    smtpHost: '',
    smtpPort: '587',
    smtpSecurity: 'starttls',
    smtpUser: '',
    smtpPassword: '',
    from: '',
    to: '',
    imapHost: '',
    imapPort: '993',
    imapSecurity: 'tls',
    imapUser: '',
    imapPassword: '',
    processedFolder: 'Processed',
    errorFolder: 'Errors',
    attachmentPattern: '*.csv',
    smtpPinnedCertificate: null,
    imapPinnedCertificate: null,
  };
}

export function emailDraftFrom(t: EmailTransportSettings): EmailDraft {
  return {
    ...newEmailDraft(),
    smtpHost: t.smtpHost,
    smtpPort: String(t.smtpPort),
    smtpSecurity: t.smtpSecurity,
    smtpUser: t.smtpUser,
    from: t.from,
    to: t.to.join(', '),
    imapHost: t.imapHost,
    imapPort: String(t.imapPort),
    imapSecurity: t.imapSecurity,
    imapUser: t.imapUser,
    processedFolder: t.processedFolder,
    errorFolder: t.errorFolder,
    attachmentPattern: t.attachmentPattern,
    smtpPinnedCertificate: t.smtpPinnedCertificate ?? null,
    imapPinnedCertificate: t.imapPinnedCertificate ?? null,
  };
}

/** "a@x.com, b@x.com; c@x.com" → the three addresses. */
export function addressList(text: string): string[] {
  return text
    .split(/[,;\n]+/)
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

const portOf = (text: string, fallback: number) => (text.trim() === '' ? fallback : Number(text));

export function emailSettingsFrom(d: EmailDraft): EmailTransportSettings {
  return {
    kind: 'email',
    smtpHost: d.smtpHost.trim(),
    smtpPort: portOf(d.smtpPort, MAIL_DEFAULT_PORTS[d.smtpSecurity]),
    smtpSecurity: d.smtpSecurity,
    smtpUser: d.smtpUser.trim(),
    from: d.from.trim(),
    to: addressList(d.to),
    imapHost: d.imapHost.trim(),
    imapPort: portOf(d.imapPort, IMAP_DEFAULT_PORTS[d.imapSecurity]),
    imapSecurity: d.imapSecurity,
    imapUser: d.imapUser.trim(),
    processedFolder: d.processedFolder.trim(),
    errorFolder: d.errorFolder.trim(),
    attachmentPattern: d.attachmentPattern.trim(),
    // Kept only where TLS is used: with None there is no certificate to hold the server to.
    ...(d.smtpPinnedCertificate && d.smtpSecurity !== 'none' ? { smtpPinnedCertificate: d.smtpPinnedCertificate } : {}),
    ...(d.imapPinnedCertificate && d.imapSecurity !== 'none' ? { imapPinnedCertificate: d.imapPinnedCertificate } : {}),
  };
}

/**
 * A change to the draft: an accepted certificate belongs to the server it was shown by, so another
 * host, port or security on that side forgets it (the next Test shows the new server's, to accept).
 */
export function emailDraftChange(d: EmailDraft, patch: Partial<EmailDraft>): EmailDraft {
  const next = { ...d, ...patch };
  const moved = (keys: (keyof EmailDraft)[]) => keys.some((k) => k in patch && patch[k] !== d[k]);
  if (!('smtpPinnedCertificate' in patch) && moved(['smtpHost', 'smtpPort', 'smtpSecurity'])) next.smtpPinnedCertificate = null;
  if (!('imapPinnedCertificate' in patch) && moved(['imapHost', 'imapPort', 'imapSecurity'])) next.imapPinnedCertificate = null;
  return next;
}

/** Only what was typed travels; the SMTP password only when the SMTP server takes a login. */
export function emailSecretsFrom(d: EmailDraft): TransportSecrets {
  return {
    ...(d.smtpUser.trim() !== '' && d.smtpPassword !== '' ? { smtpPassword: d.smtpPassword } : {}),
    ...(d.imapPassword !== '' ? { imapPassword: d.imapPassword } : {}),
  };
}

/** The first password the form must have typed when none is saved, with its field and message. */
export function emailMissingSecret(d: EmailDraft, hasSaved: boolean, secretsPath: string): { field: string; message: string } | null {
  if (hasSaved) return null;
  if (d.smtpUser.trim() !== '' && d.smtpPassword === '') return { field: `${secretsPath}.smtpPassword`, message: 'Enter the SMTP password' };
  if (d.imapPassword === '') return { field: `${secretsPath}.imapPassword`, message: 'Enter the IMAP password' };
  return null;
}

/** A security choice brings its usual port along when the port still holds the old choice's usual one. */
export function smtpSecurityChange(d: EmailDraft, smtpSecurity: MailSecurity): Partial<EmailDraft> {
  const port = d.smtpPort.trim() === '' || d.smtpPort === String(MAIL_DEFAULT_PORTS[d.smtpSecurity]) ? String(MAIL_DEFAULT_PORTS[smtpSecurity]) : d.smtpPort;
  return { smtpSecurity, smtpPort: port };
}

export function imapSecurityChange(d: EmailDraft, imapSecurity: ImapSecurity): Partial<EmailDraft> {
  const port = d.imapPort.trim() === '' || d.imapPort === String(IMAP_DEFAULT_PORTS[d.imapSecurity]) ? String(IMAP_DEFAULT_PORTS[imapSecurity]) : d.imapPort;
  return { imapSecurity, imapPort: port };
}
