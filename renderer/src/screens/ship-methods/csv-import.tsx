import { useState } from 'react';
import type { ShipMethod } from '../../../../shared/domain.js';
import { TextAreaField } from '../../components/field.js';
import { Banner } from '../../components/states.js';
import { parseShipMethodsCsv, type CsvProblem } from './parse-ship-methods-csv.js';

/**
 * Import from CSV text (pasted, or read from a chosen file): good rows go into the table (not saved yet),
 * bad rows are listed with their line and reason.
 */
export function CsvImport({ onImport, onClose }: { onImport: (methods: ShipMethod[]) => string; onClose: () => void }) {
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<CsvProblem[]>([]);
  const [result, setResult] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const importText = (csv: string) => {
    const parsed = parseShipMethodsCsv(csv);
    setProblems(parsed.problems);
    if (parsed.methods.length === 0 && parsed.problems.length === 0) {
      setResult(null);
      setFileError('There is nothing to import: the text has no rows.');
      return;
    }
    setFileError(null);
    setResult(parsed.methods.length ? onImport(parsed.methods) : null);
  };

  return (
    <section className="panel ship-methods__import" aria-labelledby="ship-methods-import-title">
      <h3 id="ship-methods-import-title">Import from CSV</h3>
      <TextAreaField
        label="CSV text"
        value={text}
        onValue={setText}
        rows={6}
        className="mono"
        placeholder={'code,description,carrier\nUPS-GND,UPS Ground,UPS'}
        hint="One ship method per line: code, description, carrier. A header row is optional."
        error={fileError ?? undefined}
      />
      <div className="form-actions">
        <button type="button" className="button button--primary" disabled={!text.trim()} onClick={() => importText(text)}>
          Import rows
        </button>
        <label className="button ship-methods__file">
          Choose a file…
          <input
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            aria-label="CSV file"
            onChange={async (event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (!file) return;
              try {
                const content = await file.text();
                setText(content);
                importText(content);
              } catch (err) {
                setFileError(`The file could not be read: ${(err as Error).message}`);
              }
            }}
          />
        </label>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
      {result ? <Banner kind="success">{result}</Banner> : null}
      {problems.length ? (
        <div className="banner banner--warning" role="alert">
          <strong>
            {problems.length === 1 ? '1 row was not imported:' : `${problems.length} rows were not imported:`}
          </strong>
          <ul className="ship-methods__problems">
            {problems.map((p, i) => (
              <li key={`${p.line}-${i}`}>
                Line {p.line}: {p.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
