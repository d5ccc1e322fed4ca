import { Fragment, useEffect, useState, type ChangeEvent } from 'react';
import type { FormatPreviewView } from '../../../../shared/api-types.js';
import { errorMessage } from '../../api/api-error.js';
import { call } from '../../api/client.js';
import { Banner } from '../../components/states.js';
import { checkDraft, type FormatDraft } from './format-draft.js';
import { readSampleFile, type SampleFile } from './sample-file.js';

/** Edits settle this long before the preview asks again, so typing is not a request per key. */
const PREVIEW_DELAY_MS = 400;

/**
 * The live preview beside the editor: for an order format, the file the latest orders would make with the
 * draft (a table and the raw text); for an inbound format, a sample file the person chooses, read with the
 * draft, its problems marked on their row and column. A draft with field errors is not previewed.
 */
export function FormatPreview({ draft, initialSample }: { draft: FormatDraft; initialSample?: SampleFile }) {
  const [sample, setSample] = useState<SampleFile | null>(initialSample ?? null);
  const [preview, setPreview] = useState<FormatPreviewView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [view, setView] = useState<'table' | 'text'>('table');
  const invalid = Object.keys(checkDraft(draft)).some((path) => path.startsWith('profile'));
  const key = JSON.stringify(draft.profile);

  useEffect(() => {
    if (invalid || (draft.kind !== 'order' && !sample)) return;
    let current = true;
    const timer = window.setTimeout(() => {
      const input =
        draft.kind === 'order'
          ? ({ kind: 'order', profile: draft.profile } as const)
          : draft.kind === 'confirmation'
            ? ({ kind: 'confirmation', profile: draft.profile, sample: sample?.base64 ?? '' } as const)
            : ({ kind: 'inventory', profile: draft.profile, sample: sample?.base64 ?? '' } as const);
      call('formats.preview', input).then(
        (result) => {
          if (!current) return;
          setPreview(result);
          setProblem(null);
        },
        (err: unknown) => {
          if (current) setProblem(errorMessage(err));
        },
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
    // The key stands for the profile: a new object with the same content asks nothing again.
  }, [key, invalid, sample, draft.kind]);

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const read = await readSampleFile(file);
    if ('problem' in read) setProblem(read.problem);
    else setSample(read);
  }

  return (
    <section className="panel format-designer__preview" aria-labelledby="format-designer-preview">
      <h2 id="format-designer-preview">Preview</h2>
      {draft.kind === 'order' ? (
        <p className="field__hint">The order file the latest orders would make with this format (not sent anywhere).</p>
      ) : (
        <div className="field">
          <label htmlFor="format-designer-sample">Sample file to preview</label>
          <input id="format-designer-sample" type="file" accept=".csv,.txt,.tsv,text/csv,text/plain" onChange={(e) => void choose(e)} />
          <div className="field__hint">{sample ? `Reading "${sample.name}" with this format.` : 'Choose a file the warehouse sent, to see how this format reads it (at most 2 MB).'}</div>
        </div>
      )}
      <div aria-live="polite">
        {invalid ? <Banner kind="info">Fix the marked fields to see the preview.</Banner> : null}
        {problem ? <Banner kind="error">{problem}</Banner> : null}
      </div>
      {preview && !invalid ? <PreviewResult preview={preview} view={view} onView={setView} /> : null}
    </section>
  );
}

function PreviewResult({ preview, view, onView }: { preview: FormatPreviewView; view: 'table' | 'text'; onView: (v: 'table' | 'text') => void }) {
  const problemsAt = new Map<number, FormatPreviewView['problems']>();
  for (const p of preview.problems) problemsAt.set(p.line, [...(problemsAt.get(p.line) ?? []), p]);
  const width = Math.max(preview.header?.length ?? 0, ...preview.rows.map((r) => r.cells.length));
  const headers = Array.from({ length: width }, (_, i) => preview.header?.[i] ?? `Column ${i + 1}`);
  const summary =
    preview.kind === 'order'
      ? `${preview.orders?.used ?? 0} orders, ${preview.rows.length} rows${preview.orders?.rejected.length ? `; ${preview.orders.rejected.length} could not be written` : ''}.`
      : `${preview.goodRows ?? 0} rows read, ${problemsAt.size} with problems.`;
  return (
    <div className="format-designer__preview-result">
      <p role="status">{summary}</p>
      {preview.orders?.rejected.map((r) => (
        <Banner key={r.cartOrderId} kind="warning">
          Order {r.cartOrderId}: {r.reason}
        </Banner>
      ))}
      {preview.kind === 'order' && preview.orders?.used === 0 ? <Banner kind="info">There are no orders yet: the file has its header only.</Banner> : null}
      <div className="format-designer__tabs" role="group" aria-label="Preview as">
        <button type="button" className="button" aria-pressed={view === 'table'} onClick={() => onView('table')}>
          Table
        </button>
        <button type="button" className="button" aria-pressed={view === 'text'} onClick={() => onView('text')}>
          Raw text
        </button>
      </div>
      {view === 'text' ? (
        <pre className="format-designer__raw" aria-label="Preview raw text">
          {preview.text}
          {preview.truncated ? '\n…' : ''}
        </pre>
      ) : (
        <div className="table-wrap">
          <table aria-label="Preview rows" className="format-designer__preview-table">
            <thead>
              <tr>
                <th>Line</th>
                {headers.map((h, i) => (
                  <th key={i}>{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row) => {
                const problems = problemsAt.get(row.line) ?? [];
                return (
                  <Fragment key={row.line}>
                    <tr className={problems.length > 0 ? 'format-designer__bad-row' : undefined} aria-invalid={problems.length > 0 || undefined}>
                      <td>{row.line}</td>
                      {headers.map((h, i) => {
                        const bad = problems.some((p) => p.column === h);
                        return (
                          <td key={i} className={bad ? 'format-designer__bad-cell' : undefined} title={bad ? problems.filter((p) => p.column === h).map((p) => p.reason).join('; ') : undefined}>
                            {row.cells[i] ?? ''}
                          </td>
                        );
                      })}
                    </tr>
                    {problems.length > 0 ? (
                      // The reasons under their row, across the table, so a long one is read whole.
                      <tr className="format-designer__problem-row">
                        <td colSpan={headers.length + 1}>
                          <ul className="format-designer__row-problems" aria-label={`Problems on line ${row.line}`}>
                            {problems.map((p, i) => (
                              <li key={i}>{p.column ? `Line ${row.line}, ${p.column}: ${p.reason}` : `Line ${row.line}: ${p.reason}`}</li>
                            ))}
                          </ul>
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {preview.problems.filter((p) => !preview.rows.some((r) => r.line === p.line)).map((p, i) => (
        <Banner key={i} kind="error">
          Line {p.line}: {p.reason}
        </Banner>
      ))}
    </div>
  );
}
