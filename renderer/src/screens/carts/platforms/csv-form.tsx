import type { FieldErrors } from '../../../../../shared/errors.js';
import { CSV_LINE_COLUMNS, CSV_ORDER_COLUMNS, csvCartSettingsSchema, type CsvCartSettings, type CsvOrderColumn } from '../../../../../shared/platforms/csv.js';
import { DATE_FORMATS } from '../../../../../shared/schemas/csv-profile.js';
import { CheckboxField, SelectField, TextField } from '../../../components/field.js';
import type { PlatformForm, PlatformSectionProps } from '../platform-form.js';

/**
 * CSV order files: where the files are (an FTP/FTPS server or a folder), the folders Dockhand reads,
 * archives to and writes tracking and stock into, and the mapping of the merchant's columns.
 */

type Mapping = CsvCartSettings['mapping'];
type TransportChoice = 'ftp' | 'ftps' | 'folder';

interface CsvDraft {
  transport: TransportChoice;
  host: string;
  port: string;
  user: string;
  anonymous: boolean;
  password: string;
  allowSelfSigned: boolean;
  root: string;
  folderPath: string;
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

const TRANSPORT_OPTIONS: { value: TransportChoice; label: string }[] = [
  { value: 'ftp', label: 'FTP server' },
  { value: 'ftps', label: 'FTPS server (explicit TLS)' },
  { value: 'folder', label: 'Folder on this computer or a share' },
];

const DELIMITER_OPTIONS: { value: Mapping['delimiter']; label: string }[] = [
  { value: ',', label: 'Comma ,' },
  { value: ';', label: 'Semicolon ;' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Pipe |' },
];

const DATE_FORMAT_OPTIONS = DATE_FORMATS.map((f) => ({ value: f, label: f === 'ISO' ? 'ISO 8601 (2026-04-03T14:30:00Z)' : f }));

const COLUMN_LABELS: Record<CsvOrderColumn, string> = {
  orderNumber: 'Order number',
  orderDate: 'Order date',
  name: 'Customer name (one column)',
  firstName: 'First name',
  lastName: 'Last name',
  company: 'Company',
  address1: 'Address line 1',
  address2: 'Address line 2',
  city: 'City',
  state: 'State or province',
  zip: 'Postal code',
  country: 'Country',
  email: 'Email',
  phone: 'Phone',
  shipCode: 'Ship method code',
  sku: 'SKU',
  quantity: 'Quantity',
  price: 'Unit price',
  lineId: 'Line id',
  productName: 'Product name',
};

const REQUIRED_COLUMNS: readonly CsvOrderColumn[] = ['orderNumber', 'sku', 'quantity'];

function CsvCredentials({ draft, change, errors, hasSavedCredentials }: PlatformSectionProps<CsvDraft>) {
  return (
    <>
      <SelectField label="Where the order files are" value={draft.transport} onValue={(t) => change({ transport: t as TransportChoice })} options={TRANSPORT_OPTIONS} />
      {draft.transport === 'folder' ? (
        <TextField
          label="Folder"
          value={draft.folderPath}
          onValue={(folderPath) => change({ folderPath })}
          error={errors['settings.transport.path']}
          placeholder="/srv/merchants/acme or C:\Merchants\Acme"
          hint="The full path of the folder; the order, archive and tracking folders below are inside it."
          autoComplete="off"
        />
      ) : (
        <>
          <div className="wms-form__row">
            <TextField label="Host" value={draft.host} onValue={(host) => change({ host })} error={errors['settings.transport.host']} placeholder="ftp.merchant.example" autoComplete="off" />
            <TextField label="Port" type="number" min={1} max={65535} value={draft.port} onValue={(port) => change({ port })} error={errors['settings.transport.port']} className="wms-form__port" />
          </div>
          <CheckboxField label="Anonymous login" checked={draft.anonymous} onChecked={(anonymous) => change({ anonymous })} hint="Logs in as “anonymous” with no password, where the server allows it." />
          {draft.anonymous ? null : (
            <>
              <TextField label="User" value={draft.user} onValue={(user) => change({ user })} error={errors['settings.transport.user']} autoComplete="off" />
              <TextField
                label="Password"
                type="password"
                value={draft.password}
                onValue={(password) => change({ password })}
                error={errors['credentials.password']}
                autoComplete="new-password"
                hint={
                  hasSavedCredentials
                    ? 'A password is saved and is never shown. Leave blank to keep it; type a new one to replace it. Another host, port or security needs it typed again.'
                    : 'The password the merchant gave for this FTP user.'
                }
              />
            </>
          )}
          <TextField label="Root folder" value={draft.root} onValue={(root) => change({ root })} error={errors['settings.transport.root']} hint="From the top of the server: / or /acme. The folders below are inside it." />
          {draft.transport === 'ftps' ? (
            <CheckboxField
              label="Allow a self-signed certificate"
              checked={draft.allowSelfSigned}
              onChecked={(allowSelfSigned) => change({ allowSelfSigned })}
              hint="Leave off when the server has a certificate from a public authority."
            />
          ) : null}
        </>
      )}
      <TextField label="Order folder" value={draft.folder} onValue={(folder) => change({ folder })} error={errors['settings.folder']} placeholder="orders" hint="Where the merchant puts its order files. Blank: the folder above itself." />
      <TextField
        label="Leave new files alone for (seconds)"
        type="number"
        min={0}
        max={3600}
        value={draft.minFileAgeSeconds}
        onValue={(minFileAgeSeconds) => change({ minFileAgeSeconds })}
        error={errors['settings.minFileAgeSeconds']}
        hint="A file written less than this long ago may still be uploading; it is read by a later download. 0: read every file at once."
      />
      <TextField
        label="Archive folder"
        value={draft.archiveFolder}
        onValue={(archiveFolder) => change({ archiveFolder })}
        error={errors['settings.archiveFolder']}
        hint="A file is moved here once its orders are saved. A file that cannot be read stays in the order folder and is reported."
      />
    </>
  );
}

function CsvOptions({ draft, change, errors }: PlatformSectionProps<CsvDraft>) {
  const setColumn = (key: CsvOrderColumn, value: string) => change({ columns: { ...draft.columns, [key]: value } });
  const columnHint = (key: CsvOrderColumn) => {
    const byNumber = draft.headerRow ? 'The column’s header text' : 'The column’s number (1 = the first)';
    const numbered = draft.layout === 'horizontal' && (CSV_LINE_COLUMNS as readonly string[]).includes(key) ? ', with {n} for the item number (SKU{n})' : '';
    return `${byNumber}${numbered}.${REQUIRED_COLUMNS.includes(key) ? '' : ' Blank: not in the file.'}`;
  };
  return (
    <>
      <h3>The order file</h3>
      <div className="wms-form__row">
        <SelectField label="Delimiter" value={draft.delimiter} onValue={(d) => change({ delimiter: d as Mapping['delimiter'] })} options={DELIMITER_OPTIONS} error={errors['settings.mapping.delimiter']} />
        <SelectField label="Order date format" value={draft.dateFormat} onValue={(f) => change({ dateFormat: f as Mapping['dateFormat'] })} options={DATE_FORMAT_OPTIONS} error={errors['settings.mapping.dateFormat']} />
      </div>
      <CheckboxField label="The first row holds the column names" checked={draft.headerRow} onChecked={(headerRow) => change({ headerRow })} error={errors['settings.mapping.headerRow']} />
      <SelectField
        label="Items"
        value={draft.layout}
        onValue={(layout) => change({ layout: layout as Mapping['layout'] })}
        options={[
          { value: 'vertical', label: 'One row per item, the order’s columns repeated' },
          { value: 'horizontal', label: 'Several items per row, in numbered columns' },
        ]}
        error={errors['settings.mapping.layout']}
      />
      {draft.layout === 'horizontal' ? (
        <TextField label="Items per row, at most" type="number" min={1} max={100} value={draft.maxItemsPerRow} onValue={(maxItemsPerRow) => change({ maxItemsPerRow })} error={errors['settings.mapping.maxItemsPerRow']} />
      ) : null}
      <TextField
        label="Time zone of the dates"
        value={draft.timeZone}
        onValue={(timeZone) => change({ timeZone })}
        error={errors['settings.mapping.timeZone']}
        hint="Dates written without a zone are read in this one, such as UTC or America/Chicago. Dates are read only in the format above, never guessed."
      />
      <h3>Columns</h3>
      <div className="form-columns">
        {CSV_ORDER_COLUMNS.map((key) => (
          <TextField key={key} label={COLUMN_LABELS[key]} value={draft.columns[key]} onValue={(value) => setColumn(key, value)} error={errors[`settings.mapping.columns.${key}`]} hint={columnHint(key)} autoComplete="off" />
        ))}
      </div>
      <h3>Sent back to the merchant</h3>
      <TextField
        label="Tracking folder"
        value={draft.trackingFolder}
        onValue={(trackingFolder) => change({ trackingFolder })}
        error={errors['settings.trackingFolder']}
        hint="Each shipment is written here as a CSV file (order number, line id, SKU, quantity, carrier, tracking number). Blank: tracking is not sent back."
      />
      <TextField
        label="Stock folder"
        value={draft.stockFolder}
        onValue={(stockFolder) => change({ stockFolder })}
        error={errors['settings.stockFolder']}
        hint="Stock levels from the warehouse are written here as a CSV file (SKU, quantity). Blank: stock is not sent."
      />
      <TextField
        label="Item list file"
        value={draft.itemListFile}
        onValue={(itemListFile) => change({ itemListFile })}
        error={errors['settings.itemListFile']}
        hint="Optional: a CSV file of the merchant’s SKUs (its SKU column, or the first). Stock of other SKUs is reported, not written."
      />
    </>
  );
}

function draftFromSettings(s: CsvCartSettings): CsvDraft {
  const t = s.transport;
  const columns = Object.fromEntries(CSV_ORDER_COLUMNS.map((c) => [c, s.mapping.columns[c] ?? ''])) as Record<CsvOrderColumn, string>;
  return {
    transport: t.kind === 'folder' ? 'folder' : t.kind === 'ftp' && t.security === 'explicit' ? 'ftps' : 'ftp',
    host: t.kind === 'ftp' ? t.host : '',
    port: t.kind === 'ftp' ? String(t.port) : '21',
    user: t.kind === 'ftp' ? t.user : '',
    anonymous: t.kind === 'ftp' && t.anonymous === true,
    password: '',
    allowSelfSigned: t.kind === 'ftp' && t.allowSelfSigned,
    root: t.kind === 'ftp' ? t.root : '/',
    folderPath: t.kind === 'folder' ? t.path : '',
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

const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

export function csvSettingsFromDraft(draft: CsvDraft): unknown {
  const transport =
    draft.transport === 'folder'
      ? { kind: 'folder', path: draft.folderPath.trim() }
      : {
          kind: 'ftp',
          host: draft.host.trim(),
          port: draft.port.trim() === '' ? 21 : toNumber(draft.port),
          ...(draft.anonymous ? { anonymous: true, user: '' } : { user: draft.user.trim() }),
          security: draft.transport === 'ftps' ? 'explicit' : 'none',
          allowSelfSigned: draft.transport === 'ftps' && draft.allowSelfSigned,
          passive: true,
          root: draft.root.trim() || '/',
        };
  // A blank optional column is left out: the file does not have it.
  const columns = Object.fromEntries(Object.entries(draft.columns).filter(([key, value]) => value.trim() !== '' || REQUIRED_COLUMNS.includes(key as CsvOrderColumn)).map(([k, v]) => [k, v.trim()]));
  return {
    transport,
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

export const csvForm: PlatformForm<CsvDraft> = {
  platform: 'csv',
  newDraft: () => ({ ...draftFromSettings(csvCartSettingsSchema.parse(NEW_SETTINGS)), transport: 'ftp', folderPath: '' }),
  draftFromSaved(settings) {
    const parsed = csvCartSettingsSchema.safeParse(settings);
    return parsed.success ? draftFromSettings(parsed.data) : csvForm.newDraft();
  },
  toInput(draft) {
    const needsPassword = draft.transport !== 'folder' && !draft.anonymous;
    return { settings: csvSettingsFromDraft(draft), ...(needsPassword && draft.password !== '' ? { credentials: { password: draft.password } } : {}) };
  },
  checkCredentials(draft, hasSavedCredentials): FieldErrors {
    if (draft.transport === 'folder' || draft.anonymous || draft.password !== '' || hasSavedCredentials) return {};
    return { 'credentials.password': 'Enter the FTP password, or tick Anonymous login' };
  },
  shownFields: [
    'settings.transport.host',
    'settings.transport.port',
    'settings.transport.user',
    'settings.transport.root',
    'settings.transport.path',
    'credentials.password',
    'settings.folder',
    'settings.minFileAgeSeconds',
    'settings.archiveFolder',
    'settings.trackingFolder',
    'settings.stockFolder',
    'settings.itemListFile',
    'settings.mapping.delimiter',
    'settings.mapping.headerRow',
    'settings.mapping.layout',
    'settings.mapping.maxItemsPerRow',
    'settings.mapping.dateFormat',
    'settings.mapping.timeZone',
    ...CSV_ORDER_COLUMNS.map((c) => `settings.mapping.columns.${c}`),
  ],
  Credentials: CsvCredentials,
  Options: CsvOptions,
};
