import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { FormatSampleView } from '../../../../shared/api-types.js';
import type { FieldErrors } from '../../../../shared/errors.js';
import { FORMAT_KIND_WORDS, FORMAT_KINDS, type FormatKind } from '../../../../shared/schemas/file-format.js';
import { errorMessage } from '../../api/api-error.js';
import { call } from '../../api/client.js';
import { Link, navigate } from '../../app/router.js';
import { SelectField, TextField } from '../../components/field.js';
import { focusFirstInvalid } from '../../components/focus-first-invalid.js';
import { apiFieldErrors } from '../../components/form-errors.js';
import { FormProblems } from '../../components/form-problems.js';
import { SaveBar } from '../../components/save-bar.js';
import { Banner } from '../../components/states.js';
import { checkDraft, INBOUND_FIELDS, ORDER_FILE_FIELDS, saveInputOf } from './format-draft.js';
import { FormatPreview } from './format-preview.js';
import { INBOUND_FIELD_LABELS } from './inbound-columns-editor.js';
import { doubleMapped, draftFromSample, guessMapping, type SampleMapping } from './sample-draft.js';
import { readSampleFile, type SampleFile } from './sample-file.js';

const DELIMITER_WORDS: Record<FormatSampleView['delimiter'], string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/**
 * "New format from a sample file" (`#/formats/new-from-sample`): the person picks the kind and a file; the
 * sniffer finds its delimiter, header row and encoding and lists its columns with sample values; each column
 * is mapped to a field (inbound: what the column holds; order files: what fills it); the new format is saved
 * and opens in the designer.
 */
export function FormatFromSampleScreen() {
  const client = useQueryClient();
  const [kind, setKind] = useState<FormatKind>('confirmation');
  const [name, setName] = useState('');
  const [file, setFile] = useState<SampleFile | null>(null);
  const [sample, setSample] = useState<FormatSampleView | null>(null);
  const [mapping, setMapping] = useState<SampleMapping>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    event.target.value = '';
    if (!chosen) return;
    setFormError(null);
    const read = await readSampleFile(chosen);
    if ('problem' in read) return setFormError(read.problem);
    try {
      const sniffed = await call('formats.sniff', { sample: read.base64 });
      setFile(read);
      setSample(sniffed);
      setMapping(guessMapping(kind, sniffed));
      if (!name) setName(chosen.name.replace(/\.[^.]+$/, ''));
    } catch (err) {
      setFormError(errorMessage(err));
    }
  }

  const changeKind = (next: FormatKind) => {
    setKind(next);
    if (sample) setMapping(guessMapping(next, sample));
    setErrors({});
  };

  const draft = sample ? draftFromSample(kind, name, sample, mapping) : null;
  const twice = doubleMapped(kind, mapping);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!draft) return setFormError('Choose a sample file first.');
    const found = checkDraft(draft);
    for (const field of twice) found[`mapping.${field}`] = `${INBOUND_FIELD_LABELS[field as keyof typeof INBOUND_FIELD_LABELS] ?? field} is chosen for more than one column: keep one`;
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFormError(`Some choices need attention: ${Object.values(found).join('; ')}`);
      focusFirstInvalid(formRef.current);
      return;
    }
    setBusy(true);
    try {
      const saved = await call('formats.save', saveInputOf(draft));
      await client.invalidateQueries();
      navigate(`/formats/${saved.id}`);
    } catch (err) {
      const fields = apiFieldErrors(err);
      setErrors(fields);
      setFormError(Object.keys(fields).length > 0 ? `${errorMessage(err)}: ${Object.values(fields).join('; ')}` : errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const fieldOptions = [
    { value: '', label: kind === 'order' ? '(left empty)' : 'Not used' },
    ...(kind === 'order' ? ORDER_FILE_FIELDS.map((f) => ({ value: f, label: f })) : INBOUND_FIELDS[kind].map((f) => ({ value: f, label: INBOUND_FIELD_LABELS[f] }))),
  ];
  return (
    <div className="format-designer">
      <p>
        <Link to="/formats">← File formats</Link>
      </p>
      <form ref={formRef} onSubmit={(event) => void save(event)} noValidate aria-label="New format from a sample file">
        <div className="page-header">
          <h1>New format from a sample file</h1>
        </div>
        <div aria-live="polite">
          <FormProblems formError={formError} others={[]} />
        </div>
        <div className="format-designer__layout">
          <div className="format-designer__editor">
            <section className="panel format-designer__settings" aria-labelledby="format-sample-file">
              <h2 id="format-sample-file">The file</h2>
              <SelectField label="Kind of file" value={kind} options={FORMAT_KINDS.map((k) => ({ value: k, label: FORMAT_KIND_WORDS[k].title }))} onValue={(k) => changeKind(k as FormatKind)} />
              <TextField label="Name" value={name} error={errors.name} onValue={setName} />
              <div className="field">
                <label htmlFor="format-sample-input">Sample file</label>
                <input id="format-sample-input" type="file" accept=".csv,.txt,.tsv,text/csv,text/plain" onChange={(e) => void choose(e)} />
                <div className="field__hint">
                  {kind === 'order' ? 'An order file the warehouse expects: its columns become the format’s.' : `${FORMAT_KIND_WORDS[kind].aNoun[0].toUpperCase()}${FORMAT_KIND_WORDS[kind].aNoun.slice(1)} the warehouse sent.`} At most 2 MB.
                </div>
              </div>
              {sample ? (
                <p role="status">
                  Found: {DELIMITER_WORDS[sample.delimiter]}-separated, {sample.headerRow ? 'with a header row' : 'no header row'}, {sample.encoding === 'windows-1252' ? 'Windows-1252' : sample.encoding === 'utf-16le' ? 'UTF-16' : 'UTF-8'}, {sample.columns.length} columns.
                </p>
              ) : null}
            </section>
            {sample ? (
              <section className="panel" aria-labelledby="format-sample-columns">
                <h2 id="format-sample-columns">Columns</h2>
                <p className="field__hint">{kind === 'order' ? 'Choose the order field that fills each column.' : 'Choose what each column holds.'}</p>
                {errors['profile.columns'] || Object.keys(errors).some((k) => k.startsWith('profile.columns.') || k.startsWith('mapping.')) ? (
                  <Banner kind="error">
                    {Object.entries(errors)
                      .filter(([k]) => k.startsWith('profile.columns') || k.startsWith('mapping.'))
                      .map(([k, m]) => (
                        <div key={k}>{m}</div>
                      ))}
                  </Banner>
                ) : null}
                <div className="table-wrap">
                  <table aria-label="Sample columns">
                    <thead>
                      <tr>
                        <th>Column</th>
                        <th>Sample values</th>
                        <th>{kind === 'order' ? 'Filled by' : 'Holds'}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {sample.columns.map((c) => (
                        <tr key={c.position}>
                          <td>{c.header}</td>
                          <td className="format-designer__samples">{c.samples.slice(0, 3).join(' · ')}</td>
                          <td>
                            <select aria-label={`Field of ${c.header}`} value={mapping[c.position] ?? ''} onChange={(e) => setMapping({ ...mapping, [c.position]: e.target.value })}>
                              {fieldOptions.map((o) => (
                                <option key={o.value} value={o.value}>
                                  {o.label}
                                </option>
                              ))}
                            </select>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
            ) : null}
          </div>
          {draft ? <FormatPreview draft={draft} initialSample={file ?? undefined} /> : null}
        </div>
        <SaveBar disabled={busy || !draft} label={busy ? 'Saving…' : 'Save the new format'} />
      </form>
    </div>
  );
}
