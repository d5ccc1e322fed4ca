import { z } from 'zod';
import { pinnedCertificateSchema } from '../transports/ftp.js';

/**
 * The account's one outgoing mail (SMTP) setting: e-mail alerts go out through it, and its Test sends a
 * message. Optional: without it nothing is e-mailed. The password travels in `secrets` on input, is
 * sealed to the server's address (main/engine/saved-secret.ts) and is never returned.
 */

/** none = plain SMTP (nothing encrypted); starttls = upgraded on the same port (587); tls = TLS from the first byte (465). */
export const MAIL_SECURITY = ['none', 'starttls', 'tls'] as const;
export type MailSecurity = (typeof MAIL_SECURITY)[number];

export const MAIL_SECURITY_LABELS: Record<MailSecurity, string> = {
  none: 'None (plain SMTP, nothing encrypted)',
  starttls: 'STARTTLS (usually port 587)',
  tls: 'TLS (usually port 465)',
};

/** The usual port of each security choice, offered when the person switches. */
export const MAIL_DEFAULT_PORTS: Record<MailSecurity, number> = { none: 25, starttls: 587, tls: 465 };

/** What is wrong with an SMTP host as typed (a scheme, a path, spaces, an @), or undefined when it is a host. */
export function smtpHostProblem(host: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(host)) return 'Enter the host name without smtp:// , such as smtp.example.com (choose TLS under Security for a secure one)';
  if (host.includes('@')) return 'Enter the server\'s host name, such as smtp.example.com, not an e-mail address';
  if (/[/\\]/.test(host)) return 'Enter the host name only, such as smtp.example.com';
  if (/\s/.test(host)) return 'A host name has no spaces, such as smtp.example.com';
  return undefined;
}

const address = (what: string) => z.email(`Enter ${what} as an e-mail address, such as ops@example.com`).max(254);

export const mailSettingsSchema = z
  .object({
    host: z
      .string()
      .trim()
      .min(1, 'Enter the SMTP server host, such as smtp.example.com')
      .max(255)
      .check((ctx) => {
        const message = smtpHostProblem(ctx.value);
        if (message) ctx.issues.push({ code: 'custom', message, input: ctx.value });
      }),
    port: z
      .number({ error: 'Enter the port: a whole number from 1 to 65535 (587 for STARTTLS, 465 for TLS)' })
      .int('Enter a whole number from 1 to 65535')
      .min(1, 'The port is a number from 1 to 65535')
      .max(65535, 'The port is a number from 1 to 65535')
      .default(587),
    security: z.enum(MAIL_SECURITY, { error: 'Choose None, STARTTLS or TLS' }).default('starttls'),
    /** Empty: the server takes mail without a login (a relay on the local network). */
    user: z.string().trim().max(255).default(''),
    /** The sender of every message ("From"); many servers refuse any but the login's own address. */
    from: z.string().trim().min(1, 'Enter the sender address, such as dockhand@example.com').pipe(address('the sender')),
    /**
     * Who hears of alerts about no merchant (the WMS login, the disk, the store). Empty: such alerts are
     * shown in Dockhand but not e-mailed.
     */
    accountContacts: z.array(address('each account contact')).max(20, 'At most 20 account contacts').default([]),
    /**
     * The address at which people open Dockhand's screens (the headless host's URL, such as
     * http://warehouse-pc:4780), so a digest can link each alert. Empty: the digest names the alert's
     * number and says where to find it.
     */
    appUrl: z
      .string()
      .trim()
      .max(500)
      .refine((u) => u === '' || /^https?:\/\/[^\s/]+/i.test(u), 'Enter the address as people open Dockhand, starting with http:// or https://, such as http://warehouse-pc:4780, or leave it empty')
      .default(''),
    /**
     * The server certificate the person accepted after a Test showed it (self-signed, or from an
     * authority this computer does not know): then that certificate is accepted from this server, and no
     * other. Without it only certificates the system trusts are (main/engine/mail/smtp-certificate.ts).
     */
    pinnedCertificate: pinnedCertificateSchema.optional(),
  });
export type MailSettings = z.infer<typeof mailSettingsSchema>;

export const mailSecretsSchema = z.object({ password: z.string().max(1000).optional() });

/** What mail.save takes (and mail.test, to try unsaved settings). */
export const mailInputSchema = z.object({
  settings: mailSettingsSchema,
  /** Omit the password to keep the saved one. */
  secrets: mailSecretsSchema.default({}),
});

/**
 * Where the password goes, as a person reads it. A password saved for an encrypted connection must not
 * go out in the clear to the same host, so plain SMTP is an address of its own.
 */
export function mailSecretAddress(settings: Pick<MailSettings, 'host' | 'port' | 'security' | 'user'>): string | null {
  if (settings.user === '') return null;
  const scheme = settings.security === 'none' ? 'smtp+plain' : 'smtp';
  return `${scheme}://${settings.host.toLowerCase()}:${settings.port}`;
}
