import { ArrowDown, ArrowUp, Plus, Trash2 } from 'lucide-react';
import type { FieldErrors } from '../../../../shared/errors.js';
import type { OrderColumn } from '../../../../shared/schemas/csv-profile.js';
import { SelectField, TextField } from '../../components/field.js';
import { FieldError } from '../../components/field-error.js';
import { moveItem, newOrderColumn, ORDER_FILE_FIELDS, removeAt, replaceAt, transformKindsFor } from './format-draft.js';
import { TransformChain } from './transform-editor.js';

const SOURCE_OPTIONS = [
  { value: 'field', label: 'An order field' },
  { value: 'constant', label: 'Fixed text' },
];
const FIELD_OPTIONS = ORDER_FILE_FIELDS.map((f) => ({ value: f, label: f }));

/** An order file's columns, in file order: each a header, a source (field or fixed text) and a transform chain. */
export function OrderColumnsEditor({ columns, errors, onChange }: { columns: OrderColumn[]; errors: FieldErrors; onChange: (columns: OrderColumn[]) => void }) {
  const kinds = transformKindsFor('order');
  return (
    <section className="panel format-designer__columns" aria-labelledby="format-designer-columns">
      <h2 id="format-designer-columns">Columns</h2>
      <FieldError message={errors['profile.columns']} />
      <ol className="format-designer__column-list">
        {columns.map((column, i) => {
          const path = `profile.columns.${i}`;
          const label = `column ${i + 1}`;
          const set = (next: OrderColumn) => onChange(replaceAt(columns, i, next));
          return (
            <li key={i} className="format-designer__column" aria-label={`Column ${i + 1}: ${column.header}`}>
              <div className="format-designer__column-head">
                <strong>Column {i + 1}</strong>
                <span className="format-designer__buttons">
                  <button type="button" className="button" aria-label={`Move ${label} up`} disabled={i === 0} onClick={() => onChange(moveItem(columns, i, i - 1))}>
                    <ArrowUp size={14} aria-hidden="true" />
                  </button>
                  <button type="button" className="button" aria-label={`Move ${label} down`} disabled={i === columns.length - 1} onClick={() => onChange(moveItem(columns, i, i + 1))}>
                    <ArrowDown size={14} aria-hidden="true" />
                  </button>
                  <button type="button" className="button button--danger" aria-label={`Remove ${label}`} disabled={columns.length === 1} onClick={() => onChange(removeAt(columns, i))}>
                    <Trash2 size={14} aria-hidden="true" />
                  </button>
                </span>
              </div>
              <div className="format-designer__column-fields">
                <TextField label={`Header of ${label}`} value={column.header} error={errors[`${path}.header`]} onValue={(header) => set({ ...column, header })} />
                <SelectField
                  label={`Source of ${label}`}
                  value={column.source.kind}
                  options={SOURCE_OPTIONS}
                  onValue={(kind) => set({ ...column, source: kind === 'constant' ? { kind: 'constant', value: '' } : { kind: 'field', field: 'orderNumber' } })}
                />
                {column.source.kind === 'field' ? (
                  <SelectField label={`Field of ${label}`} value={column.source.field} options={FIELD_OPTIONS} error={errors[`${path}.source.field`]} onValue={(field) => set({ ...column, source: { kind: 'field', field } })} />
                ) : (
                  <TextField label={`Text of ${label}`} value={column.source.value} error={errors[`${path}.source.value`]} onValue={(value) => set({ ...column, source: { kind: 'constant', value } })} />
                )}
              </div>
              <TransformChain transforms={column.transforms} kinds={kinds} path={`${path}.transforms`} errors={errors} label={label} onChange={(transforms) => set({ ...column, transforms })} />
            </li>
          );
        })}
      </ol>
      <button type="button" className="button" onClick={() => onChange([...columns, newOrderColumn(columns)])}>
        <Plus size={14} aria-hidden="true" /> Add a column
      </button>
    </section>
  );
}
