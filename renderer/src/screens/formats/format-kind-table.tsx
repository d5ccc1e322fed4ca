import type { FileFormatSummary, FormatPresetView } from '../../../../shared/api-types.js';
import { FORMAT_KIND_WORDS, type FormatKind } from '../../../../shared/schemas/file-format.js';
import { Link } from '../../app/router.js';
import { Empty } from '../../components/states.js';

/** Who uses a format, in words: "WMS setup, Acme Outfitters", or "Not used". */
function usedBy(f: FileFormatSummary): string {
  const users = [...(f.usedBy.wms ? ['WMS setup'] : []), ...f.usedBy.merchants.map((m) => m.name)];
  return users.length > 0 ? users.join(', ') : 'Not used';
}

/** One kind's saved formats, with their actions, and the presets a new one can start from. */
export function FormatKindTable({
  kind,
  formats,
  presets,
  busy,
  onCopy,
  onExport,
  onDelete,
  onUsePreset,
}: {
  kind: FormatKind;
  formats: FileFormatSummary[];
  presets: FormatPresetView[];
  busy: boolean;
  onCopy: (f: FileFormatSummary) => void;
  onExport: (f: FileFormatSummary) => void;
  onDelete: (f: FileFormatSummary) => void;
  onUsePreset: (p: FormatPresetView) => void;
}) {
  const words = FORMAT_KIND_WORDS[kind];
  const titleId = `formats-${kind}-title`;
  return (
    <section className="panel formats-kind" aria-labelledby={titleId}>
      <h2 id={titleId}>{words.title}</h2>
      {formats.length === 0 ? (
        <Empty title={`No saved ${words.noun} formats yet.`}>Use a preset below, or import a formats file.</Empty>
      ) : (
        <div className="table-wrap">
          <table aria-label={`Saved ${words.noun} formats`}>
            <thead>
              <tr>
                <th>Name</th>
                <th>Used by</th>
                <th>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {formats.map((f) => (
                <tr key={f.id}>
                  <td>
                    <Link to={`/formats/${f.id}`}>
                      {f.name}
                    </Link>
                  </td>
                  <td>{usedBy(f)}</td>
                  <td className="formats-kind__actions">
                    <button type="button" className="button" disabled={busy} onClick={() => onCopy(f)} aria-label={`Copy ${f.name}`}>
                      Copy
                    </button>
                    <button type="button" className="button" disabled={busy} onClick={() => onExport(f)} aria-label={`Export ${f.name}`}>
                      Export
                    </button>
                    <button type="button" className="button button--danger" disabled={busy} onClick={() => onDelete(f)} aria-label={`Delete ${f.name}`}>
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <details className="details formats-kind__presets">
        <summary>Presets ({presets.length})</summary>
        <ul className="formats-presets">
          {presets.map((p) => (
            <li key={p.key}>
              <div>
                <strong>{p.name}</strong>
                <div className="field__hint">{p.description}</div>
              </div>
              <button type="button" className="button" disabled={busy} onClick={() => onUsePreset(p)} aria-label={`Use the preset ${p.name}`}>
                Use this preset
              </button>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
