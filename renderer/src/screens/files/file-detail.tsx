import { Download, X } from 'lucide-react';
import { useApi } from '../../api/hooks.js';
import { Banner, QueryView } from '../../components/states.js';
import { formatDateTime } from '../../format/time.js';
import { downloadText } from './file-download.js';
import { DIRECTION_LABELS, formatSize, KIND_LABELS } from './files-filter.js';

/** Lines of the preview shown (the whole first 1 MB is what Download saves). */
const PREVIEW_LINES = 200;

/** One kept file: what it was, its first bad lines, a preview of its text and a Download button. */
export function FileDetail({ id, onClose }: { id: number; onClose: () => void }) {
  const file = useApi('files.get', { id });
  const content = useApi('files.content', { id });
  return (
    <section className="files-detail" aria-labelledby="files-detail-title">
      <QueryView query={file} what="Loading the file">
        {(f) => (
          <>
            <div className="files-detail__head">
              <h2 id="files-detail-title">{f.name}</h2>
              <button type="button" className="button button--ghost" onClick={onClose} aria-label="Close the file">
                <X size={16} aria-hidden="true" />
              </button>
            </div>
            <dl className="files-detail__facts">
              <dt>When</dt>
              <dd>{formatDateTime(f.createdAt)}</dd>
              <dt>Merchant</dt>
              <dd>{f.merchantName ?? '—'}</dd>
              <dt>What</dt>
              <dd>
                {KIND_LABELS[f.kind]}, {DIRECTION_LABELS[f.direction].toLowerCase()}
              </dd>
              <dt>Where</dt>
              <dd className="files-detail__path">{f.remotePath}</dd>
              <dt>{f.kind === 'order' && f.direction === 'sent' ? 'Orders' : 'Rows'}</dt>
              <dd>{f.rows.toLocaleString()}</dd>
              <dt>Errors</dt>
              <dd>{f.errors.toLocaleString()}</dd>
              <dt>Size</dt>
              <dd>{formatSize(f.size)}</dd>
            </dl>
            {f.firstErrors.length > 0 ? (
              <div className="files-detail__errors">
                <h3>{f.errors === 1 ? 'The bad line' : `The first bad lines (${f.errors.toLocaleString()} in all)`}</h3>
                <ul>
                  {f.firstErrors.map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            {!f.available ? <Banner kind="warning">The kept copy of this file is no longer on this computer, so it cannot be shown or downloaded.</Banner> : null}
          </>
        )}
      </QueryView>
      <QueryView query={content} what="Loading the content">
        {(c) =>
          c.viewable ? (
            <>
              <div className="files-detail__actions">
                <button type="button" className="button" onClick={() => downloadText(c.name, c.text)}>
                  <Download size={16} aria-hidden="true" /> Download
                </button>
                {c.truncated ? <span className="files-detail__note">Only the first 1 MB of this {formatSize(c.size)} file is shown and downloaded.</span> : null}
              </div>
              <h3>Content</h3>
              <pre className="files-preview" aria-label={`Content of ${c.name}`} tabIndex={0}>
                {previewOf(c.text)}
              </pre>
            </>
          ) : (
            <Banner kind="info">{c.reason}</Banner>
          )
        }
      </QueryView>
    </section>
  );
}

function previewOf(text: string): string {
  const lines = text.split(/\r?\n/);
  if (lines.length <= PREVIEW_LINES) return text;
  return `${lines.slice(0, PREVIEW_LINES).join('\n')}\n… ${(lines.length - PREVIEW_LINES).toLocaleString()} more lines (Download has them)`;
}
