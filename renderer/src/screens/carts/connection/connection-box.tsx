import { useRef, useState } from 'react';
import { Link2, Plug, RefreshCw } from 'lucide-react';
import type { ConsentStatusView } from '../../../../../shared/api-types.js';
import type { ApiError } from '../../../api/api-error.js';
import { useApi, useApiMutation } from '../../../api/hooks.js';
import { TextField } from '../../../components/field.js';
import { FieldError } from '../../../components/field-error.js';
import { Banner, QueryView } from '../../../components/states.js';
import { connectionSummary, flowOutcome, pendingText } from './connection-text.js';
import { openConsentPage } from './open-consent.js';
import './connection-box.css';

/** How often the box asks whether the consent arrived while Dockhand listens for it. */
const POLL_MS = 2_000;

/**
 * The Connection box of a saved cart whose platform grants access on a consent page (its descriptor
 * has `oauth`): whether the account is connected, Connect/Reconnect (the consent page opens in the
 * browser), the landing address to paste where Dockhand does not receive it itself, and a setup link
 * to send the merchant. Nothing in it names a platform: the words come from the platform's name.
 */
export function ConnectionBox({ cartId, platformName }: { cartId: number; platformName: string }) {
  // Asks again only while Dockhand itself may receive the answer; a pasted one answers at once.
  const status = useApi('consent.status', { cartId }, { refetchInterval: (query) => (query.state.data?.flow?.listening ? POLL_MS : false) });
  return (
    <section className="panel connection-box" aria-labelledby={`connection-${cartId}`}>
      <h2 id={`connection-${cartId}`}>Connection</h2>
      <QueryView query={status} what="Loading the connection">
        {(s) => <ConnectionState status={s} platformName={platformName} />}
      </QueryView>
    </section>
  );
}

function ConnectionState({ status, platformName }: { status: ConsentStatusView; platformName: string }) {
  const summary = connectionSummary(status, platformName);
  const flow = status.flow;
  const pending = flow?.status === 'pending' ? flow : null;
  const start = useApiMutation('consent.start', {
    onSuccess: (started) => {
      if (!started.flow?.shared && started.flow?.consentUrl) openConsentPage(started.flow.consentUrl);
    },
  });
  const cancel = useApiMutation('consent.cancel');
  const outcome = pending ? null : flowOutcome(flow);
  return (
    <div className="connection-box__body">
      <p className="connection-box__status">
        <span className={`badge connection-box__badge connection-box__badge--${summary.tone}`}>{summary.label}</span> {summary.text}
      </p>
      {outcome ? <Banner kind={outcome.kind}>{outcome.text}</Banner> : null}
      <div className="connection-box__actions">
        <button type="button" className="button button--primary" disabled={start.isPending} onClick={() => start.mutate({ cartId: status.cartId })}>
          {summary.action === 'Reconnect' ? <RefreshCw size={16} aria-hidden="true" /> : <Plug size={16} aria-hidden="true" />}
          {start.isPending && !start.variables?.share ? 'Starting…' : summary.action}
        </button>
        <button type="button" className="button" disabled={start.isPending} onClick={() => start.mutate({ cartId: status.cartId, share: true })}>
          <Link2 size={16} aria-hidden="true" />
          Share a setup link
        </button>
        {pending ? (
          <button type="button" className="button button--ghost" disabled={cancel.isPending} onClick={() => cancel.mutate({ cartId: status.cartId })}>
            Cancel
          </button>
        ) : null}
      </div>
      <FieldError message={start.error?.message ?? cancel.error?.message} />
      {pending ? <PendingConsent cartId={status.cartId} flow={pending} platformName={platformName} /> : null}
    </div>
  );
}

function PendingConsent({ cartId, flow, platformName }: { cartId: number; flow: NonNullable<ConsentStatusView['flow']>; platformName: string }) {
  const [landing, setLanding] = useState('');
  const complete = useApiMutation('consent.complete', { onSuccess: () => setLanding('') });
  const error = complete.error as ApiError | null;
  return (
    <div className="connection-box__pending" aria-live="polite">
      {flow.listening && !flow.shared ? (
        <p className="connection-box__waiting">
          <span className="spinner" aria-hidden="true" /> {pendingText(flow, platformName)}
        </p>
      ) : (
        <p>{pendingText(flow, platformName)}</p>
      )}
      {flow.consentUrl ? (
        flow.shared ? (
          <CopyLink url={flow.consentUrl} />
        ) : (
          <p>
            <a href={flow.consentUrl} target="_blank" rel="noreferrer noopener">
              Open {platformName}'s consent page again
            </a>
          </p>
        )
      ) : null}
      <form
        className="connection-box__paste"
        onSubmit={(event) => {
          event.preventDefault();
          complete.mutate({ cartId, landing });
        }}
      >
        <TextField
          label="The address the browser landed on"
          hint="The whole address from the browser's address bar after allowing access (or just the code in it)."
          value={landing}
          onValue={setLanding}
          error={error?.fields?.landing ?? (error ? error.message : undefined)}
          autoComplete="off"
          spellCheck={false}
        />
        <button type="submit" className="button" disabled={complete.isPending || landing.trim() === ''}>
          {complete.isPending ? 'Connecting…' : 'Connect with this address'}
        </button>
      </form>
    </div>
  );
}

/** The setup link, selectable, with Copy (where the clipboard is refused, the text is selected to copy by hand). */
function CopyLink({ url }: { url: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'copied' | 'select' | null>(null);
  const copy = () => {
    navigator.clipboard.writeText(url).then(
      () => setCopied('copied'),
      () => {
        input.current?.select();
        setCopied('select');
      },
    );
  };
  return (
    <div className="connection-box__link">
      <input ref={input} className="connection-box__link-text mono" readOnly value={url} aria-label="Setup link for the merchant" onFocus={(e) => e.currentTarget.select()} />
      <button type="button" className="button" onClick={copy}>
        Copy
      </button>
      <span className="muted" role="status">
        {copied === 'copied' ? 'Copied.' : copied === 'select' ? 'Selected: press Ctrl+C (⌘C on a Mac) to copy.' : ''}
      </span>
    </div>
  );
}
