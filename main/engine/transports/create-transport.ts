import type { TransportSettings } from '../../../shared/schemas/wms.js';
import { createFolderTransport, type FolderTransportContext } from './folder-transport.js';
import { createFtpTransport, type FtpTransportContext } from './ftp-transport.js';
import type { Transport } from './transport.js';

/** The transport a CSV WMS setup names; the password is only used by FTP. */
export function createTransport(
  settings: TransportSettings,
  secrets: { password?: string },
  ctx: FtpTransportContext & FolderTransportContext,
): Transport {
  switch (settings.kind) {
    case 'ftp':
      return createFtpTransport(settings, secrets.password ?? '', ctx);
    case 'folder':
      return createFolderTransport(settings, ctx);
  }
}
