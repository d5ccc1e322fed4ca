import type { ComponentType } from 'react';
import { sftpTransport } from '../../../../../shared/transports/sftp.js';
import type { TransportChoice } from '../wms-draft.js';
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

/** Field keys the transport sections show. */
export const TRANSPORT_FIELDS = [
  'settings.transport.host',
  'settings.transport.port',
  'settings.transport.user',
  'settings.transport.root',
  'settings.transport.path',
  'secrets.password',
  'settings.transport.pinnedCertificate.sha256',
  'settings.transport.auth',
  'settings.transport.hostKeyFingerprint',
  'secrets.privateKey',
  'secrets.passphrase',
];
