import type { FieldErrors } from '../../../../shared/errors.js';
import type { InboundColumn, InboundTransform } from '../../../../shared/schemas/csv-profile.js';
import { SelectField, TextField } from '../../components/field.js';
import { FieldError } from '../../components/field-error.js';
import { INBOUND_FIELDS, inboundColumnOf, REQUIRED_INBOUND_FIELDS, transformKindsFor, withInboundColumn, type InboundDraft, type InboundField } from './format-draft.js';
import { TransformChain } from './transform-editor.js';

/** How each inbound field is named on the page. */
export const INBOUND_FIELD_LABELS: Record<InboundField, string> = {
  orderSource: 'Order source',
  orderNumber: 'Order number',
  sku: 'SKU',
  quantity: 'Quantity',
  carrier: 'Carrier',
  service: 'Service',
  trackingNumber: 'Tracking number',
  shipDate: 'Ship date',
  cost: 'Cost',
  weight: 'Weight',
  shipmentId: 'Shipment id',
  location: 'Location',
};

/** What the person should know about a field before mapping it (the schema's rules, in words). */
const INBOUND_FIELD_HINTS: Partial<Record<InboundField, string>> = {
  trackingNumber: 'Optional: a shipment without a tracking number still ships its lines.',
  sku: 'Required when rows are items.',
  quantity: 'Required when rows are items.',
  shipmentId: 'Required when one shipment is the rows with the same shipment id.',
  shipDate: 'Read with a date transform in the format the file uses (add one below).',
  orderSource: 'Tells apart two carts of a merchant that use the same order numbers.',
};

const SOURCE_OPTIONS = [
  { value: 'none', label: 'Not read' },
  { value: 'column', label: 'A column of the file' },
  { value: 'constant', label: 'Fixed text' },
];

/**
 * An inbound file's fields: for each, where its value comes from (a column by header, or by position when
 * the file has no header row; or fixed text) and its transform chain.
 */
export function InboundColumnsEditor({ draft, errors, onChange }: { draft: InboundDraft; errors: FieldErrors; onChange: (draft: InboundDraft) => void }) {
  const kinds = transformKindsFor(draft.kind);
  const required = REQUIRED_INBOUND_FIELDS[draft.kind];
  return (
    <section className="panel format-designer__columns" aria-labelledby="format-designer-fields">
      <h2 id="format-designer-fields">Fields</h2>
      <ol className="format-designer__column-list">
        {INBOUND_FIELDS[draft.kind].map((field) => {
          const column = inboundColumnOf(draft, field);
          const path = `profile.columns.${field}`;
          const label = INBOUND_FIELD_LABELS[field];
          const set = (next: InboundColumn | undefined) => onChange(withInboundColumn(draft, field, next));
          const sourceKind = column?.source.kind ?? 'none';
          const columnText = column?.source.kind === 'column' ? String(column.source.column) : '';
          return (
            <li key={field} className="format-designer__column" aria-label={label}>
              <div className="format-designer__column-head">
                <strong>
                  {label}
                  {required.includes(field) ? ' (required)' : ''}
                </strong>
              </div>
              <div className="format-designer__column-fields">
                <SelectField
                  label={`Source of ${label}`}
                  value={sourceKind}
                  options={SOURCE_OPTIONS}
                  error={errors[path]}
                  hint={draft.kind === 'inventory' && field === 'quantity' ? 'The quantity on hand.' : INBOUND_FIELD_HINTS[field]}
                  onValue={(kind) =>
                    set(kind === 'none' ? undefined : { source: kind === 'column' ? { kind: 'column', column: draft.profile.headerRow ? label : 1 } : { kind: 'constant', value: '' }, transforms: column?.transforms ?? [] })
                  }
                />
                {column?.source.kind === 'column' ? (
                  <TextField
                    label={draft.profile.headerRow ? `Column header of ${label}` : `Column number of ${label}`}
                    value={columnText}
                    error={errors[`${path}.source.column`]}
                    onValue={(v) => set({ ...column, source: { kind: 'column', column: draft.profile.headerRow ? v : Number(v) } })}
                  />
                ) : null}
                {column?.source.kind === 'constant' ? (
                  <TextField label={`Text of ${label}`} value={column.source.value} error={errors[`${path}.source.value`]} onValue={(value) => set({ ...column, source: { kind: 'constant', value } })} />
                ) : null}
              </div>
              {column ? (
                <TransformChain
                  transforms={column.transforms}
                  kinds={kinds}
                  path={`${path}.transforms`}
                  errors={errors}
                  label={label}
                  onChange={(transforms) => set({ ...column, transforms: transforms as InboundTransform[] })}
                />
              ) : (
                <FieldError message={errors[`${path}.transforms`]} />
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
