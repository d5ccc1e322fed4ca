import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { MailX, Send } from 'lucide-react';
import type { MailView, TestResultView } from '../../../../shared/api-types.js';
import type { MethodInput } from '../../../../shared/contract.js';
import type { FieldErrors } from '../../../../shared/errors.js';
import { MAIL_DEFAULT_PORTS, MAIL_SECURITY, MAIL_SECURITY_LABELS, mailInputSchema, mailSecretAddress, type MailSecurity } from '../../../../shared/schemas/mail.js';
import { errorMessage } from '../../api/api-error.js';
import { call } from '../../api/client.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { SelectField, TextAreaField, TextField } from '../../components/field.js';
import { focusFirstInvalid } from '../../components/focus-first-invalid.js';
import { apiFieldErrors, unshownErrors, validate } from '../../components/form-errors.js';
import { FormProblems } from '../../components/form-problems.js';
import { FtpsCertificate } from '../../components/transports/ftps-certificate.js';
import { SaveBar } from '../../components/save-bar.js';
import { Banner } from '../../components/states.js';
import { foldContactErrors, mailDraftFrom, mailInputFrom, type MailDraft } from './mail-draft.js';

const SHOWN_FIELDS = [
  'settings.host',
  'settings.port',
  'settings.security',
  'settings.user',
  'secrets.password',
  'settings.from',
  'settings.accountContacts',
  'settings.appUrl',
  'settings.pinnedCertificate.sha256',
  'to',
];

/**
 * The SMTP server: host, port, security, login, sender, who hears of account alerts, and the address
 * links in the e-mails open. Save checks the fields in plain words (the API's own schema); "Send a test
 * message" sends to an address the person types, through the typed settings, and shows what the server said.
 */
export function MailForm({ view }: { view: MailView }) {
  const client = useQueryClient();
  const [draft, setDraft] = useState<MailDraft>(() => mailDraftFrom(view));
  const [testTo, setTestTo] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [testResult, setTestResult] = useState<TestResultView | null>(null);
  const [busy, setBusy] = useState<'testing' | 'saving' | 'removing' | null>(null);
  const [confirmOff, setConfirmOff] = useState(false);
  const [hasSavedPassword, setHasSavedPassword] = useState(view.hasPassword);
  const formRef = useRef<HTMLFormElement>(null);
  const top = useRef<HTMLDivElement>(null);

  const change = (patch: Partial<MailDraft>) => {
    // An accepted certificate is for one server: another host, port or security forgets it.
    const server = patch.host !== undefined || patch.port !== undefined || patch.security !== undefined;
    setDraft((old) => ({ ...old, ...(server && !('pinnedCertificate' in patch) ? { pinnedCertificate: null } : {}), ...patch }));
    setSaved(false);
    setTestResult(null);
  };

  const checkedInput = (extra: FieldErrors = {}): MethodInput<'mail.save'> | null => {
    const input = mailInputFrom(draft);
    const checked = validate(mailInputSchema, input);
    const found: FieldErrors = foldContactErrors(checked.ok ? {} : { ...checked.errors }, draft);
    if (draft.user.trim() !== '' && draft.password === '' && !hasSavedPassword) found['secrets.password'] = 'Enter the SMTP password, or clear the user if the server takes mail without a login';
    Object.assign(found, extra);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFormError('Some fields need attention: see the messages below.');
      focusFirstInvalid(formRef.current);
      return null;
    }
    return input;
  };

  const failWith = (err: unknown) => {
    const fields = foldContactErrors(apiFieldErrors(err), draft);
    setErrors(fields);
    setFormError(Object.keys(fields).length > 0 ? `${errorMessage(err)}: see the fields marked below.` : errorMessage(err));
    if (Object.keys(fields).length > 0) focusFirstInvalid(formRef.current);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    setSaved(false);
    setTestResult(null);
    const input = checkedInput();
    if (!input) return;
    setBusy('saving');
    try {
      const result = await call('mail.save', input);
      await client.invalidateQueries();
      setHasSavedPassword(result.hasPassword);
      setDraft((old) => ({ ...old, password: '' }));
      setSaved(true);
      top.current?.scrollIntoView({ block: 'nearest' });
    } catch (err) {
      failWith(err);
    } finally {
      setBusy(null);
    }
  };

  const sendTest = async () => {
    setFormError(null);
    setSaved(false);
    setTestResult(null);
    const to = testTo.trim();
    const toProblem = to === '' ? 'Enter the address to send the test message to' : /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(to) ? null : 'Enter an e-mail address, such as you@example.com';
    const input = checkedInput(toProblem ? { to: toProblem } : {});
    if (!input) return;
    setBusy('testing');
    try {
      setTestResult(await call('mail.test', { to, mail: input }));
    } catch (err) {
      failWith(err);
    } finally {
      setBusy(null);
    }
  };

  const turnOff = async () => {
    setConfirmOff(false);
    setBusy('removing');
    try {
      const off = await call('mail.remove', {});
      await client.invalidateQueries();
      // The form starts afresh: nothing of the forgotten server stays filled in.
      setDraft(mailDraftFrom(off));
      setHasSavedPassword(false);
      setSaved(false);
      setTestResult(null);
      setErrors({});
    } catch (err) {
      failWith(err);
    } finally {
      setBusy(null);
    }
  };

  const changeSecurity = (security: MailSecurity) => {
    // Offer the usual port of the new choice when the port is still the usual one of the old.
    const usual = Object.values(MAIL_DEFAULT_PORTS).map(String).includes(draft.port.trim());
    change({ security, ...(usual ? { port: String(MAIL_DEFAULT_PORTS[security]) } : {}) });
  };

  const savedAddress = view.settings ? mailSecretAddress(view.settings) : null;
  const others = unshownErrors(errors, SHOWN_FIELDS);
  return (
    <form ref={formRef} className="mail-form" onSubmit={(event) => void save(event)} noValidate aria-label="Mail settings">
      <div ref={top} aria-live="polite">
        <FormProblems formError={formError} others={others} />
        {saved ? <Banner kind="success">Mail settings saved. New alerts are e-mailed through {draft.host}.</Banner> : null}
      </div>

      <div className="form-columns">
        <section className="panel" aria-labelledby="mail-server-title">
          <h2 id="mail-server-title">Outgoing mail server (SMTP)</h2>
          <TextField label="Host" value={draft.host} onValue={(host) => change({ host })} error={errors['settings.host']} placeholder="smtp.example.com" autoComplete="off" />
          <SelectField
            label="Security"
            value={draft.security}
            onValue={(value) => changeSecurity(value as MailSecurity)}
            options={MAIL_SECURITY.map((value) => ({ value, label: MAIL_SECURITY_LABELS[value] }))}
            error={errors['settings.security']}
            hint={draft.security === 'none' ? 'Nothing is encrypted: use it only for a relay on your own network.' : undefined}
          />
          <TextField label="Port" value={draft.port} onValue={(port) => change({ port })} error={errors['settings.port']} inputMode="numeric" />
          {draft.security !== 'none' ? (
            <FtpsCertificate
              server={`${draft.host || 'the server'}:${draft.port}`}
              offered={testResult?.certificate}
              pinned={draft.pinnedCertificate ?? null}
              onAccept={(pinnedCertificate) => change({ pinnedCertificate })}
              onForget={() => change({ pinnedCertificate: null })}
              error={errors['settings.pinnedCertificate.sha256']}
            />
          ) : null}
          <TextField
            label="User"
            value={draft.user}
            onValue={(user) => change({ user })}
            error={errors['settings.user']}
            autoComplete="off"
            hint="Leave empty for a server on your network that takes mail without a login."
          />
          <TextField
            label="Password"
            type="password"
            value={draft.password}
            onValue={(password) => change({ password })}
            error={errors['secrets.password']}
            autoComplete="new-password"
            hint={
              hasSavedPassword
                ? `A password is saved for ${savedAddress ?? 'this server'} and is never shown. Leave blank to keep it; another host, port or security needs it typed again.`
                : draft.security === 'none'
                  ? 'With no security the password crosses the network unencrypted.'
                  : undefined
            }
          />
        </section>

        <section className="panel" aria-labelledby="mail-message-title">
          <h2 id="mail-message-title">Messages</h2>
          <TextField
            label="Sender address"
            type="email"
            value={draft.from}
            onValue={(from) => change({ from })}
            error={errors['settings.from']}
            placeholder="dockhand@example.com"
            hint="Many servers accept only the login's own address as sender."
          />
          <TextAreaField
            label="Account contacts"
            value={draft.accountContacts}
            onValue={(accountContacts) => change({ accountContacts })}
            error={errors['settings.accountContacts']}
            rows={3}
            hint="One address per line. They hear of alerts about no merchant (the WMS login, the disk). Leave empty and such alerts are only shown in Dockhand. Each merchant's own error contacts are set on the merchant."
          />
          <TextField
            label="Dockhand's address for links"
            value={draft.appUrl}
            onValue={(appUrl) => change({ appUrl })}
            error={errors['settings.appUrl']}
            placeholder="http://warehouse-pc:4780"
            hint="Each alert in an e-mail links here. Leave empty and the e-mail names the alert's number instead."
          />
        </section>
      </div>

      <section className="panel mail-form__test" aria-labelledby="mail-test-title">
        <h2 id="mail-test-title">Send a test message</h2>
        <div className="mail-form__test-row">
          <TextField label="Send it to" type="email" value={testTo} onValue={setTestTo} error={errors.to} placeholder="you@example.com" />
          <button type="button" className="button" onClick={() => void sendTest()} disabled={busy !== null}>
            <Send size={16} aria-hidden="true" />
            {busy === 'testing' ? 'Sending…' : 'Send a test message'}
          </button>
        </div>
        {testResult ? (
          <div className={`banner banner--${testResult.ok ? 'success' : 'error'}`} role={testResult.ok ? 'status' : 'alert'}>
            <strong>{testResult.ok ? 'Test message sent.' : 'The test message was not sent.'}</strong> {testResult.message}
          </div>
        ) : null}
      </section>

      <SaveBar disabled={busy !== null} label={busy === 'saving' ? 'Saving…' : 'Save'} status={view.configured ? undefined : 'E-mail alerts are off until this is saved.'}>
        {view.configured ? (
          <button type="button" className="button" onClick={() => setConfirmOff(true)} disabled={busy !== null}>
            <MailX size={16} aria-hidden="true" />
            {busy === 'removing' ? 'Turning off…' : 'Turn off e-mail alerts'}
          </button>
        ) : null}
      </SaveBar>

      {confirmOff ? (
        <ConfirmDialog title="Turn off e-mail alerts?" confirmLabel="Turn off" danger onCancel={() => setConfirmOff(false)} onConfirm={() => void turnOff()}>
          <p>Dockhand forgets this mail server and its password. Alerts are still shown here, but nobody is e-mailed, and nothing waiting is sent.</p>
        </ConfirmDialog>
      ) : null}
    </form>
  );
}
