import { z } from 'zod';
import {
  confirmationFileProfileSchema,
  inventoryFileProfileSchema,
  orderFileProfileSchema,
} from './csv-profile.js';
import { formatIdsSchema } from './file-format.js';

import { transportSchema, transportSecretAddress, transportSecretsSchema, type TransportSettings } from '../transports/index.js';
import { folderPath } from '../transports/remote-folder.js';

/**
 * The account's one WMS. For now the CSV-file WMS with its transports (shared/transports: FTP / explicit
 * FTPS, SFTP, or a local or shared folder). Secrets (a password, a private key) travel in `secrets` on
 * input and are never returned.
 */

// The transports moved to shared/transports/ (one descriptor each); these names stay importable from here.
export { ANONYMOUS_FTP_USER, ftpHostProblem, ftpLoginUser, ftpTransportSchema, pinnedCertificateSchema, SHA256_FINGERPRINT, type PinnedCertificate } from '../transports/ftp.js';
export { folderTransportSchema, isAbsoluteLocalPath } from '../transports/folder.js';
export { sftpTransportSchema } from '../transports/sftp.js';
export { transportSchema, type TransportSettings } from '../transports/index.js';

export const wmsFoldersSchema = z.object({
  orders: folderPath.default('orders'),
  confirmations: folderPath.default('confirmations'),
  inventory: folderPath.default('inventory'),
  /**
   * When the warehouse marks a finished file with a second, empty file of the same name plus this suffix
   * (".done": stock.csv.done next to stock.csv), only files with their marker are read, and the marker is
   * archived with its file. Empty or absent: a file is read once its size stays the same across two looks.
   */
  doneMarker: z
    .string()
    .trim()
    .max(20, 'A done-marker is at most 20 characters')
    .regex(/^(\.[A-Za-z0-9_-]+)?$/, 'A done-marker is a suffix such as ".done" or ".ok": a dot, then letters or digits')
    .optional(),
});

export const csvWmsSettingsSchema = z.object({
  kind: z.literal('csv'),
  transport: transportSchema,
  /** client_then_wms: /<merchant folder>/<orders>; wms_then_client: /<orders>/<merchant folder>. */
  folderOrder: z.enum(['client_then_wms', 'wms_then_client']).default('client_then_wms'),
  folders: wmsFoldersSchema.default({ orders: 'orders', confirmations: 'confirmations', inventory: 'inventory' }),
  /**
   * The saved file formats (file_formats ids) the warehouse's files use; a merchant may override each.
   * A kind without an id is given one when the setup is saved (from its embedded profile, else the standard one).
   */
  formats: formatIdsSchema.optional(),
  /**
   * Before migration 013 the formats were embedded here. Still read (old settings, an old client's save):
   * saving turns them into format records and keeps only the ids (main/engine/formats/adopt-formats.ts).
   */
  orderProfile: orderFileProfileSchema.optional(),
  confirmationProfile: confirmationFileProfileSchema.optional(),
  inventoryProfile: inventoryFileProfileSchema.optional(),
});
export type CsvWmsSettings = z.infer<typeof csvWmsSettingsSchema>;

/** Every secret any transport takes (password, private key, passphrase), each optional. */
export const wmsSecretsSchema = transportSecretsSchema;
export type WmsSecrets = z.infer<typeof wmsSecretsSchema>;

export const wmsSettingsSchema = csvWmsSettingsSchema;
export type WmsSettings = CsvWmsSettings;

/**
 * Where the transport sends its secrets, as a person reads it ("ftps://ftp.example.com:21",
 * "sftp://files.example.com:22"), or null when it sends none (a folder). The transport's descriptor
 * says (shared/transports). A saved secret goes only to the address it was saved for.
 */
export function wmsSecretAddress(settings: { transport: TransportSettings }): string | null {
  return transportSecretAddress(settings.transport);
}
