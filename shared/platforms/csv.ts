import { z } from 'zod';
import { DATE_FORMATS, delimiterSchema } from '../schemas/csv-profile.js';
import { transportSchema, wmsSecretAddress, type TransportSettings } from '../schemas/wms.js';
import { transportRequiredSecrets, transportSecretsSchema } from '../transports/index.js';
import { PRIVATE_KEY_TEXT_PATTERN } from '../transports/sftp.js';
import type { CartPlatform, CredentialField } from './cart-platform.js';
import { notStartedText, parseJsonObject, UNREADABLE_POSITION, type SyncPositionText } from './sync-position.js';

/**
 * A merchant whose orders arrive as CSV files (issue 10, "CSV order source"): files picked up from an
 * FTP/FTPS server or a folder, read by the merchant's own mapping, archived once their orders are saved,
 * and tracking written back as a CSV file where the merchant wants it. The mapping is a small record on
 * purpose: the file warehouse issue (11) turns file layouts into records of their own, and this one is
 * meant to become one of its inbound formats.
 */

/** A folder under the transport's root ("orders", "in/acme"); "" is the root itself. */
const relativeFolder = z
  .string()
  .trim()
  .max(500, 'Keep the folder under 500 characters')
  .refine((p) => !p.split(/[\\/]/).includes('..'), 'A folder may not contain ".."');

/** A column: its header text, or its number (1 = the first column) when the files have no header row. */
const columnRef = z.string().trim().max(200, 'Keep the column name under 200 characters');
const requiredColumn = (what: string) => columnRef.min(1, `Enter the column that holds the ${what}`);

export const CSV_ORDER_COLUMNS = [
  'orderNumber',
  'orderDate',
  'name',
  'firstName',
  'lastName',
  'company',
  'address1',
  'address2',
  'city',
  'state',
  'zip',
  'country',
  'email',
  'phone',
  'shipCode',
  'sku',
  'quantity',
  'price',
  'lineId',
  'productName',
] as const;
export type CsvOrderColumn = (typeof CSV_ORDER_COLUMNS)[number];

/** The columns that repeat per item in a horizontal file ("SKU{n}", "Qty{n}"). */
export const CSV_LINE_COLUMNS = ['sku', 'quantity', 'price', 'lineId', 'productName'] as const satisfies readonly CsvOrderColumn[];

export const csvOrderMappingSchema = z
  .object({
    delimiter: delimiterSchema.default(','),
    headerRow: z.boolean().default(true),
    /** vertical: one row per item, the order's columns repeated; horizontal: items side by side in numbered columns. */
    layout: z.enum(['vertical', 'horizontal']).default('vertical'),
    /** Horizontal: how many numbered item columns a row may have ("SKU1" ... "SKU10"). */
    maxItemsPerRow: z.number({ error: 'Enter how many items a row holds, from 1 to 100' }).int('Enter a whole number from 1 to 100').min(1, 'Enter a number from 1 to 100').max(100, 'Enter a number from 1 to 100').default(10),
    /** How order dates are written; never guessed (03/04 is not read as either month). */
    dateFormat: z.enum(DATE_FORMATS).default('YYYY-MM-DD'),
    /** The zone of dates written without one. */
    timeZone: z.string().trim().min(1, 'Enter a time zone such as UTC or America/Chicago').max(100).default('UTC'),
    columns: z.object({
      orderNumber: requiredColumn('order number'),
      sku: requiredColumn('SKU'),
      quantity: requiredColumn('quantity'),
      ...Object.fromEntries(
        CSV_ORDER_COLUMNS.filter((c) => c !== 'orderNumber' && c !== 'sku' && c !== 'quantity').map((c) => [c, columnRef.optional()]),
      ) as Record<Exclude<CsvOrderColumn, 'orderNumber' | 'sku' | 'quantity'>, z.ZodOptional<typeof columnRef>>,
    }),
  })
  .check((ctx) => {
    const m = ctx.value;
    const named = Object.entries(m.columns).filter(([, ref]) => ref !== undefined && ref !== '');
    if (!m.headerRow) {
      for (const [key, ref] of named) {
        if (!/^\d+$/.test(ref as string) || Number(ref) < 1) {
          ctx.issues.push({ code: 'custom', message: 'Without a header row, name a column by its number (1 = the first column)', path: ['columns', key], input: ref });
        }
      }
      if (m.layout === 'horizontal') {
        ctx.issues.push({ code: 'custom', message: 'A horizontal file needs a header row: its item columns are found by their numbered names', path: ['layout'], input: m.layout });
      }
    }
    if (m.headerRow && m.layout === 'horizontal') {
      for (const key of CSV_LINE_COLUMNS) {
        const ref = m.columns[key];
        if (ref && !ref.includes('{n}')) {
          ctx.issues.push({ code: 'custom', message: 'Put {n} where the item number goes, such as SKU{n}', path: ['columns', key], input: ref });
        }
      }
    }
  });
export type CsvOrderMapping = z.infer<typeof csvOrderMappingSchema>;

export const csvCartSettingsSchema = z.object({
  /** Where the files are: an FTP/FTPS or SFTP server, or an absolute folder on this computer or a share. */
  // E-mail is offered for a WMS only: this source writes tracking and stock files back where it reads
  // orders, which by e-mail would need the merchant's own addresses (renderer SOURCE_TRANSPORTS).
  transport: transportSchema.refine((t) => t.kind !== 'email', 'E-mail is offered for the WMS only; choose FTP, SFTP or a folder for a CSV order source'),
  /** The folder the order files arrive in, under the server's root folder or the local folder. */
  folder: relativeFolder.default(''),
  /**
   * A file written less than this long ago may still be arriving (an upload in progress): it is read by
   * a later run. 0 reads every file at once (for merchants that upload under a temporary name).
   */
  minFileAgeSeconds: z.number({ error: 'Enter how many seconds a file must be left alone, from 0 to 3600' }).int('Enter a whole number of seconds').min(0, 'Enter a number from 0 to 3600').max(3600, 'Enter a number from 0 to 3600').default(60),
  /** Where a file goes once its orders are saved. */
  archiveFolder: relativeFolder.min(1, 'Enter the archive folder, such as archive').default('archive'),
  /** Tracking written back as one CSV file per shipment into this folder; empty: tracking is not sent back. */
  trackingFolder: relativeFolder.default(''),
  /** Stock levels written as a CSV file into this folder; empty: stock is not sent. */
  stockFolder: relativeFolder.default(''),
  /**
   * The merchant's item list (a CSV file whose first column, or its "SKU" column, holds the SKUs it
   * sells), under the same root: stock of other SKUs is reported as unknown and left out. Empty: every
   * SKU the warehouse reports is written.
   */
  itemListFile: relativeFolder.default(''),
  mapping: csvOrderMappingSchema,
});
export type CsvCartSettings = z.infer<typeof csvCartSettingsSchema>;

/** The secrets of any transport (an FTP or SFTP password, an SFTP private key and its passphrase). */
export const csvCartCredentialsSchema = transportSecretsSchema;
export type CsvCartCredentials = z.infer<typeof csvCartCredentialsSchema>;

/**
 * The FTP password, unless the files are in a folder or the server takes an anonymous login; for any
 * other transport what its descriptor asks for (an SFTP password or private key).
 */
export function csvRequiredCredentials(settings: { transport: TransportSettings }): Record<string, CredentialField> {
  const t = settings.transport;
  if (t.kind !== 'ftp') return transportRequiredSecrets(t);
  return !t.anonymous ? { password: { label: `the password of FTP user ${t.user || '(none)'}`, noun: 'password' } } : {};
}

// ---- the sync position: which files were handed over (their orders saved) and wait to be archived ----

/** A file as it was seen when handed over: a file re-sent under the same name is a new file. */
export interface HandedFile {
  name: string;
  size: number;
  modifiedAt?: string;
}

const handedFileSchema = z.object({ name: z.string().min(1), size: z.number().int().min(0), modifiedAt: z.string().optional() });
const csvPositionSchema = z.object({
  v: z.literal(1),
  handed: z.array(handedFileSchema).max(100_000),
  /** Files reported as unreadable and left in the folder: not reported again until they change. */
  kept: z.array(handedFileSchema).max(100_000).default([]),
});

export interface CsvPosition {
  handed: HandedFile[];
  kept: HandedFile[];
}

/** The saved position, or null when the text is not a CSV source position. */
export function readCsvPosition(position: string): CsvPosition | null {
  const parsed = csvPositionSchema.safeParse(parseJsonObject(position.trim()));
  return parsed.success ? { handed: parsed.data.handed, kept: parsed.data.kept } : null;
}

const fileEntry = (f: HandedFile) => ({ name: f.name, size: f.size, ...(f.modifiedAt ? { modifiedAt: f.modifiedAt } : {}) });

export function writeCsvPosition(position: CsvPosition): string {
  return JSON.stringify({ v: 1, handed: position.handed.map(fileEntry), ...(position.kept.length > 0 ? { kept: position.kept.map(fileEntry) } : {}) });
}

const EDIT_HINT =
  'The files already handed over, as {"v":1,"handed":[...]}. {"v":1,"handed":[]} reads every file in the folder again (orders already downloaded are not duplicated).';

function describeCsvPosition(position: string | null, earliestOrderDate: string): SyncPositionText {
  if (position === null) {
    return { summary: `${notStartedText(earliestOrderDate)} Every file in the folder is read.`, unreadable: false, editHint: EDIT_HINT, editValue: writeCsvPosition({ handed: [], kept: [] }) };
  }
  const read = readCsvPosition(position);
  if (read === null) return { summary: UNREADABLE_POSITION, unreadable: true, editHint: EDIT_HINT, editValue: position };
  const { handed, kept } = read;
  const files = handed.length === 1 ? `1 file (${handed[0].name})` : `${handed.length} files`;
  const summary =
    handed.length === 0
      ? 'Every file in the folder is read by the next download.'
      : `${files} handed over with their orders saved: moved to the archive by the next download, which reads every other file in the folder.`;
  const held = kept.length === 0 ? '' : ` ${kept.length === 1 ? '1 unreadable file waits' : `${kept.length} unreadable files wait`} in the folder to be fixed (read again once changed).`;
  return { summary: `${summary}${held}`, unreadable: false, editHint: EDIT_HINT, editValue: position };
}

export const csvPlatform = {
  platform: 'csv',
  displayName: 'CSV order files',
  blurb: 'Orders arrive as CSV files on an FTP/FTPS or SFTP server or in a folder, read by a column mapping you set up.',
  // per_line: each tracking file names the lines and quantities its package carries.
  capabilities: { shipments: true, inventory: true, tracking: 'per_line' },
  settingsSchema: csvCartSettingsSchema,
  credentialsSchema: csvCartCredentialsSchema,
  // The password goes only to the server (scheme, host and port) it was saved for.
  secretAddress: (settings) => wmsSecretAddress(settings),
  requiredCredentials: csvRequiredCredentials,
  // A password never shows up in text by a pattern of its own (the log redacts it by field name); a
  // pasted SFTP private key does, whatever field it sits in.
  secretPatterns: [PRIVATE_KEY_TEXT_PATTERN],
  // The tracking file carries the warehouse's own carrier names.
  carriers: { names: {}, custom: 'name_and_url' },
  linkSites: [],
  describeSyncPosition: describeCsvPosition,
} satisfies CartPlatform<'csv', typeof csvCartSettingsSchema, typeof csvCartCredentialsSchema>;
