import { CSV_LINE_COLUMNS, CSV_ORDER_COLUMNS, type CsvCartSettings, type CsvOrderColumn } from '../../../../../shared/platforms/csv.js';
import { DATE_FORMATS } from '../../../../../shared/schemas/csv-profile.js';
import { CheckboxField, SelectField, TextField } from '../../../components/field.js';
import { Banner } from '../../../components/states.js';
import { SOURCE_TRANSPORTS, transportFields } from '../../../components/transports/index.js';
import { transportChange, type TransportChoice } from '../../../components/transports/transport-draft.js';
import type { PlatformForm, PlatformSectionProps } from '../platform-form.js';
import { csvDraftFromSaved, csvInputFromDraft, csvMissingCredentials, needsServerCheck, newCsvDraft, REQUIRED_COLUMNS, type CsvDraft } from './csv-draft.js';

export { csvSettingsFromDraft } from './csv-draft.js';

/**
 * CSV order files: where the files are (FTP/FTPS, SFTP or a folder: the WMS screen's transport fields,
 * with the FTPS certificate to accept and the SFTP server key to trust from the cart's Test), the
 * folders Dockhand reads, archives to and writes tracking and stock into, and the mapping of the
 * merchant's columns.
 */

type Mapping = CsvCartSettings['mapping'];

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

function CsvCredentials({ draft, change, errors, hasSavedCredentials, testResult }: PlatformSectionProps<CsvDraft>) {
  const transport = SOURCE_TRANSPORTS.find((t) => t.value === draft.transport) ?? SOURCE_TRANSPORTS[0];
  const Fields = transport.Fields;
  const check = needsServerCheck(draft);
  return (
    <>
      <SelectField
        label="Where the order files are"
        value={draft.transport}
        onValue={(t) => change(transportChange(draft, t as TransportChoice))}
        options={SOURCE_TRANSPORTS.map(({ value, label }) => ({ value, label }))}
      />
      {check === 'certificate' ? (
        <Banner kind="warning">
          This source was saved to accept any self-signed certificate. Dockhand now accepts only a certificate a person checked: press Test
          connection to see the server’s certificate, then accept it and save.
        </Banner>
      ) : null}
      <Fields
        draft={draft}
        change={change}
        errors={errors}
        hasSavedPassword={hasSavedCredentials}
        testResult={testResult}
        secretsPath="credentials"
        rootHolds="the order, archive and tracking folders below"
        otherSide="the merchant"
        offerTrust
      />
      {check === 'host_key' ? <p className="field__hint">Downloads connect only once the server’s key is trusted: Test connection shows it.</p> : null}
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

export const csvForm: PlatformForm<CsvDraft> = {
  platform: 'csv',
  newDraft: newCsvDraft,
  draftFromSaved: csvDraftFromSaved,
  toInput: csvInputFromDraft,
  checkCredentials: csvMissingCredentials,
  shownFields: [
    ...transportFields('credentials'),
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
