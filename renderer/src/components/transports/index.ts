import type { ComponentType } from 'react';
import { sftpTransport } from '../../../../shared/transports/sftp.js';
import type { TransportChoice } from './transport-draft.js';
import { EmailFields } from './email-fields.js';
import { FolderFields } from './folder-fields.js';
import { FtpFields } from './ftp-fields.js';
import { SftpFields } from './sftp-fields.js';
import type { TransportFieldsProps } from './transport-fields.js';

/** The transports the screen offers, each with only its own fields. */
export const TRANSPORTS: { value: TransportChoice; label: string; Fields: ComponentType<TransportFieldsProps>; wmsOnly?: boolean }[] = [
  { value: 'ftp', label: 'FTP', Fields: FtpFields },
  { value: 'ftps', label: 'FTPS (explicit TLS)', Fields: FtpFields },
  { value: 'sftp', label: sftpTransport.label, Fields: SftpFields },
  { value: 'folder', label: 'Local or shared folder', Fields: FolderFields },
  { value: 'email', label: 'E-mail (SMTP and IMAP)', Fields: EmailFields, wmsOnly: true },
];

/**
 * The transports a CSV order source offers: e-mail is for a WMS only (the source writes tracking and
 * stock files back where it reads orders, which over e-mail would need the merchant's own addresses).
 */
export const SOURCE_TRANSPORTS = TRANSPORTS.filter((t) => !t.wmsOnly);

/** Field keys the transport sections show, the secrets under `secretsPath` ("secrets" or "credentials"). */
export function transportFields(secretsPath = 'secrets'): string[] {
  return [
    'settings.transport.host',
    'settings.transport.port',
    'settings.transport.user',
    'settings.transport.root',
    'settings.transport.path',
    `${secretsPath}.password`,
    'settings.transport.pinnedCertificate.sha256',
    'settings.transport.auth',
    'settings.transport.hostKeyFingerprint',
    `${secretsPath}.privateKey`,
    `${secretsPath}.passphrase`,
    ...['smtpHost', 'smtpPort', 'smtpSecurity', 'smtpUser', 'from', 'to', 'imapHost', 'imapPort', 'imapSecurity', 'imapUser', 'attachmentPattern', 'processedFolder', 'errorFolder'].map((f) => `settings.transport.${f}`),
    // One address of the list (the schema takes at most 20), shown on the WMS addresses field.
    ...Array.from({ length: 20 }, (_, i) => `settings.transport.to.${i}`),
    `${secretsPath}.smtpPassword`,
    `${secretsPath}.imapPassword`,
    'settings.transport.smtpPinnedCertificate.sha256',
    'settings.transport.imapPinnedCertificate.sha256',
  ];
}

/** The WMS form's (its secrets under "secrets"). */
export const TRANSPORT_FIELDS = transportFields();
