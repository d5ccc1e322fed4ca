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

/** A folder name as the IMAP server tells folders apart: no slashes at its ends, case ignored (INBOX is any case). */
function mailboxKey(folder: string): string {
  return folder.trim().replace(/^[\\/]+|[\\/]+$/g, '').toLowerCase();
}

/** The e-mail settings' folders, when the rest of the input is far enough along to judge them. */
function emailFolders(value: unknown): { confirmations?: unknown; inventory?: unknown; doneMarker?: unknown } | undefined {
  const v = value as { transport?: { kind?: unknown }; folders?: unknown } | null | undefined;
  if (v?.transport?.kind !== 'email' || typeof v.folders !== 'object' || v.folders === null) return undefined;
  return v.folders;
}

/**
 * Mail has no done-marker files (a message arrives whole): with one set, no file would ever be read.
 * Checked even while other fields are wrong (`when`), so the form shows every problem at once.
 */
const EMAIL_NO_DONE_MARKER = {
  message: 'E-mail has no done-markers (a message arrives whole, so no file would ever be read): leave the done-marker empty.',
  path: ['folders', 'doneMarker'],
  when: (payload: { value: unknown }) => emailFolders(payload.value) !== undefined,
};

function hasNoDoneMarker(value: unknown): boolean {
  const marker = emailFolders(value)?.doneMarker;
  return typeof marker !== 'string' || marker.trim() === '';
}

/** One IMAP folder for confirmations and inventory would hand each service the other's attachments. */
function inboundFoldersDiffer(value: unknown): boolean {
  const folders = emailFolders(value);
  if (typeof folders?.confirmations !== 'string' || typeof folders.inventory !== 'string') return true;
  return mailboxKey(folders.confirmations) !== mailboxKey(folders.inventory);
}

const EMAIL_SEPARATE_INBOUND_FOLDERS = {
  message: "By e-mail, confirmations and inventory need an IMAP folder each, or each would read the other's files: give the inventory folder another name than the confirmations folder, such as inventory.",
  path: ['folders', 'inventory'],
  when: (payload: { value: unknown }) => emailFolders(payload.value) !== undefined,
};

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
})
  .refine(hasNoDoneMarker, EMAIL_NO_DONE_MARKER)
  .refine(inboundFoldersDiffer, EMAIL_SEPARATE_INBOUND_FOLDERS);
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
