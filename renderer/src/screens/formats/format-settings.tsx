import type { FieldErrors } from '../../../../shared/errors.js';
import { CheckboxField, SelectField, TextField } from '../../components/field.js';
import { numberFromText, type FormatDraft } from './format-draft.js';

export const DELIMITER_OPTIONS = [
  { value: ',', label: 'Comma (,)' },
  { value: ';', label: 'Semicolon (;)' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Pipe (|)' },
];
const ORDER_ENCODINGS = [
  { value: 'utf-8', label: 'UTF-8' },
  { value: 'utf-8-bom', label: 'UTF-8 with a BOM (Excel)' },
  { value: 'windows-1252', label: 'Windows-1252' },
];
const INBOUND_ENCODINGS = [
  { value: 'auto', label: 'Detect (UTF-8, else Windows-1252)' },
  { value: 'utf-8', label: 'UTF-8' },
  { value: 'windows-1252', label: 'Windows-1252' },
];

/** The whole-file settings of a format: name, delimiter, header row, encoding, and each kind's own. */
export function FormatSettings({ draft, errors, onChange }: { draft: FormatDraft; errors: FieldErrors; onChange: (draft: FormatDraft) => void }) {
  const setProfile = (patch: Record<string, unknown>) => onChange({ ...draft, profile: { ...draft.profile, ...patch } } as FormatDraft);
  const e = (key: string) => errors[`profile.${key}`];
  return (
    <section className="panel format-designer__settings" aria-labelledby="format-designer-settings">
      <h2 id="format-designer-settings">File</h2>
      <TextField label="Name" value={draft.name} error={errors.name} onValue={(name) => onChange({ ...draft, name })} />
      <SelectField label="Delimiter" value={draft.profile.delimiter} options={DELIMITER_OPTIONS} error={e('delimiter')} onValue={(delimiter) => setProfile({ delimiter })} />
      <CheckboxField label="The first row holds the column headers" checked={draft.profile.headerRow} onChecked={(headerRow) => setProfile({ headerRow })} />
      <SelectField
        label="Encoding"
        value={draft.profile.encoding}
        options={draft.kind === 'order' ? ORDER_ENCODINGS : INBOUND_ENCODINGS}
        error={e('encoding')}
        onValue={(encoding) => setProfile({ encoding })}
      />
      {draft.kind === 'order' ? (
        <>
          <SelectField label="Line ending" value={draft.profile.lineEnding} options={[{ value: 'crlf', label: 'Windows (CRLF)' }, { value: 'lf', label: 'Unix (LF)' }]} onValue={(lineEnding) => setProfile({ lineEnding })} />
          <SelectField
            label="Layout"
            value={draft.profile.layout}
            options={[{ value: 'vertical', label: 'Vertical: one line item per row' }, { value: 'horizontal', label: 'Horizontal: item columns repeat on one row' }]}
            onValue={(layout) => setProfile({ layout })}
          />
          {draft.profile.layout === 'horizontal' ? (
            <TextField
              label="Item slots per row"
              inputMode="numeric"
              value={Number.isNaN(draft.profile.maxItemsPerRow) ? '' : String(draft.profile.maxItemsPerRow ?? '')}
              error={e('maxItemsPerRow')}
              hint="An order with more lines is held with a reason. A line column's header may hold {n} for the slot number."
              onValue={(v) => setProfile({ maxItemsPerRow: numberFromText(v) ?? Number.NaN })}
            />
          ) : null}
          <CheckboxField
            label="Formula guard: quote cells a spreadsheet would run as formulas"
            checked={draft.profile.formulaGuard}
            hint="Off only when the WMS never opens the file in a spreadsheet and imports the quote as data."
            onChecked={(formulaGuard) => setProfile({ formulaGuard })}
          />
        </>
      ) : null}
      {draft.kind === 'confirmation' ? (
        <>
          <SelectField
            label="Rows are"
            value={draft.profile.rowsAre}
            options={[{ value: 'items', label: 'Items: one SKU of a shipment per row' }, { value: 'packages', label: 'Packages: one tracking number per row, shipping every open line' }]}
            onValue={(rowsAre) => setProfile({ rowsAre })}
          />
          <SelectField
            label="One shipment is"
            value={draft.profile.groupBy}
            options={[{ value: 'orderAndTracking', label: 'Rows with the same order and tracking number' }, { value: 'shipmentId', label: 'Rows with the same shipment id' }]}
            onValue={(groupBy) => setProfile({ groupBy })}
          />
        </>
      ) : null}
    </section>
  );
}
