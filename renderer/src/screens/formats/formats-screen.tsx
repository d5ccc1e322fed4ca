import { useRef, useState, type ChangeEvent } from 'react';
import type { FileFormatSummary, FormatsImportView } from '../../../../shared/api-types.js';
import { FORMAT_KINDS } from '../../../../shared/schemas/file-format.js';
import { errorMessage } from '../../api/api-error.js';
import { call } from '../../api/client.js';
import { useApi } from '../../api/hooks.js';
import { Link } from '../../app/router.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { Banner, QueryView } from '../../components/states.js';
import { downloadText } from './download.js';
import { FormatKindTable } from './format-kind-table.js';
import { ImportReport } from './import-report.js';

type Notice = { kind: 'success' | 'error'; text: string } | { kind: 'import'; report: FormatsImportView; fileName: string } | null;

/**
 * File formats (`#/formats`): the saved formats of each kind with who uses them, the read-only presets a
 * new one is copied from, and export / import as JSON. A saved format's name opens the designer (`#/formats/:id`).
 */
export function FormatsScreen() {
  const formats = useApi('formats.list', {});
  const presets = useApi('formats.presets', {});
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState<FileFormatSummary | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  async function act(work: () => Promise<Notice>) {
    setBusy(true);
    try {
      setNotice(await work());
      await formats.refetch();
    } catch (err) {
      setNotice({ kind: 'error', text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  const exportFormats = (id?: number) =>
    act(async () => {
      const file = await call('formats.export', id === undefined ? {} : { id });
      downloadText(file.fileName, file.text);
      return { kind: 'success', text: `Exported ${file.count === 1 ? '1 format' : `${file.count} formats`} to ${file.fileName}.` };
    });

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    await act(async () => ({ kind: 'import', report: await call('formats.import', { text: await file.text() }), fileName: file.name }));
  }

  async function confirmDelete() {
    const target = deleting;
    if (!target) return;
    setDeleting(null);
    await act(async () => {
      await call('formats.delete', { id: target.id });
      return { kind: 'success', text: `Deleted "${target.name}".` };
    });
  }

  return (
    <div className="formats">
      <div className="page-header">
        <h1>File formats</h1>
        <div className="page-header__actions">
          <Link to="/formats/new-from-sample" className="button">
            New format from a sample file
          </Link>
          <button type="button" className="button" disabled={busy || !formats.data?.length} onClick={() => void exportFormats()}>
            Export all
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => fileInput.current?.click()}>
            Import…
          </button>
          <input ref={fileInput} type="file" accept=".json,application/json" className="sr-only" aria-label="Formats file to import" tabIndex={-1} onChange={(e) => void importFile(e)} />
        </div>
      </div>
      <p className="field__hint">
        The layouts of the order files Dockhand writes and the confirmation and inventory files it reads. The WMS setup chooses one of each; a merchant may use others.
      </p>
      <div aria-live="polite">
        {notice?.kind === 'import' ? <ImportReport report={notice.report} fileName={notice.fileName} /> : null}
        {notice && notice.kind !== 'import' ? <Banner kind={notice.kind}>{notice.text}</Banner> : null}
      </div>
      <QueryView query={formats} what="Loading formats">
        {(saved) =>
          FORMAT_KINDS.map((kind) => (
            <FormatKindTable
              key={kind}
              kind={kind}
              formats={saved.filter((f) => f.kind === kind)}
              presets={(presets.data ?? []).filter((p) => p.kind === kind)}
              busy={busy}
              onCopy={(f) =>
                void act(async () => {
                  const copy = await call('formats.copy', { from: { formatId: f.id } });
                  return { kind: 'success', text: `Copied "${f.name}" to "${copy.name}".` };
                })
              }
              onExport={(f) => void exportFormats(f.id)}
              onDelete={(f) => setDeleting(f)}
              onUsePreset={(p) =>
                void act(async () => {
                  const copy = await call('formats.copy', { from: { preset: p.key } });
                  return { kind: 'success', text: `Saved the preset as "${copy.name}". Choose it in WMS setup or on a merchant.` };
                })
              }
            />
          ))
        }
      </QueryView>
      {deleting ? (
        <ConfirmDialog title={`Delete "${deleting.name}"?`} confirmLabel="Delete format" danger onConfirm={() => void confirmDelete()} onCancel={() => setDeleting(null)}>
          The format is removed for good. A format the WMS setup or a merchant uses cannot be deleted.
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
