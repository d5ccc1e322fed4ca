import { useState } from 'react';
import { contract } from '../../../../shared/contract.js';
import type { AccountMode } from '../../../../shared/domain.js';
import { validate } from '../../components/form-errors.js';
import { Banner } from '../../components/states.js';
import { DemoExplainer } from './demo-explainer.js';
import { DemoProgress } from './demo-progress.js';
import { ModeChoice } from './mode-choice.js';
import { useFirstRun } from './use-first-run.js';

/**
 * Shown until the account is set up: pick how you work, then set up yourself (to the Dashboard, with a
 * checklist of the steps) or try the demo (to the dashboard, with the loop already running).
 */
export function FirstRunScreen(_props: object) {
  const [mode, setMode] = useState<AccountMode | null>(null);
  const [modeError, setModeError] = useState<string | undefined>();
  const { setUpMyself, tryDemo, step, busy, error } = useFirstRun();

  const start = (action: typeof setUpMyself) => {
    // The same schema as the API: nothing is sent until a way of working is chosen.
    const checked = validate(contract['account.setup'].input, { mode });
    if (!checked.ok) {
      setModeError('Choose how you work first: fulfillment center or single merchant.');
      return;
    }
    setModeError(undefined);
    action.mutate(checked.data.mode);
  };

  return (
    <main className="first-run">
      <h1>Welcome to Dockhand</h1>
      <p>
        Dockhand moves orders from your merchants' online stores to your warehouse system, and tracking numbers and stock levels back,
        on schedules, without anyone retyping anything.
      </p>
      <ModeChoice
        mode={mode}
        onMode={(m) => {
          setMode(m);
          setModeError(undefined);
        }}
        error={modeError}
        disabled={busy}
      />
      <h2>How would you like to start?</h2>
      <div className="first-run__starts">
        <div className="panel first-run__start">
          <h3>Set up myself</h3>
          <p className="muted">A checklist on the Dashboard takes you through it: your warehouse system, your first merchant and its store, ship methods, then the services.</p>
          <button type="button" className="button" disabled={busy} onClick={() => start(setUpMyself)}>
            {setUpMyself.isPending ? 'Saving…' : 'Set up myself'}
          </button>
        </div>
        <div className="panel first-run__start">
          <h3>Try with demo data</h3>
          <DemoExplainer />
          <button type="button" className="button button--primary" disabled={busy} onClick={() => start(tryDemo)}>
            {tryDemo.isPending ? 'Setting up the demo…' : 'Try with demo data'}
          </button>
          {step ? <DemoProgress step={step} failed={tryDemo.isError} /> : null}
        </div>
      </div>
      {error ? (
        <Banner kind="error">
          Could not finish setting up: {error.message} Nothing is lost; try again.
        </Banner>
      ) : null}
    </main>
  );
}
