import type { TestResultView, WmsView } from '../../../../shared/api-types.js';
import type { MethodInput } from '../../../../shared/contract.js';
import type { FormatIds } from '../../../../shared/schemas/file-format.js';
import type { CsvWmsSettings, PinnedCertificate } from '../../../../shared/schemas/wms.js';

/** The WMS form's values as typed, and their conversion to `wms.save` / `wms.test` input. */

/** What the user picks; FTP and FTPS are one transport in the settings, told apart by `security`. */
export type TransportChoice = 'ftp' | 'ftps' | 'sftp' | 'folder';
export type FolderKind = 'orders' | 'confirmations' | 'inventory';

export interface WmsDraft {
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
  folderOrder: CsvWmsSettings['folderOrder'];
  folders: Record<FolderKind, string>;
  /** The done-marker suffix (".done"), '' when files are read once their size is stable. */
  doneMarker: string;
  /** The saved file formats chosen (Formats screen); a kind not chosen gets the standard one on save. */
  formats: FormatIds;
}

export function newWmsDraft(): WmsDraft {
  return {
    transport: 'ftp',
    host: '',
    port: '21',
    user: '',
    anonymous: false,
    password: '',
    pinnedCertificate: null,
    pinnedFor: '',
    sftpAuth: 'password',
    privateKey: '',
    passphrase: '',
    hostKeyFingerprint: '',
    root: '/',
    folderPath: '',
    folderOrder: 'client_then_wms',
    folders: { orders: 'orders', confirmations: 'confirmations', inventory: 'inventory' },
    doneMarker: '',
    formats: {},
  };
}

export function wmsDraftFrom(view: WmsView): WmsDraft {
  const s = view.settings;
  if (!s) return newWmsDraft();
  const base = newWmsDraft();
  const t = s.transport;
  return {
    ...base,
    ...(t.kind === 'ftp'
      ? {
          transport: t.security === 'explicit' ? 'ftps' : 'ftp',
          host: t.host,
          port: String(t.port),
          user: t.user,
          anonymous: t.anonymous === true,
          pinnedCertificate: t.pinnedCertificate ?? null,
          pinnedFor: t.pinnedCertificate ? ftpServerKey(t.host, String(t.port)) : '',
          root: t.root,
        }
      : t.kind === 'sftp'
        ? {
            transport: 'sftp' as const,
            host: t.host,
            port: String(t.port),
            user: t.user,
            sftpAuth: t.auth,
            hostKeyFingerprint: t.hostKeyFingerprint ?? '',
            root: t.root,
          }
        : { transport: 'folder' as const, folderPath: t.path }),
    folderOrder: s.folderOrder,
    folders: { orders: s.folders.orders, confirmations: s.folders.confirmations, inventory: s.folders.inventory },
    doneMarker: s.folders.doneMarker ?? '',
    formats: { ...s.formats },
  };
}

export function wmsInputFrom(draft: WmsDraft): MethodInput<'wms.save'> {
  if (draft.transport === 'sftp') return { settings: settingsWith(draft, sftpTransportFrom(draft)), secrets: sftpSecretsFrom(draft) };
  const pinned = pinnedCertificateFor(draft);
  const transport =
    draft.transport === 'folder'
      ? { kind: 'folder' as const, path: draft.folderPath.trim() }
      : {
          kind: 'ftp' as const,
          host: draft.host.trim(),
          port: draft.port.trim() === '' ? 21 : Number(draft.port),
          ...(draft.anonymous ? { anonymous: true, user: '' } : { user: draft.user.trim() }),
          security: draft.transport === 'ftps' ? ('explicit' as const) : ('none' as const),
          ...(pinned ? { pinnedCertificate: pinned } : {}),
          root: draft.root.trim() || '/',
        };
  return {
    settings: settingsWith(draft, transport),
    // A password only travels when typed: none means "keep the saved one".
    secrets: draft.transport !== 'folder' && !draft.anonymous && draft.password !== '' ? { password: draft.password } : {},
  };
}

/** The server a certificate was accepted for: another host or port must show its own certificate. */
export function ftpServerKey(host: string, port: string): string {
  return `${host.trim().toLowerCase()}:${port.trim() === '' ? '21' : port.trim()}`;
}

/** The accepted certificate, when the draft is FTPS to the server it was accepted for. */
export function pinnedCertificateFor(draft: WmsDraft): PinnedCertificate | null {
  if (draft.transport !== 'ftps' || !draft.pinnedCertificate) return null;
  return draft.pinnedFor === ftpServerKey(draft.host, draft.port) ? draft.pinnedCertificate : null;
}

type WmsSettingsInput = MethodInput<'wms.save'>['settings'];

function settingsWith(draft: WmsDraft, transport: WmsSettingsInput['transport']): WmsSettingsInput {
  return {
    kind: 'csv',
    transport,
    folderOrder: draft.folderOrder,
    folders: {
      orders: draft.folders.orders.trim(),
      confirmations: draft.folders.confirmations.trim(),
      inventory: draft.folders.inventory.trim(),
      ...(draft.doneMarker.trim() !== '' ? { doneMarker: draft.doneMarker.trim() } : {}),
    },
    formats: draft.formats,
  };
}

function sftpTransportFrom(draft: WmsDraft): WmsSettingsInput['transport'] {
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

/** Only what was typed travels (blank keeps the saved one), and only the secret the sign-in uses. */
function sftpSecretsFrom(draft: WmsDraft): MethodInput<'wms.save'>['secrets'] {
  if (draft.sftpAuth === 'password') return draft.password !== '' ? { password: draft.password } : {};
  return {
    ...(draft.privateKey.trim() !== '' ? { privateKey: draft.privateKey.trim() + '\n' } : {}),
    ...(draft.passphrase !== '' ? { passphrase: draft.passphrase } : {}),
  };
}

/**
 * Changing the transport: the port follows when it still holds the other transport's usual one (21 for
 * FTP, 22 for SFTP), so a person who picks SFTP does not connect to the FTP port by mistake.
 */
export function transportChange(draft: WmsDraft, transport: TransportChoice): Partial<WmsDraft> {
  const usual = (t: TransportChoice) => (t === 'sftp' ? '22' : '21');
  const port = draft.port.trim() === '' || draft.port === usual(draft.transport) ? usual(transport) : draft.port;
  return { transport, port };
}

/** The secret the form must have typed when none is saved, by its API field, with the message; or null. */
export function missingSecret(draft: WmsDraft, hasSaved: boolean): { field: string; message: string } | null {
  if (hasSaved || draft.transport === 'folder') return null;
  if (draft.transport === 'sftp') {
    if (draft.sftpAuth === 'key') return draft.privateKey.trim() === '' ? { field: 'secrets.privateKey', message: 'Paste the private key' } : null;
    return draft.password === '' ? { field: 'secrets.password', message: 'Enter the SFTP password' } : null;
  }
  return !draft.anonymous && draft.password === '' ? { field: 'secrets.password', message: 'Enter the FTP password' } : null;
}

/** Where a merchant's files go, as the connector builds it: root, then client and WMS folder in the chosen order. */
export function examplePath(draft: WmsDraft, merchantCode: string, kind: FolderKind): string {
  const base = draft.transport === 'folder' ? draft.folderPath.trim() || '<folder>' : draft.root.trim() || '/';
  const wmsFolder = draft.folders[kind].trim();
  const parts = draft.folderOrder === 'wms_then_client' ? [wmsFolder, merchantCode] : [merchantCode, wmsFolder];
  const separator = base.includes('\\') && !base.includes('/') ? '\\' : '/';
  const tail = parts.filter(Boolean).join(separator);
  return base.endsWith(separator) ? `${base}${tail}` : `${base}${separator}${tail}`;
}

/** The server key a passing test saw that the form has not confirmed yet, or null. */
export function unconfirmedServerKey(draft: WmsDraft, result: TestResultView): string | null {
  const seen = result.details?.hostKeyFingerprint;
  if (draft.transport !== 'sftp' || typeof seen !== 'string' || seen === '') return null;
  return draft.hostKeyFingerprint.trim() === seen ? null : seen;
}

/** The input with the server key a person just confirmed. */
export function withServerKey(input: MethodInput<'wms.save'>, hostKeyFingerprint: string): MethodInput<'wms.save'> {
  const transport = input.settings.transport;
  if (transport.kind !== 'sftp') return input;
  return { ...input, settings: { ...input.settings, transport: { ...transport, hostKeyFingerprint } } };
}
