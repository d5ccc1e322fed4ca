import { z } from 'zod';
import type { CredentialField } from '../platforms/cart-platform.js';
import { MAIL_SECURITY, smtpHostProblem } from '../schemas/mail.js';
import { pinnedCertificateSchema } from './ftp.js';
import type { TransportDescriptor } from './transport-descriptor.js';

/**
 * Files by e-mail: order files go out as attachments over SMTP (one message per file, to the WMS's
 * addresses); confirmation and inventory files come in as attachments of messages in IMAP folders (the
 * connector's inbound folders are mailbox names, such as INBOX or INBOX/confirmations). A message whose
 * files were handled is moved to the processed folder, a broken one to the error folder.
 */

/** What is wrong with an IMAP host as typed, or undefined when it is a host. */
export function imapHostProblem(host: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(host)) return 'Enter the host name without imap:// or imaps://, such as imap.example.com (choose TLS under IMAP security for a secure one)';
  if (host.includes('@')) return 'Enter the server\'s host name, such as imap.example.com, not an e-mail address';
  if (/[/\\]/.test(host)) return 'Enter the host name only, such as imap.example.com';
  if (/\s/.test(host)) return 'A host name has no spaces, such as imap.example.com';
  return undefined;
}

/** none = plain IMAP (nothing encrypted, port 143); starttls = upgraded on port 143; tls = TLS from the first byte (993). */
export const IMAP_SECURITY = ['none', 'starttls', 'tls'] as const;
export type ImapSecurity = (typeof IMAP_SECURITY)[number];
export const IMAP_DEFAULT_PORTS: Record<ImapSecurity, number> = { none: 143, starttls: 143, tls: 993 };

const emailAddress = (what: string) => z.email(`Enter ${what} as an e-mail address, such as wms@example.com`).max(254);

const hostField = (what: string, problem: (host: string) => string | undefined) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${what} server host`)
    .max(255)
    .check((ctx) => {
      const message = problem(ctx.value);
      if (message) ctx.issues.push({ code: 'custom', message, input: ctx.value });
    });

const portField = (usual: string, fallback: number) =>
  z
    .number({ error: `Enter the port: a whole number from 1 to 65535 (${usual})` })
    .int('Enter a whole number from 1 to 65535')
    .min(1, 'The port is a number from 1 to 65535')
    .max(65535, 'The port is a number from 1 to 65535')
    .default(fallback);

/** An IMAP folder name as the mail program shows it, levels separated by "/" ("Dockhand/Processed"). */
const mailboxName = (what: string, fallback: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${what} folder, such as ${fallback}`)
    .max(200)
    .refine((p) => !p.split('/').some((part) => part.trim() === ''), `A folder name has no empty level: write it as ${fallback} or Dockhand/${fallback}`)
    .default(fallback);

export const emailTransportSchema = z
  .object({
    kind: z.literal('email'),
    smtpHost: hostField('SMTP', smtpHostProblem),
    smtpPort: portField('587 for STARTTLS, 465 for TLS', 587),
    smtpSecurity: z.enum(MAIL_SECURITY, { error: 'Choose None, STARTTLS or TLS' }).default('starttls'),
    /** Empty: the server takes mail without a login (a relay on the local network). */
    smtpUser: z.string().trim().max(255).default(''),
    /** The sender of every order message; many servers refuse any but the login's own address. */
    from: z.string().trim().min(1, 'Enter the sender address, such as dockhand@example.com').pipe(emailAddress('the sender')),
    /** The WMS's addresses: each order file goes to all of them in one message. */
    to: z.array(emailAddress('each WMS address')).min(1, 'Enter the address the WMS reads order files from').max(20, 'At most 20 addresses'),
    imapHost: hostField('IMAP', imapHostProblem),
    imapPort: portField('993 for TLS, 143 for STARTTLS', 993),
    imapSecurity: z.enum(IMAP_SECURITY, { error: 'Choose None, STARTTLS or TLS' }).default('tls'),
    imapUser: z.string().trim().min(1, 'Enter the IMAP user (often the mailbox\'s e-mail address)').max(255),
    /** Where a message goes once its files were applied. Created by the Test when missing. */
    processedFolder: mailboxName('processed', 'Processed'),
    /** Where a message goes whose file could not be read. Created by the Test when missing. */
    errorFolder: mailboxName('error', 'Errors'),
    /**
     * Which attachments are files, as a name pattern ("*.csv", "stock-*.txt"; * is any text, ? one
     * character, case ignored). Other attachments (a logo, a signature) are ignored.
     */
    attachmentPattern: z.string().trim().max(200).default('*.csv'),
    /**
     * The SMTP server's certificate the person accepted after a Test showed it (self-signed, or one this
     * computer does not trust): the sending connection then takes exactly that certificate and no other,
     * as FTPS and the alert mail do. Ignored with SMTP security None.
     */
    smtpPinnedCertificate: pinnedCertificateSchema.optional(),
    /** The same for the IMAP server (ignored with IMAP security None). */
    imapPinnedCertificate: pinnedCertificateSchema.optional(),
  })
  .refine((t) => t.processedFolder.toLowerCase() !== t.errorFolder.toLowerCase(), {
    message: 'The processed and error folders must differ, or broken files could not be told from applied ones',
    path: ['errorFolder'],
    when: () => true,
  });

export type EmailTransportSettings = z.infer<typeof emailTransportSchema>;

export const emailSecretsSchema = z.object({
  smtpPassword: z.string().max(1000, 'Keep the password under 1000 characters').optional(),
  imapPassword: z.string().max(1000, 'Keep the password under 1000 characters').optional(),
});

/** The SMTP server a password goes to: plain SMTP is an address of its own, as for the alert mail. */
function smtpAddress(t: EmailTransportSettings): string {
  return `${t.smtpSecurity === 'none' ? 'smtp+plain' : 'smtp'}://${t.smtpHost.trim().toLowerCase()}:${t.smtpPort}`;
}

function imapAddress(t: EmailTransportSettings): string {
  return `${t.imapSecurity === 'none' ? 'imap+plain' : 'imap'}://${t.imapHost.trim().toLowerCase()}:${t.imapPort}`;
}

/** Whether "name" matches the attachment pattern ("*.csv"; empty matches every name). */
export function attachmentMatches(pattern: string, name: string): boolean {
  const p = pattern.trim();
  if (p === '') return true;
  const re = new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return re.test(name);
}

/** E-mail: order files out over SMTP, confirmation and inventory files in from IMAP folders. */
export const emailTransport = {
  kind: 'email',
  label: 'E-mail (SMTP and IMAP)',
  help: 'Order files are e-mailed to the WMS as attachments; confirmation and inventory files are read from attachments in IMAP folders.',
  settingsSchema: emailTransportSchema,
  secretsSchema: emailSecretsSchema,
  // Both servers are in the one address the secrets are sealed with: each password goes only to the
  // server it was typed for, and changing either server asks for both passwords again (the binding is
  // one address per saved secret, so the two cannot be kept apart; asking twice is the safe side).
  secretAddress: (t) => `${smtpAddress(t)} ${imapAddress(t)}`,
  requiredSecrets: (t): Record<string, CredentialField> => ({
    ...(t.smtpUser !== '' ? { smtpPassword: { label: `the SMTP password of ${t.smtpUser}`, noun: 'password' } } : {}),
    imapPassword: { label: `the IMAP password of ${t.imapUser || '(no user)'}`, noun: 'password' },
  }),
  // "Connected to SMTP smtp.x:587 (to wms@x) and IMAP imap.x:993 as dockhand@x", as the Test says it.
  describe: (t) => `SMTP ${t.smtpHost}:${t.smtpPort} (to ${t.to.join(', ')}) and IMAP ${t.imapHost}:${t.imapPort} as ${t.imapUser}`,
} satisfies TransportDescriptor<'email', EmailTransportSettings>;
