import { z } from 'zod';
import { folderPath } from './remote-folder.js';
import type { CredentialField } from '../platforms/cart-platform.js';
import type { TransportDescriptor } from './transport-descriptor.js';

/** What is wrong with an FTP host as typed (a scheme, a folder, spaces), or undefined when it is a host. */
export function ftpHostProblem(host: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(host)) return 'Enter the host name without ftp:// or ftps://, such as ftp.example.com (choose FTPS under Transport for a secure one)';
  if (/[/\\]/.test(host)) return 'Enter the host name only, such as ftp.example.com; put a folder in Root folder';
  if (/\s/.test(host)) return 'A host name has no spaces, such as ftp.example.com';
  return undefined;
}

/** The user an anonymous login sends; the server asks for no password. */
export const ANONYMOUS_FTP_USER = 'anonymous';

/** A folder from the top of the FTP server ("/outbox"): a relative one depends on where the login lands. */
const ftpRootPath = folderPath.refine((p) => p.startsWith('/'), 'Enter the folder from the top of the server, starting with /, such as / or /outbox');

/** A SHA-256 certificate fingerprint as browsers show it: 32 bytes in hex, colon-separated. */
export const SHA256_FINGERPRINT = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/;

/**
 * The one FTPS server certificate the user accepted after a Test showed it (a self-signed certificate,
 * or one the system does not trust for this host). Connections accept exactly this certificate and no other.
 */
export const pinnedCertificateSchema = z.object({
  sha256: z
    .string()
    .trim()
    .transform((v) => v.toUpperCase())
    .refine((v) => SHA256_FINGERPRINT.test(v), 'The certificate fingerprint is 32 pairs of hex digits separated by colons: run Test again and accept the certificate it shows'),
  /** Shown beside the fingerprint so a person recognises the server ("CN=ftp.warehouse.local"). */
  subject: z.string().max(1000).default(''),
  /** ISO date the certificate expires. */
  validTo: z.string().max(100).default(''),
});
export type PinnedCertificate = z.infer<typeof pinnedCertificateSchema>;

export const ftpTransportSchema = z
  .object({
    kind: z.literal('ftp'),
    host: z
      .string()
      .trim()
      .min(1, 'Enter the FTP server host')
      .max(255)
      .check((ctx) => {
        const message = ftpHostProblem(ctx.value);
        if (message) ctx.issues.push({ code: 'custom', message, input: ctx.value });
      }),
    port: z.number({ error: 'Enter the port: a whole number from 1 to 65535 (FTP is usually 21)' }).int('Enter a whole number from 1 to 65535').min(1, 'The port is a number from 1 to 65535').max(65535, 'The port is a number from 1 to 65535').default(21),
    /** Log in as "anonymous" with no password, where the server allows it; `user` is then ignored. Absent: off. */
    anonymous: z.boolean().optional(),
    user: z.string().trim().max(255).default(''),
    /** none = plain FTP; explicit = FTPS with AUTH TLS on the control port. */
    security: z.enum(['none', 'explicit']).default('none'),
    /** FTPS: the certificate accepted by the user when the system does not trust the server's own. */
    pinnedCertificate: pinnedCertificateSchema.optional(),
    /**
     * Old settings only ("accept any self-signed certificate"), parsed so they still load. It no longer
     * trusts anything: without a pinned certificate, connecting fails and asks for a Test to accept one.
     */
    allowSelfSigned: z.boolean().default(false),
    /**
     * Who opens the data connection for each transfer. passive (default): Dockhand connects to the
     * server, which works through firewalls and NAT. active: the server connects back to this computer;
     * only for servers that offer no passive mode, and this computer's firewall must let it in.
     * Absent: passive (optional rather than defaulted, so settings built before it still typecheck).
     */
    dataConnection: z.enum(['passive', 'active']).optional(),
    /**
     * Old settings only, parsed so they still load and otherwise ignored: `passive: false` does NOT mean
     * active. Dockhand always connected in passive mode whatever this said, so a setup saved with it has
     * been working in passive mode; switching it to active now would need a firewall opening it never had.
     */
    passive: z.boolean().optional(),
    /** Base folder on the server that every path below is relative to. */
    root: ftpRootPath.default('/'),
  })
  // Checked even when other fields have problems too, so every missing field is named at once.
  .refine((t) => t.anonymous === true || (typeof t.user === 'string' && t.user !== ''), {
    message: 'Enter the FTP user, or tick Anonymous login',
    path: ['user'],
    when: () => true,
  });

export type FtpTransportSettings = z.infer<typeof ftpTransportSchema>;

/** The user the FTP login sends. */
export function ftpLoginUser(t: { anonymous?: boolean; user: string }): string {
  return t.anonymous ? ANONYMOUS_FTP_USER : t.user;
}

export const ftpSecretsSchema = z.object({ password: z.string().max(1000, 'Keep the password under 1000 characters').optional() });

/** FTP and explicit FTPS (one kind, told apart by `security`). */
export const ftpTransport = {
  kind: 'ftp',
  label: 'FTP / FTPS',
  help: 'An FTP server, plain or with explicit TLS (FTPS).',
  settingsSchema: ftpTransportSchema,
  secretsSchema: ftpSecretsSchema,
  // The scheme is part of it: a password saved for FTPS must not go out in the clear over plain FTP to
  // the same host. An anonymous login sends no password: nothing to keep for an address.
  secretAddress: (t) => (t.anonymous ? null : `${t.security === 'explicit' ? 'ftps' : 'ftp'}://${t.host.trim().toLowerCase()}:${t.port}`),
  requiredSecrets: (t): Record<string, CredentialField> => (t.anonymous ? {} : { password: { label: 'the FTP password', noun: 'password' } }),
  describe: (t) => `${t.security === 'explicit' ? 'ftps' : 'ftp'}://${ftpLoginUser(t)}@${t.host}:${t.port}${t.root.startsWith('/') ? t.root : `/${t.root}`}`,
} satisfies TransportDescriptor<'ftp', FtpTransportSettings>;
