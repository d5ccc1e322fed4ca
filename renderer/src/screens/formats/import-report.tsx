import type { FormatsImportView } from '../../../../shared/api-types.js';
import { Banner } from '../../components/states.js';

/** What an import did: every format imported (with renames), or nothing and each refusal with why. */
export function ImportReport({ report, fileName }: { report: FormatsImportView; fileName: string }) {
  if (report.refused.length > 0) {
    return (
      <Banner kind="error">
        <strong>Nothing was imported from {fileName}:</strong> {report.refused.length === 1 ? '1 format was' : `${report.refused.length} formats were`} refused. Fix
        them in the file and import it again.
        <ul className="formats-report" aria-label="Refused formats">
          {report.refused.map((r) => (
            <li key={r.index}>
              Format {r.index + 1}
              {r.name ? ` "${r.name}"` : ''}
              {r.kind ? ` (${r.kind})` : ''}: {r.reasons.join('; ')}
            </li>
          ))}
        </ul>
      </Banner>
    );
  }
  return (
    <Banner kind="success">
      Imported {report.imported.length === 1 ? '1 format' : `${report.imported.length} formats`} from {fileName}.
      {report.renamed.length > 0 ? (
        <ul className="formats-report" aria-label="Renamed formats">
          {report.renamed.map((r) => (
            <li key={`${r.from}->${r.to}`}>
              &ldquo;{r.from}&rdquo; was already taken: imported as &ldquo;{r.to}&rdquo;
            </li>
          ))}
        </ul>
      ) : null}
    </Banner>
  );
}
