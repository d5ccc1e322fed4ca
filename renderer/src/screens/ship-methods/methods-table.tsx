import type { FieldErrors } from '../../../../shared/errors.js';
import type { MethodRow } from './method-rows.js';
import { FieldError } from '../../components/field-error.js';

type Field = 'code' | 'description' | 'carrier';
const FIELDS: { field: Field; label: string; width?: string }[] = [
  { field: 'code', label: 'Code', width: '12rem' },
  { field: 'description', label: 'Description' },
  { field: 'carrier', label: 'Carrier', width: '10rem' },
];

/** The WMS ship methods, edited in place: each cell is an input, each error shown under its cell. */
export function MethodsTable({
  rows,
  errors,
  onChange,
  onRemove,
}: {
  rows: MethodRow[];
  errors: FieldErrors;
  onChange: (index: number, field: Field, value: string) => void;
  onRemove: (index: number) => void;
}) {
  return (
    <div className="table-wrap">
      <table className="ship-methods__table">
        <thead>
          <tr>
            {FIELDS.map((f) => (
              <th key={f.field} style={f.width ? { width: f.width } : undefined}>
                {f.label}
              </th>
            ))}
            <th aria-label="Actions" style={{ width: '6rem' }} />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={row.key} className={FIELDS.some((f) => errors[`${index}.${f.field}`]) ? 'ship-methods__row--invalid' : undefined}>
              {FIELDS.map(({ field, label }) => {
                const error = errors[`${index}.${field}`];
                const errorId = `ship-method-${row.key}-${field}-error`;
                return (
                  <td key={field}>
                    <input
                      className="ship-methods__cell"
                      aria-label={`${label}, row ${index + 1}`}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? errorId : undefined}
                      value={row[field]}
                      onChange={(event) => onChange(index, field, event.target.value)}
                    />
                    <FieldError message={error} id={errorId} />
                  </td>
                );
              })}
              <td>
                <button type="button" className="button button--small" aria-label={`Remove row ${index + 1}`} onClick={() => onRemove(index)}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
