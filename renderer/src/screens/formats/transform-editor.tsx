import { ArrowDown, ArrowUp, Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import type { FieldErrors } from '../../../../shared/errors.js';
import { SUGGESTED_DATE_FORMATS, type ColumnTransform, type TransformKind, type TransformOf } from '../../../../shared/schemas/csv-profile.js';
import { CheckboxField, SelectField, TextField } from '../../components/field.js';
import { FieldError } from '../../components/field-error.js';
import { moveItem, newTransform, numberFromText, ORDER_FILE_FIELDS, removeAt, replaceAt } from './format-draft.js';

/** How each transform is named in the picker. */
export const TRANSFORM_LABELS: Record<TransformKind, string> = {
  constant: 'Fixed text',
  field: 'Another order field',
  join: 'Join fields',
  cut: 'Cut to a length',
  pad: 'Pad to a length',
  case: 'Upper or lower case',
  default: 'Default when empty',
  map: 'Value map',
  number: 'Number',
  money: 'Money',
  date: 'Date format and zone',
  prefix: 'Prefix',
};

const SEPARATORS = [
  { value: '.', label: 'Point (1234.50)' },
  { value: ',', label: 'Comma (1234,50)' },
];
const THOUSANDS = [
  { value: '', label: 'None' },
  { value: ',', label: 'Comma' },
  { value: '.', label: 'Point' },
  { value: ' ', label: 'Space' },
  { value: "'", label: 'Apostrophe' },
];
const FIELD_OPTIONS = ORDER_FILE_FIELDS.map((f) => ({ value: f, label: f }));

type Props<K extends TransformKind> = { t: TransformOf<K>; path: string; errors: FieldErrors; onChange: (t: ColumnTransform) => void };

const numberText = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '' : String(n));

/** One transform's own small form: the settings of its schema (shared/schemas/csv-profile.ts). */
function TransformForm({ t, path, errors, onChange }: Props<TransformKind>) {
  const e = (key: string) => errors[`${path}.${key}`];
  const set = (patch: Record<string, unknown>) => onChange({ ...t, ...patch } as ColumnTransform);
  const num = (key: string, label: string, value: number | undefined) => (
    <TextField label={label} inputMode="numeric" value={numberText(value)} error={e(key)} onValue={(v) => set({ [key]: numberFromText(v) })} />
  );
  switch (t.kind) {
    case 'constant':
    case 'default':
      return <TextField label={t.kind === 'constant' ? 'Text' : 'Text when empty'} value={t.value} error={e('value')} onValue={(value) => set({ value })} />;
    case 'field':
      return (
        <>
          <SelectField label="Field" value={t.field} options={FIELD_OPTIONS} error={e('field')} onValue={(field) => set({ field })} />
          <CheckboxField label="Only when the value is empty" checked={t.onlyWhenEmpty} onChecked={(onlyWhenEmpty) => set({ onlyWhenEmpty })} />
        </>
      );
    case 'join':
      return (
        <>
          <TextField label="Fields (comma-separated)" value={t.fields.join(', ')} error={e('fields') ?? e('fields.0')} hint="e.g. shipTo.firstName, shipTo.lastName" onValue={(v) => set({ fields: v.split(',').map((s) => s.trim()).filter(Boolean) })} />
          <TextField label="Separator" value={t.separator} error={e('separator')} onValue={(separator) => set({ separator })} />
        </>
      );
    case 'cut':
      return num('length', 'Length', t.length);
    case 'pad':
      return (
        <>
          {num('length', 'Length', t.length)}
          <TextField label="Character" value={t.char} maxLength={1} error={e('char')} onValue={(char) => set({ char })} />
          <SelectField label="Side" value={t.side} options={[{ value: 'left', label: 'Left' }, { value: 'right', label: 'Right' }]} onValue={(side) => set({ side })} />
        </>
      );
    case 'case':
      return <SelectField label="Case" value={t.to} options={[{ value: 'upper', label: 'UPPER' }, { value: 'lower', label: 'lower' }]} onValue={(to) => set({ to })} />;
    case 'map':
      return <MapForm t={t} path={path} errors={errors} onChange={onChange} />;
    case 'number':
    case 'money':
      return (
        <>
          {num('decimals', 'Decimals', t.decimals)}
          <SelectField label="Decimal separator" value={t.decimalSeparator} options={SEPARATORS} onValue={(decimalSeparator) => set({ decimalSeparator })} />
          <SelectField label="Thousands" value={t.thousands} options={THOUSANDS} onValue={(thousands) => set({ thousands })} />
          {t.kind === 'money' ? (
            <>
              <TextField label="Symbol or code" value={t.symbol} error={e('symbol')} onValue={(symbol) => set({ symbol })} />
              <SelectField label="Symbol at" value={t.symbolAt} options={[{ value: 'start', label: 'Start' }, { value: 'end', label: 'End' }]} onValue={(symbolAt) => set({ symbolAt })} />
            </>
          ) : null}
        </>
      );
    case 'date':
      return (
        <>
          <TextField label="Date format" value={t.format} list="format-designer-date-formats" error={e('format')} hint="Tokens YYYY MM DD HH mm ss SSS, or ISO, UNIX_SECONDS, UNIX_MS" onValue={(format) => set({ format })} />
          <datalist id="format-designer-date-formats">
            {SUGGESTED_DATE_FORMATS.map((f) => (
              <option key={f} value={f} />
            ))}
          </datalist>
          <TextField label="Time zone" value={t.timeZone ?? ''} placeholder="UTC" error={e('timeZone')} onValue={(zone) => set({ timeZone: zone.trim() === '' ? undefined : zone })} />
        </>
      );
    case 'prefix':
      return (
        <>
          <SelectField label="Action" value={t.action} options={[{ value: 'add', label: 'Add' }, { value: 'strip', label: 'Strip' }]} onValue={(action) => set({ action })} />
          <TextField label="Prefix" value={t.value} error={e('value')} onValue={(value) => set({ value })} />
        </>
      );
  }
}

/** The value map's table: from / to rows, ignore case, and what any other value becomes. */
function MapForm({ t, path, errors, onChange }: Props<'map'>) {
  const set = (patch: Partial<TransformOf<'map'>>) => onChange({ ...t, ...patch });
  return (
    <div className="format-designer__map">
      <table aria-label="Value map">
        <thead>
          <tr>
            <th>From</th>
            <th>To</th>
            <th>
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {t.entries.map((entry, i) => (
            <tr key={i}>
              <td>
                <input aria-label={`From ${i + 1}`} value={entry.from} onChange={(ev) => set({ entries: replaceAt(t.entries, i, { ...entry, from: ev.target.value }) })} />
                <FieldError message={errors[`${path}.entries.${i}.from`]} />
              </td>
              <td>
                <input aria-label={`To ${i + 1}`} value={entry.to} onChange={(ev) => set({ entries: replaceAt(t.entries, i, { ...entry, to: ev.target.value }) })} />
                <FieldError message={errors[`${path}.entries.${i}.to`]} />
              </td>
              <td>
                <button type="button" className="button" aria-label={`Remove map row ${i + 1}`} onClick={() => set({ entries: removeAt(t.entries, i) })}>
                  <Trash2 size={14} aria-hidden="true" />
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="button" onClick={() => set({ entries: [...t.entries, { from: '', to: '' }] })}>
        <Plus size={14} aria-hidden="true" /> Add a row
      </button>
      <CheckboxField label="Ignore case" checked={t.ignoreCase} onChecked={(ignoreCase) => set({ ignoreCase })} />
      <TextField label="Any other value becomes (empty: left as it is)" value={t.fallback ?? ''} onValue={(v) => set({ fallback: v === '' ? undefined : v })} />
    </div>
  );
}

/**
 * A column's transform chain: each transform with its form, moved up or down or removed, and a picker to add
 * one. `path` is the chain's API path ("profile.columns.3.transforms"), so errors land on their transform.
 */
export function TransformChain({
  transforms,
  kinds,
  path,
  errors,
  label,
  onChange,
}: {
  transforms: readonly ColumnTransform[];
  kinds: readonly TransformKind[];
  path: string;
  errors: FieldErrors;
  label: string;
  onChange: (transforms: ColumnTransform[]) => void;
}) {
  const [adding, setAdding] = useState<TransformKind>(kinds[0]);
  return (
    <div className="format-designer__chain">
      <ol className="format-designer__transforms" aria-label={`Transforms of ${label}`}>
        {transforms.map((t, i) => (
          <li key={i} className="format-designer__transform">
            <div className="format-designer__transform-head">
              <strong>
                {i + 1}. {TRANSFORM_LABELS[t.kind]}
              </strong>
              <span className="format-designer__buttons">
                <button type="button" className="button" aria-label={`Move transform ${i + 1} of ${label} up`} disabled={i === 0} onClick={() => onChange(moveItem(transforms, i, i - 1))}>
                  <ArrowUp size={14} aria-hidden="true" />
                </button>
                <button type="button" className="button" aria-label={`Move transform ${i + 1} of ${label} down`} disabled={i === transforms.length - 1} onClick={() => onChange(moveItem(transforms, i, i + 1))}>
                  <ArrowDown size={14} aria-hidden="true" />
                </button>
                <button type="button" className="button" aria-label={`Remove transform ${i + 1} of ${label}`} onClick={() => onChange(removeAt(transforms, i))}>
                  <Trash2 size={14} aria-hidden="true" />
                </button>
              </span>
            </div>
            <div className="format-designer__transform-form">
              <TransformForm t={t} path={`${path}.${i}`} errors={errors} onChange={(next) => onChange(replaceAt(transforms, i, next))} />
              <FieldError message={errors[`${path}.${i}`]} />
            </div>
          </li>
        ))}
      </ol>
      <FieldError message={errors[path]} />
      <div className="format-designer__add">
        <SelectField label={`Add a transform to ${label}`} value={adding} options={kinds.map((k) => ({ value: k, label: TRANSFORM_LABELS[k] }))} onValue={(k) => setAdding(k as TransformKind)} />
        <button type="button" className="button" onClick={() => onChange([...transforms, newTransform(adding)])}>
          <Plus size={14} aria-hidden="true" /> Add transform
        </button>
      </div>
    </div>
  );
}
