import type { TestResultView } from '../../../../shared/api-types.js';
import type { PinnedCertificate } from '../../../../shared/transports/ftp.js';
import type { TransportSecrets, TransportSettings } from '../../../../shared/transports/index.js';
import { emailDraftFrom, emailMissingSecret, emailSecretsFrom, emailSettingsFrom, newEmailDraft, type EmailDraft } from './email-draft.js';

/**
 * A file transport's values as typed (FTP/FTPS, SFTP, a folder), and their conversion to the settings
 * and secrets the API takes. Every form with a file connection (the WMS, the CSV order source) holds
 * these fields in its draft and shows them with the fields of this folder.
 */

/** What the user picks; FTP and FTPS are one transport in the settings, told apart by `security`. */
export type TransportChoice = 'ftp' | 'ftps' | 'sftp' | 'folder' | 'email';

export interface TransportDraft {
  transport: TransportChoice;
  host: string;
  port: string;
  user: string;
  /** Log in as "anonymous" with no password. */
  anonymous: boolean;
  /** Blank keeps the saved password. */
  password: string;
  /** FTPS: the certificate accepted after a Test showed it, and the server (host:port) it was accepted for. */
  pinnedCertificate: PinnedCertificate | null;
  pinnedFor: string;
  /** FTP/FTPS: who opens each data connection; active only for servers without passive mode. */
  ftpDataConnection: 'passive' | 'active';
  /** SFTP: sign in with the password or a private key. */
  sftpAuth: 'password' | 'key';
  /** SFTP: the private key text as pasted; blank keeps the saved one. */
  privateKey: string;
  /** SFTP: the key's passphrase; blank keeps the saved one (or none). */
  passphrase: string;
  /** SFTP: the server key confirmed by a person ("SHA256:..."), '' when none is. */
  hostKeyFingerprint: string;
  root: string;
  folderPath: string;
  /** E-mail: its own fields (two servers, two passwords), apart from the file servers' host and user. */
  email: EmailDraft;
}

export function newTransportDraft(): TransportDraft {
  return {
    transport: 'ftp',
    host: '',
    port: '21',
    user: '',
    anonymous: false,
    ftpDataConnection: 'passive',
    password: '',
    pinnedCertificate: null,
    pinnedFor: '',
    sftpAuth: 'password',
    privateKey: '',
    passphrase: '',
    hostKeyFingerprint: '',
    root: '/',
    folderPath: '',
    email: newEmailDraft(),
  };
}

/** The typed values of saved settings; secrets start blank (a saved secret is never shown). */
export function transportDraftFrom(t: TransportSettings): TransportDraft {
  const base = newTransportDraft();
  if (t.kind === 'ftp') {
    return {
      ...base,
      transport: t.security === 'explicit' ? 'ftps' : 'ftp',
      host: t.host,
      port: String(t.port),
      user: t.user,
      anonymous: t.anonymous === true,
      ftpDataConnection: t.dataConnection ?? 'passive',
      pinnedCertificate: t.pinnedCertificate ?? null,
      pinnedFor: t.pinnedCertificate ? ftpServerKey(t.host, String(t.port)) : '',
      root: t.root,
    };
  }
  if (t.kind === 'sftp') {
    return { ...base, transport: 'sftp', host: t.host, port: String(t.port), user: t.user, sftpAuth: t.auth, hostKeyFingerprint: t.hostKeyFingerprint ?? '', root: t.root };
  }
  if (t.kind === 'email') return { ...base, transport: 'email', email: emailDraftFrom(t) };
  return { ...base, transport: 'folder', folderPath: t.path };
}

/** The settings the draft names (checked by the API's schema, which says what is wrong). */
export function transportSettingsFrom(draft: TransportDraft): TransportSettings {
  if (draft.transport === 'folder') return { kind: 'folder', path: draft.folderPath.trim() };
  if (draft.transport === 'email') return emailSettingsFrom(draft.email);
  if (draft.transport === 'sftp') {
    return {
      kind: 'sftp',
      host: draft.host.trim(),
      port: draft.port.trim() === '' ? 22 : Number(draft.port),
      user: draft.user.trim(),
      auth: draft.sftpAuth,
      root: draft.root.trim() || '/',
      ...(draft.hostKeyFingerprint.trim() !== '' ? { hostKeyFingerprint: draft.hostKeyFingerprint.trim() } : {}),
    };
  }
  const pinned = pinnedCertificateFor(draft);
  return {
    kind: 'ftp',
    host: draft.host.trim(),
    port: draft.port.trim() === '' ? 21 : Number(draft.port),
    ...(draft.anonymous ? { anonymous: true, user: '' } : { user: draft.user.trim() }),
    security: draft.transport === 'ftps' ? 'explicit' : 'none',
    ...(pinned ? { pinnedCertificate: pinned } : {}),
    // Passive is the default and is left out, so settings that never chose stay as they were saved.
    ...(draft.ftpDataConnection === 'active' ? { dataConnection: 'active' } : {}),
    root: draft.root.trim() || '/',
  } as TransportSettings;
}

/** Only what was typed travels (blank keeps the saved one), and only the secret the sign-in uses. */
export function transportSecretsFrom(draft: TransportDraft): TransportSecrets {
  if (draft.transport === 'folder') return {};
  if (draft.transport === 'email') return emailSecretsFrom(draft.email);
  if (draft.transport === 'sftp') {
    if (draft.sftpAuth === 'password') return draft.password !== '' ? { password: draft.password } : {};
    return {
      ...(draft.privateKey.trim() !== '' ? { privateKey: draft.privateKey.trim() + '\n' } : {}),
      ...(draft.passphrase !== '' ? { passphrase: draft.passphrase } : {}),
    };
  }
  return !draft.anonymous && draft.password !== '' ? { password: draft.password } : {};
}

/** The server a certificate was accepted for: another host or port must show its own certificate. */
export function ftpServerKey(host: string, port: string): string {
  return `${host.trim().toLowerCase()}:${port.trim() === '' ? '21' : port.trim()}`;
}

/** The accepted certificate, when the draft is FTPS to the server it was accepted for. */
export function pinnedCertificateFor(draft: TransportDraft): PinnedCertificate | null {
  if (draft.transport !== 'ftps' || !draft.pinnedCertificate) return null;
  return draft.pinnedFor === ftpServerKey(draft.host, draft.port) ? draft.pinnedCertificate : null;
}

/**
 * Changing the transport: the port follows when it still holds the other transport's usual one (21 for
 * FTP, 22 for SFTP), so a person who picks SFTP does not connect to the FTP port by mistake.
 */
export function transportChange(draft: TransportDraft, transport: TransportChoice): Partial<TransportDraft> {
  // E-mail keeps its two ports in its own fields.
  const usual = (t: TransportChoice) => (t === 'sftp' ? '22' : '21');
  const port = draft.port.trim() === '' || draft.port === usual(draft.transport) ? usual(transport) : draft.port;
  return { transport, port };
}

/**
 * The secret the form must have typed when none is saved, by its API field ("<secretsPath>.password"),
 * with the message; or null.
 */
export function missingSecret(draft: TransportDraft, hasSaved: boolean, secretsPath = 'secrets'): { field: string; message: string } | null {
  if (draft.transport === 'email') return emailMissingSecret(draft.email, hasSaved, secretsPath);
  if (hasSaved || draft.transport === 'folder') return null;
  if (draft.transport === 'sftp') {
    if (draft.sftpAuth === 'key') return draft.privateKey.trim() === '' ? { field: `${secretsPath}.privateKey`, message: 'Paste the private key' } : null;
    return draft.password === '' ? { field: `${secretsPath}.password`, message: 'Enter the SFTP password' } : null;
  }
  return !draft.anonymous && draft.password === '' ? { field: `${secretsPath}.password`, message: 'Enter the FTP password' } : null;
}

/** The server key a Test saw that the form has not confirmed yet, or null. */
export function unconfirmedServerKey(draft: TransportDraft, result: TestResultView | null | undefined): string | null {
  const seen = result?.details?.hostKeyFingerprint;
  if (draft.transport !== 'sftp' || typeof seen !== 'string' || seen === '') return null;
  return draft.hostKeyFingerprint.trim() === seen ? null : seen;
}
