import { useState } from 'react';
import type { FieldErrors } from '../../../../shared/errors.js';
import type { ShipMethod } from '../../../../shared/domain.js';
import { ApiError } from '../../api/api-error.js';
import { useApiMutation } from '../../api/hooks.js';
import { Banner, Empty } from '../../components/states.js';
import { CsvImport } from './csv-import.js';
import { apiRowErrors, mergeImported, newRow, rowsToSave, sameMethods, validateRows, type MethodRow } from './method-rows.js';
import { MethodsTable } from './methods-table.js';

/** The WMS ship method list: add, edit in place, remove, import; nothing is stored until Save. */
export function MethodsEditor({ saved }: { saved: ShipMethod[] }) {
  const [rows, setRows] = useState<MethodRow[]>(() => saved.map((m) => newRow(m)));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [baseline, setBaseline] = useState(saved);
  const save = useApiMutation('shipMethods.save');
  const dirty = !sameMethods(rows, baseline);

  const edit = (next: MethodRow[]) => {
    setRows(next);
    setNotice(null);
    // Re-check only once the user has seen errors, so typing a new row is not shouted at.
    if (Object.keys(errors).length) setErrors(validateRows(next));
  };

  const onSave = () => {
    const found = validateRows(rows);
    setErrors(found);
    setNotice(null);
    if (Object.keys(found).length) return;
    const { methods, rowIndex } = rowsToSave(rows);
    save.mutate(
      { methods },
      {
        onSuccess: (stored) => {
          setRows(stored.map((m) => newRow(m)));
          setBaseline(stored);
          setNotice(`Saved ${stored.length} ship ${stored.length === 1 ? 'method' : 'methods'}.`);
        },
        onError: (err) => {
          if (err instanceof ApiError) setErrors(apiRowErrors(err.fields, rowIndex));
        },
      },
    );
  };

  const formError = errors._form ?? (save.error && !Object.keys(save.error.fields ?? {}).length ? save.error.message : null);
  const rowErrorCount = Object.keys(errors).filter((k) => k !== '_form').length;

  return (
    <section className="panel" aria-labelledby="ship-methods-wms-title">
      <div className="page-header">
        <h2 id="ship-methods-wms-title">WMS ship methods</h2>
        <div className="toolbar ship-methods__actions">
          <button type="button" className="button" onClick={() => edit([...rows, newRow()])}>
            Add ship method
          </button>
          <button type="button" className="button" onClick={() => setImporting(true)} disabled={importing}>
            Import from CSV
          </button>
          <button type="button" className="button button--primary" onClick={onSave} disabled={save.isPending || !dirty}>
            {save.isPending ? 'Saving…' : 'Save ship methods'}
          </button>
        </div>
      </div>
      <p className="muted">The ship methods your warehouse system knows. Each code a cart sends is mapped to one of these below.</p>
      {notice ? <Banner kind="success">{notice}</Banner> : null}
      {formError ? <Banner kind="error">{formError}</Banner> : null}
      {rowErrorCount ? <Banner kind="error">Fix the marked rows before saving ({rowErrorCount} {rowErrorCount === 1 ? 'problem' : 'problems'}).</Banner> : null}
      {dirty && !save.isPending ? <Banner kind="info">You have changes that are not saved yet.</Banner> : null}
      {importing ? (
        <CsvImport
          onClose={() => setImporting(false)}
          onImport={(methods) => {
            const merged = mergeImported(rows, methods);
            edit(merged.rows);
            return `Imported ${methods.length} ${methods.length === 1 ? 'row' : 'rows'} into the table (${merged.added} new, ${merged.updated} updated). Review them and press Save.`;
          }}
        />
      ) : null}
      {rows.length === 0 ? (
        <Empty title="No ship methods yet">Add your warehouse's ship methods one by one, or import them from a CSV export of the WMS.</Empty>
      ) : (
        <MethodsTable
          rows={rows}
          errors={errors}
          onChange={(index, field, value) => edit(rows.map((row, i) => (i === index ? { ...row, [field]: value } : row)))}
          onRemove={(index) => edit(rows.filter((_, i) => i !== index))}
        />
      )}
    </section>
  );
}
