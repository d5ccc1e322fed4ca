import { z } from 'zod';
import { folderPath } from './remote-folder.js';
import type { CredentialField } from '../platforms/cart-platform.js';
import type { TransportDescriptor } from './transport-descriptor.js';

/** What is wrong with an SFTP host as typed (a scheme, a folder, a user@, spaces), or undefined when it is a host. */
export function sftpHostProblem(host: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(host)) return 'Enter the host name without sftp://, such as sftp.example.com';
  if (host.includes('@')) return 'Enter the host name only, such as sftp.example.com; put the user name in User';
  if (/[/\\]/.test(host)) return 'Enter the host name only, such as sftp.example.com; put a folder in Root folder';
  if (/\s/.test(host)) return 'A host name has no spaces, such as sftp.example.com';
  return undefined;
}

/** How ssh-keygen -l shows a host key: "SHA256:" and the unpadded base64 of the key's SHA-256 (43 characters). */
export const HOST_KEY_FINGERPRINT = /^SHA256:[A-Za-z0-9+/]{43}$/;

export const sftpTransportSchema = z.object({
  kind: z.literal('sftp'),
  host: z
    .string()
    .trim()
    .min(1, 'Enter the SFTP server host')
    .max(255)
    .check((ctx) => {
      const message = sftpHostProblem(ctx.value);
      if (message) ctx.issues.push({ code: 'custom', message, input: ctx.value });
    }),
  port: z.number({ error: 'Enter the port: a whole number from 1 to 65535 (SFTP is usually 22)' }).int('Enter a whole number from 1 to 65535').min(1, 'The port is a number from 1 to 65535').max(65535, 'The port is a number from 1 to 65535').default(22),
  user: z.string().trim().min(1, 'Enter the SFTP user').max(255),
  /** How Dockhand proves who it is: the user's password, or a private key whose public half the server lists. */
  auth: z.enum(['password', 'key']).default('password'),
  /**
   * Base folder every path below is relative to: from the top of the server ("/outbox"), or, without a
   * leading slash, inside the folder the login lands in ("outbox"; "" or "." is that folder itself).
   */
  root: folderPath.default('/'),
  /**
   * The server's host key as confirmed by a person after a Test ("SHA256:..."). A connection to a server
   * showing another key is refused before any password or key is sent. Absent: not confirmed yet; only
   * a Test connects then, and shows the key to confirm.
   */
  hostKeyFingerprint: z
    .string()
    .trim()
    .regex(HOST_KEY_FINGERPRINT, 'The saved server key must look like SHA256: followed by 43 letters, digits, + or /; press Forget and test again to read it from the server')
    .optional(),
});

export type SftpTransportSettings = z.infer<typeof sftpTransportSchema>;

/**
 * A private key written out in text (a PEM or OpenSSH block), for the log redaction: a pasted key must
 * never reach a log or a support bundle, whatever field it sits in.
 */
export const PRIVATE_KEY_TEXT_PATTERN = { pattern: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g, replace: '[redacted private key]' };

/** A private key as pasted: the whole PEM or OpenSSH text, markers included. */
const privateKeyText = z
  .string()
  .max(20_000, 'A private key is shorter than 20,000 characters: paste only the key')
  .refine((k) => k.trim() === '' || /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]+-----END [A-Z0-9 ]*PRIVATE KEY-----/.test(k), 'Paste the whole private key, from the -----BEGIN ... PRIVATE KEY----- line to the -----END ... PRIVATE KEY----- line');

export const sftpSecretsSchema = z.object({
  password: z.string().max(1000, 'Keep the password under 1000 characters').optional(),
  privateKey: privateKeyText.optional(),
  /** Only for a private key that is itself encrypted. */
  passphrase: z.string().max(1000, 'Keep the passphrase under 1000 characters').optional(),
});

/** The folder as a person reads it after the host: "/outbox", or "~/outbox" inside the login folder. */
function shownRoot(root: string): string {
  if (root.startsWith('/')) return root;
  const inside = root.replace(/^\.\/?/, '');
  return inside === '' ? '/~' : `/~/${inside}`;
}

/** SFTP (files over SSH) with a password or a private key, the server's host key pinned. */
export const sftpTransport = {
  kind: 'sftp',
  label: 'SFTP (SSH)',
  help: 'An SSH server with SFTP: a password or a private key, the server checked by its key.',
  settingsSchema: sftpTransportSchema,
  secretsSchema: sftpSecretsSchema,
  secretAddress: (t) => `sftp://${t.host.trim().toLowerCase()}:${t.port}`,
  requiredSecrets: (t): Record<string, CredentialField> =>
    t.auth === 'key'
      ? { privateKey: { label: `the private key of SFTP user ${t.user || '(none)'}`, noun: 'private key' } }
      : { password: { label: `the password of SFTP user ${t.user || '(none)'}`, noun: 'password' } },
  describe: (t) => `sftp://${t.user}@${t.host}:${t.port}${shownRoot(t.root)}`,
} satisfies TransportDescriptor<'sftp', SftpTransportSettings>;
