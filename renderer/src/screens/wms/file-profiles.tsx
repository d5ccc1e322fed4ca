import type { CsvWmsSettings } from '../../../../shared/schemas/wms.js';
import { DEFAULT_ORDER_PROFILE } from '../../../../shared/csv-defaults.js';
import type { InboundColumn } from '../../../../shared/schemas/csv-profile.js';
import { SelectField } from '../../components/field.js';

type OrderProfile = CsvWmsSettings['orderProfile'];
type ColumnMap = Record<string, InboundColumn | undefined>;

const DELIMITERS: Record<string, string> = { ',': 'Comma (,)', ';': 'Semicolon (;)', '\t': 'Tab', '|': 'Pipe (|)' };
const LAYOUTS = { vertical: 'Vertical: one line item per row, order header repeated', horizontal: 'Horizontal: item columns repeat on one row' };

const sameProfile = (a: OrderProfile, b: OrderProfile) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The file formats in use, read-only: the order file (chosen among the known profiles) and the two
 * inbound files. Editing formats is the CSV designer's job (a later screen).
 */
export function FileProfiles({ settings, onOrderProfile }: { settings: Pick<CsvWmsSettings, 'orderProfile' | 'confirmationProfile' | 'inventoryProfile'>; onOrderProfile: (profile: OrderProfile) => void }) {
  const current = settings.orderProfile;
  const isDefault = sameProfile(current, DEFAULT_ORDER_PROFILE);
  const options = [
    ...(isDefault ? [] : [{ value: 'saved', label: `${current.name} (saved)` }]),
    { value: 'default', label: DEFAULT_ORDER_PROFILE.name },
  ];
  return (
    <>
      <SelectField
        label="Order file format"
        value={isDefault ? 'default' : 'saved'}
        onValue={(value) => {
          if (value === 'default') onOrderProfile(structuredClone(DEFAULT_ORDER_PROFILE));
        }}
        options={options}
        hint="The formats can be edited in the format designer (coming later)."
      />
      <dl className="details wms-profile">
        <dt>Name</dt>
        <dd>{current.name}</dd>
        <dt>Delimiter</dt>
        <dd>{DELIMITERS[current.delimiter] ?? current.delimiter}</dd>
        <dt>Header row</dt>
        <dd>{current.headerRow ? 'Yes' : 'No'}</dd>
        <dt>Layout</dt>
        <dd>
          {LAYOUTS[current.layout]}
          {current.layout === 'horizontal' ? ` (${current.maxItemsPerRow} items per row)` : ''}
        </dd>
        <dt>Line ending</dt>
        <dd>{current.lineEnding === 'crlf' ? 'Windows (CRLF)' : 'Unix (LF)'}</dd>
      </dl>
      <details className="wms-profile__columns">
        <summary>Order file columns ({current.columns.length})</summary>
        <div className="table-wrap">
          <table aria-label="Order file columns">
            <thead>
              <tr>
                <th>#</th>
                <th>Header</th>
                <th>Value</th>
              </tr>
            </thead>
            <tbody>
              {current.columns.map((column, index) => (
                <tr key={index}>
                  <td>{index + 1}</td>
                  <td>{column.header}</td>
                  <td className="mono">
                    {column.source.kind === 'field' ? column.source.field : `"${column.source.value}"`}
                    {column.transforms.length > 0 ? <span className="muted"> ({column.transforms.map((t) => t.kind).join(', ')})</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <InboundProfile title="Shipment confirmation files" delimiter={settings.confirmationProfile.delimiter} headerRow={settings.confirmationProfile.headerRow} columns={settings.confirmationProfile.columns} />
      <InboundProfile title="Inventory files" delimiter={settings.inventoryProfile.delimiter} headerRow={settings.inventoryProfile.headerRow} columns={settings.inventoryProfile.columns} />
    </>
  );
}

function InboundProfile({ title, delimiter, headerRow, columns }: { title: string; delimiter: string; headerRow: boolean; columns: ColumnMap }) {
  return (
    <details className="wms-profile__columns">
      <summary>
        {title}: {DELIMITERS[delimiter] ?? delimiter}, {headerRow ? 'with header row' : 'no header row'}
      </summary>
      <dl className="details">
        {Object.entries(columns)
          .flatMap(([field, column]) => (column ? [[field, column] as const] : []))
          .map(([field, column]) => (
            <div key={field} className="wms-folder-preview__row">
              <dt>{field}</dt>
              <dd className="mono">{columnText(column)}</dd>
            </div>
          ))}
      </dl>
    </details>
  );
}

/** "Tracking Number", "column 3" or "always UPS", with the count of transforms after it. */
function columnText(column: InboundColumn): string {
  const source = column.source.kind === 'constant' ? `always "${column.source.value}"` : typeof column.source.column === 'number' ? `column ${column.source.column}` : column.source.column;
  return column.transforms.length > 0 ? `${source} (${column.transforms.length} transform${column.transforms.length === 1 ? '' : 's'})` : source;
}
