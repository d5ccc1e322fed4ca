import { z } from 'zod';
import {
  confirmationFileProfileSchema,
  inventoryFileProfileSchema,
  orderFileProfileSchema,
} from './csv-profile.js';

/**
 * The account's one WMS. For now the CSV-file WMS with its transports (FTP / explicit FTPS, or a local
 * or shared folder). Secrets (the FTP password) travel in `secrets` on input and are never returned.
 */

const folderPath = z
  .string()
  .max(500)
  .refine((p) => !p.split(/[\\/]/).includes('..'), 'A folder may not contain ".."');

export const ftpTransportSchema = z.object({
  kind: z.literal('ftp'),
  host: z.string().min(1, 'Enter the FTP server host').max(255),
  port: z.number({ error: 'Enter the port: a whole number from 1 to 65535 (FTP is usually 21)' }).int('Enter a whole number from 1 to 65535').min(1, 'The port is a number from 1 to 65535').max(65535, 'The port is a number from 1 to 65535').default(21),
  user: z.string().min(1, 'Enter the FTP user').max(255),
  /** none = plain FTP; explicit = FTPS with AUTH TLS on the control port. */
  security: z.enum(['none', 'explicit']).default('none'),
  /** Accept a self-signed server certificate (common on site servers); off by default. */
  allowSelfSigned: z.boolean().default(false),
  passive: z.boolean().default(true),
  /** Base folder on the server that every path below is relative to. */
  root: folderPath.default('/'),
});

export const folderTransportSchema = z.object({
  kind: z.literal('folder'),
  path: z.string().min(1, 'Choose a folder').max(1000),
});

export const transportSchema = z.discriminatedUnion('kind', [ftpTransportSchema, folderTransportSchema]);
export type TransportSettings = z.infer<typeof transportSchema>;

export const wmsFoldersSchema = z.object({
  orders: folderPath.default('orders'),
  confirmations: folderPath.default('confirmations'),
  inventory: folderPath.default('inventory'),
});

export const csvWmsSettingsSchema = z.object({
  kind: z.literal('csv'),
  transport: transportSchema,
  /** client_then_wms: /<merchant folder>/<orders>; wms_then_client: /<orders>/<merchant folder>. */
  folderOrder: z.enum(['client_then_wms', 'wms_then_client']).default('client_then_wms'),
  folders: wmsFoldersSchema.default({ orders: 'orders', confirmations: 'confirmations', inventory: 'inventory' }),
  orderProfile: orderFileProfileSchema,
  confirmationProfile: confirmationFileProfileSchema,
  inventoryProfile: inventoryFileProfileSchema,
});
export type CsvWmsSettings = z.infer<typeof csvWmsSettingsSchema>;

export const wmsSecretsSchema = z.object({ password: z.string().max(1000).optional() });
export type WmsSecrets = z.infer<typeof wmsSecretsSchema>;

export const wmsSettingsSchema = csvWmsSettingsSchema;
export type WmsSettings = CsvWmsSettings;

/**
 * Where the transport sends the password, as a person reads it ("ftps://ftp.example.com:21"), or null
 * when it sends none (a folder). The scheme is part of it: a password saved for FTPS must not go out
 * in the clear over plain FTP to the same host. A saved password goes only to the address it was saved for.
 */
export function wmsSecretAddress(settings: { transport: TransportSettings }): string | null {
  const t = settings.transport;
  switch (t.kind) {
    case 'ftp':
      return `${t.security === 'explicit' ? 'ftps' : 'ftp'}://${t.host.trim().toLowerCase()}:${t.port}`;
    case 'folder':
      return null;
    default:
      return unknownTransport(t);
  }
}

function unknownTransport(t: never): never {
  throw new Error(`No secret address for transport ${(t as { kind: string }).kind}`);
}
