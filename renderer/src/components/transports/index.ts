import type { ComponentType } from 'react';
import { sftpTransport } from '../../../../shared/transports/sftp.js';
import type { TransportChoice } from './transport-draft.js';
import { FolderFields } from './folder-fields.js';
import { FtpFields } from './ftp-fields.js';
import { SftpFields } from './sftp-fields.js';
import type { TransportFieldsProps } from './transport-fields.js';

/** The transports the screen offers, each with only its own fields. */
export const TRANSPORTS: { value: TransportChoice; label: string; Fields: ComponentType<TransportFieldsProps> }[] = [
  { value: 'ftp', label: 'FTP', Fields: FtpFields },
  { value: 'ftps', label: 'FTPS (explicit TLS)', Fields: FtpFields },
  { value: 'sftp', label: sftpTransport.label, Fields: SftpFields },
  { value: 'folder', label: 'Local or shared folder', Fields: FolderFields },
];

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
  ];
}

/** The WMS form's (its secrets under "secrets"). */
export const TRANSPORT_FIELDS = transportFields();
