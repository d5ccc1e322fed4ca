import type { FieldErrors } from '../../../../../shared/errors.js';
import { CSV_ORDER_COLUMNS, csvCartSettingsSchema, type CsvCartSettings, type CsvOrderColumn } from '../../../../../shared/platforms/csv.js';
import {
  missingSecret,
  newTransportDraft,
  pinnedCertificateFor,
  transportDraftFrom,
  transportSecretsFrom,
  transportSettingsFrom,
  type TransportDraft,
} from '../../../components/transports/transport-draft.js';

/**
 * The CSV order source's form values as typed, and their conversion to the cart input's settings and
 * credentials. The transport's values are the same as the WMS form's (components/transports/).
 */

type Mapping = CsvCartSettings['mapping'];

export interface CsvDraft extends TransportDraft {
  /**
   * Saved before certificates were pinned: "accept any self-signed certificate", and none accepted since.
   * Such a source is refused until a person looks at the certificate on Test and accepts it.
   */
  legacySelfSigned: boolean;
  folder: string;
  minFileAgeSeconds: string;
  archiveFolder: string;
  trackingFolder: string;
  stockFolder: string;
  itemListFile: string;
  delimiter: Mapping['delimiter'];
  headerRow: boolean;
  layout: Mapping['layout'];
  maxItemsPerRow: string;
  dateFormat: Mapping['dateFormat'];
  timeZone: string;
  columns: Record<CsvOrderColumn, string>;
}

export const REQUIRED_COLUMNS: readonly CsvOrderColumn[] = ['orderNumber', 'sku', 'quantity'];

export function csvDraftFromSettings(s: CsvCartSettings): CsvDraft {
  const t = s.transport;
  const columns = Object.fromEntries(CSV_ORDER_COLUMNS.map((c) => [c, s.mapping.columns[c] ?? ''])) as Record<CsvOrderColumn, string>;
  return {
    ...transportDraftFrom(t),
    legacySelfSigned: t.kind === 'ftp' && t.security === 'explicit' && t.allowSelfSigned && !t.pinnedCertificate,
    folder: s.folder,
    minFileAgeSeconds: String(s.minFileAgeSeconds),
    archiveFolder: s.archiveFolder,
    trackingFolder: s.trackingFolder,
    stockFolder: s.stockFolder,
    itemListFile: s.itemListFile,
    delimiter: s.mapping.delimiter,
    headerRow: s.mapping.headerRow,
    layout: s.mapping.layout,
    maxItemsPerRow: String(s.mapping.maxItemsPerRow),
    dateFormat: s.mapping.dateFormat,
    timeZone: s.mapping.timeZone,
    columns,
  };
}

const NEW_SETTINGS = {
  transport: { kind: 'folder', path: '/new' },
  folder: 'orders',
  archiveFolder: 'orders/archive',
  mapping: { columns: { orderNumber: 'Order Number', orderDate: 'Order Date', name: 'Name', address1: 'Address 1', address2: 'Address 2', city: 'City', state: 'State', zip: 'Zip', country: 'Country', email: 'Email', phone: 'Phone', shipCode: 'Ship Method', sku: 'SKU', quantity: 'Quantity', price: 'Price' } },
};

export function newCsvDraft(): CsvDraft {
  return { ...csvDraftFromSettings(csvCartSettingsSchema.parse(NEW_SETTINGS)), ...newTransportDraft() };
}

/** A saved source's values; settings that no longer parse start a new draft. */
export function csvDraftFromSaved(settings: Record<string, unknown>): CsvDraft {
  const parsed = csvCartSettingsSchema.safeParse(settings);
  return parsed.success ? csvDraftFromSettings(parsed.data) : newCsvDraft();
}

const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

export function csvSettingsFromDraft(draft: CsvDraft): unknown {
  const transport = transportSettingsFrom(draft);
  // An old "accept any self-signed certificate" stays until a certificate is accepted: it trusts nothing
  // now, but its refusal tells the person why the source stopped connecting.
  const legacy = draft.legacySelfSigned && transport.kind === 'ftp' && transport.security === 'explicit' && !pinnedCertificateFor(draft) ? { allowSelfSigned: true } : {};
  // A blank optional column is left out: the file does not have it.
  const columns = Object.fromEntries(Object.entries(draft.columns).filter(([key, value]) => value.trim() !== '' || REQUIRED_COLUMNS.includes(key as CsvOrderColumn)).map(([k, v]) => [k, v.trim()]));
  return {
    transport: { ...transport, ...legacy },
    folder: draft.folder.trim(),
    minFileAgeSeconds: toNumber(draft.minFileAgeSeconds),
    archiveFolder: draft.archiveFolder.trim(),
    trackingFolder: draft.trackingFolder.trim(),
    stockFolder: draft.stockFolder.trim(),
    itemListFile: draft.itemListFile.trim(),
    mapping: {
      delimiter: draft.delimiter,
      headerRow: draft.headerRow,
      layout: draft.layout,
      maxItemsPerRow: toNumber(draft.maxItemsPerRow),
      dateFormat: draft.dateFormat,
      timeZone: draft.timeZone.trim(),
      columns,
    },
  };
}

/** Settings and the secrets typed: blank ones are left out, so the saved ones stay. */
export function csvInputFromDraft(draft: CsvDraft): { settings: unknown; credentials?: Record<string, string> } {
  const secrets = Object.fromEntries(Object.entries(transportSecretsFrom(draft)).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  return { settings: csvSettingsFromDraft(draft), ...(Object.keys(secrets).length > 0 ? { credentials: secrets } : {}) };
}

/** The secret the source cannot connect without, when none is typed or saved. */
export function csvMissingCredentials(draft: CsvDraft, hasSavedCredentials: boolean): FieldErrors {
  const missing = missingSecret(draft, hasSavedCredentials, 'credentials');
  if (!missing) return {};
  const ftp = draft.transport === 'ftp' || draft.transport === 'ftps';
  return { [missing.field]: ftp ? 'Enter the FTP password, or tick Anonymous login' : missing.message };
}

/** An SFTP server key or an FTPS certificate changes who Dockhand trusts: the screen says so before Save. */
export function needsServerCheck(draft: CsvDraft): 'host_key' | 'certificate' | null {
  if (draft.transport === 'sftp' && draft.hostKeyFingerprint.trim() === '') return 'host_key';
  if (draft.legacySelfSigned && draft.transport === 'ftps' && !pinnedCertificateFor(draft)) return 'certificate';
  return null;
}
