import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { FileFormatView } from '../../../../shared/api-types.js';
import type { FieldErrors } from '../../../../shared/errors.js';
import { FORMAT_KIND_WORDS } from '../../../../shared/schemas/file-format.js';
import { errorMessage } from '../../api/api-error.js';
import { call } from '../../api/client.js';
import { useApi } from '../../api/hooks.js';
import { leaveTo, useLeaveGuard } from '../../app/leave-guard.js';
import { Link } from '../../app/router.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { focusFirstInvalid } from '../../components/focus-first-invalid.js';
import { apiFieldErrors } from '../../components/form-errors.js';
import { FormProblems } from '../../components/form-problems.js';
import { SaveBar } from '../../components/save-bar.js';
import { Banner, QueryView } from '../../components/states.js';
import { FormatPreview } from './format-preview.js';
import { checkDraft, isDirty, isShownPath, saveInputOf, withOrderColumns, type FormatDraft } from './format-draft.js';
import { FormatSettings } from './format-settings.js';
import { InboundColumnsEditor } from './inbound-columns-editor.js';
import { OrderColumnsEditor } from './order-columns-editor.js';

/** The designer's edit page (`#/formats/:id`): one saved format, edited as data, checked before it is saved. */
export function FormatEditScreen({ id }: { id: number }) {
  const format = useApi('formats.get', { id });
  return (
    <div className="format-designer">
      <QueryView query={format} what="Loading the format">
        {(view) => <FormatEditor key={view.id} view={view} />}
      </QueryView>
    </div>
  );
}

const draftOf = (view: FileFormatView): FormatDraft => ({ id: view.id, kind: view.kind, name: view.name, profile: view.profile }) as FormatDraft;

function FormatEditor({ view }: { view: FileFormatView }) {
  const client = useQueryClient();
  const [saved, setSaved] = useState<FormatDraft>(() => draftOf(view));
  const [draft, setDraft] = useState<FormatDraft>(saved);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [leaving, setLeaving] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const dirty = isDirty(draft, saved);

  // Leaving the window with changes asks first, as the browser allows.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  // Every other way out (the sidebar, any link, Back, a typed address) asks first too.
  useLeaveGuard(dirty, setLeaving);

  const change = (next: FormatDraft) => {
    setDraft(next);
    setNotice(null);
    // The API's messages were about the draft as it was; the live check below speaks for the new one.
    setErrors({});
  };
  // Problems show on their fields as the person edits (the preview waits for them to be fixed).
  const shownErrors: FieldErrors = { ...errors, ...(dirty ? checkDraft(draft) : {}) };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    setNotice(null);
    const found = checkDraft(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFormError('Some fields need attention: see the messages below.');
      focusFirstInvalid(formRef.current);
      return;
    }
    setBusy(true);
    try {
      const result = await call('formats.save', saveInputOf(draft));
      await client.invalidateQueries();
      const next = draftOf(result);
      setSaved(next);
      setDraft(next);
      setNotice(`Saved "${result.name}".`);
    } catch (err) {
      const fields = apiFieldErrors(err);
      setErrors(fields);
      setFormError(Object.keys(fields).length > 0 ? `${errorMessage(err)}: see the fields marked below.` : errorMessage(err));
      if (Object.keys(fields).length > 0) focusFirstInvalid(formRef.current);
    } finally {
      setBusy(false);
    }
  };

  const others = Object.entries(shownErrors)
    .filter(([path]) => !isShownPath(path))
    .map(([path, message]) => (path === '_form' ? message : `${path}: ${message}`));
  return (
    <form ref={formRef} onSubmit={(event) => void save(event)} noValidate aria-label={`Edit ${view.name}`}>
      <p>
        <Link to="/formats">← File formats</Link>
      </p>
      <div className="page-header">
        <h1>
          {FORMAT_KIND_WORDS[view.kind].title}: {saved.name}
        </h1>
      </div>
      <div aria-live="polite">
        <FormProblems formError={formError} others={others} />
        {notice ? <Banner kind="success">{notice}</Banner> : null}
      </div>
      <div className="format-designer__layout">
        <div className="format-designer__editor">
          <FormatSettings draft={draft} errors={shownErrors} onChange={change} />
          {draft.kind === 'order' ? (
            <OrderColumnsEditor columns={draft.profile.columns} errors={shownErrors} onChange={(columns) => change(withOrderColumns(draft, columns))} />
          ) : (
            <InboundColumnsEditor draft={draft} errors={shownErrors} onChange={change} />
          )}
        </div>
        <FormatPreview draft={draft} />
      </div>
      <SaveBar disabled={busy || !dirty} label={busy ? 'Saving…' : 'Save format'} status={dirty ? 'You have changes that are not saved yet.' : null} />
      {leaving ? (
        <ConfirmDialog title="Leave without saving?" confirmLabel="Leave and drop the changes" danger onConfirm={() => leaveTo(leaving)} onCancel={() => setLeaving(null)}>
          The changes to "{saved.name}" are not saved yet. Leave, and they are lost.
        </ConfirmDialog>
      ) : null}
    </form>
  );
}
