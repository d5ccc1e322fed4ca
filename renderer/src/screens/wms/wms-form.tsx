import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { PlugZap } from 'lucide-react';
import type { TestResultView, WmsView } from '../../../../shared/api-types.js';
import { wmsInputSchema, type MethodInput } from '../../../../shared/contract.js';
import type { FieldErrors } from '../../../../shared/errors.js';
import { errorMessage } from '../../api/api-error.js';
import { call } from '../../api/client.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { SelectField } from '../../components/field.js';
import { apiFieldErrors, unshownErrors, validate } from '../../components/form-errors.js';
import { Banner } from '../../components/states.js';
import { FileProfiles } from './file-profiles.js';
import { WmsFolderFields } from './folder-fields.js';
import { TRANSPORTS, TRANSPORT_FIELDS } from '../../components/transports/index.js';
import { missingSecret, transportChange, unconfirmedServerKey, wmsDraftFrom, wmsInputFrom, withServerKey, type TransportChoice, type WmsDraft } from './wms-draft.js';
import { WmsTestResult } from './wms-test-result.js';
import { FormProblems } from '../../components/form-problems.js';
import { focusFirstInvalid } from '../../components/focus-first-invalid.js';
import { SaveBar } from '../../components/save-bar.js';

const SHOWN_FIELDS = [...TRANSPORT_FIELDS, 'settings.folderOrder', 'settings.folders.orders', 'settings.folders.confirmations', 'settings.folders.inventory', 'settings.formats.order', 'settings.formats.confirmation', 'settings.formats.inventory'];

type Outcome = { kind: 'saved'; test: TestResultView } | { kind: 'saved_failing'; test: TestResultView } | null;

/**
 * The account's WMS: transport, folders and file formats. Test checks the typed values without saving.
 * Save tests first: a passing setup is saved at once; a failing one only after "Save anyway", and the
 * failure stays on screen (a server may be unreachable today and fine tomorrow, so it is not refused).
 */
export function WmsForm({ view, exampleCode }: { view: WmsView; exampleCode: string }) {
  const client = useQueryClient();
  const [draft, setDraft] = useState<WmsDraft>(() => wmsDraftFrom(view));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [testResult, setTestResult] = useState<TestResultView | null>(null);
  const [busy, setBusy] = useState<'testing' | 'saving' | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [confirmFailing, setConfirmFailing] = useState<{ input: MethodInput<'wms.save'>; test: TestResultView } | null>(null);
  /** A passing test met an SFTP server whose key nobody confirmed: asked before it is saved. */
  const [confirmKey, setConfirmKey] = useState<{ input: MethodInput<'wms.save'>; test: TestResultView; fingerprint: string } | null>(null);
  const top = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const hasSavedPassword = view.hasPassword;

  const change = (patch: Partial<WmsDraft>) => {
    setDraft((old) => ({ ...old, ...patch }));
    setOutcome(null);
    setTestResult(null);
  };

  const showAtTop = () => top.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });

  const checkedInput = (): MethodInput<'wms.save'> | null => {
    const input = wmsInputFrom(draft);
    const checked = validate(wmsInputSchema, input);
    const found: FieldErrors = checked.ok ? {} : { ...checked.errors };
    const missing = missingSecret(draft, hasSavedPassword);
    if (missing) found[missing.field] = missing.message;
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFormError('Some fields need attention: see the messages below.');
      focusFirstInvalid(formRef.current);
      return null;
    }
    return input;
  };

  const failWith = (err: unknown) => {
    const fields = apiFieldErrors(err);
    setErrors(fields);
    setFormError(Object.keys(fields).length > 0 ? `${errorMessage(err)}: see the fields marked below.` : errorMessage(err));
    if (Object.keys(fields).length > 0) focusFirstInvalid(formRef.current);
    else showAtTop();
  };

  const runTest = async (input: MethodInput<'wms.save'>) => {
    const result = await call('wms.test', { wms: input });
    setTestResult(result);
    showAtTop();
    return result;
  };

  const test = async () => {
    setFormError(null);
    setOutcome(null);
    setTestResult(null);
    const input = checkedInput();
    if (!input) return;
    setBusy('testing');
    try {
      await runTest(input);
    } catch (err) {
      failWith(err);
    } finally {
      setBusy(null);
    }
  };

  const persist = async (input: MethodInput<'wms.save'>, test: TestResultView) => {
    setBusy('saving');
    try {
      await call('wms.save', input);
      await client.invalidateQueries();
      // The secrets are saved now; their fields go back to blank ("keep the saved one").
      setDraft((old) => ({ ...old, password: '', privateKey: '', passphrase: '' }));
      setOutcome({ kind: test.ok ? 'saved' : 'saved_failing', test });
      showAtTop();
    } catch (err) {
      failWith(err);
    } finally {
      setBusy(null);
    }
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    setOutcome(null);
    setTestResult(null);
    const input = checkedInput();
    if (!input) return;
    setBusy('saving');
    let result: TestResultView;
    try {
      result = await runTest(input);
    } catch (err) {
      failWith(err);
      setBusy(null);
      return;
    }
    const fingerprint = unconfirmedServerKey(draft, result);
    if (result.ok && fingerprint) {
      setBusy(null);
      setConfirmKey({ input, test: result, fingerprint });
    } else if (result.ok) await persist(input, result);
    else {
      setBusy(null);
      setConfirmFailing({ input, test: result });
    }
  };

  const others = unshownErrors(errors, SHOWN_FIELDS);
  const transport = TRANSPORTS.find((t) => t.value === draft.transport) ?? TRANSPORTS[0];
  const Fields = transport.Fields;
  return (
    <form ref={formRef} className="wms-form" onSubmit={(event) => void save(event)} noValidate aria-label="WMS setup">
      <div ref={top} aria-live="polite" className="wms-form__top">
        <FormProblems formError={formError} others={others} />
        {outcome?.kind === 'saved' ? <Banner kind="success">WMS setup saved. {outcome.test.message}.</Banner> : null}
        {outcome?.kind === 'saved_failing' ? (
          <Banner kind="warning">
            WMS setup saved, but its test failed: {outcome.test.message}. Deliveries and pickups will fail until this is fixed.
          </Banner>
        ) : null}
        {testResult && !outcome ? (
          <WmsTestResult
            result={testResult}
            savedKey={draft.transport === 'sftp' ? draft.hostKeyFingerprint : undefined}
            onTrustKey={(hostKeyFingerprint) => {
              // Not `change`: the result stays on screen, now saying the key is the one to be saved.
              setDraft((old) => ({ ...old, hostKeyFingerprint }));
            }}
          />
        ) : null}
      </div>

      <div className="form-columns">
        <section className="panel" aria-labelledby="wms-transport-title">
          <h2 id="wms-transport-title">Connection</h2>
          <SelectField
            label="Transport"
            value={draft.transport}
            onValue={(value) => change(transportChange(draft, value as TransportChoice))}
            options={TRANSPORTS.map(({ value, label }) => ({ value, label }))}
            hint="How Dockhand exchanges files with the WMS."
          />
          <Fields draft={draft} change={change} errors={errors} hasSavedPassword={hasSavedPassword} testResult={testResult} />
        </section>

        <section className="panel" aria-labelledby="wms-folders-title">
          <h2 id="wms-folders-title">Folders</h2>
          <WmsFolderFields draft={draft} change={change} errors={errors} exampleCode={exampleCode} />
        </section>
      </div>

      <section className="panel" aria-labelledby="wms-formats-title">
        <h2 id="wms-formats-title">File formats</h2>
        <FileProfiles formats={draft.formats} onFormats={(formats) => change({ formats })} errors={errors} />
      </section>

      <SaveBar disabled={busy !== null} label={busy === 'saving' ? 'Saving…' : 'Save'} status="Save tests the connection first.">
        <button type="button" className="button" onClick={() => void test()} disabled={busy !== null}>
          <PlugZap size={16} aria-hidden="true" />
            {busy === 'testing' ? 'Testing…' : 'Test connection'}
        </button>
      </SaveBar>

      {confirmKey ? (
        <ConfirmDialog
          title="Trust this SFTP server?"
          confirmLabel="Trust and save"
          onCancel={() => setConfirmKey(null)}
          onConfirm={() => {
            const { input, test: passed, fingerprint } = confirmKey;
            setConfirmKey(null);
            setDraft((old) => ({ ...old, hostKeyFingerprint: fingerprint }));
            void persist(withServerKey(input, fingerprint), passed);
          }}
        >
          <p>
            The server showed the key <code>{confirmKey.fingerprint}</code>.
          </p>
          <p>Check it with your IT (they read it on the server with ssh-keygen -lf). Once saved, Dockhand connects only to a server showing this key.</p>
        </ConfirmDialog>
      ) : null}

      {confirmFailing ? (
        <ConfirmDialog
          title="Save a setup whose test failed?"
          confirmLabel="Save anyway"
          danger
          onCancel={() => setConfirmFailing(null)}
          onConfirm={() => {
            const { input, test: failed } = confirmFailing;
            setConfirmFailing(null);
            void persist(input, failed);
          }}
        >
          <p>{confirmFailing.test.message}</p>
          <p>Deliveries and pickups will fail until the WMS accepts this setup. Save only if the server will be reachable later.</p>
        </ConfirmDialog>
      ) : null}
    </form>
  );
}
