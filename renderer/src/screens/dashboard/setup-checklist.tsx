import { CheckCircle2, Circle } from 'lucide-react';
import type { SetupProgressView } from '../../../../shared/api-types.js';
import { setupStepText } from '../../../../shared/setup-steps.js';
import { useApiMutation } from '../../api/hooks.js';
import { Link } from '../../app/router.js';
import './setup-checklist.css';

/**
 * The "Set up myself" checklist: stays on the Dashboard until every step is done (each ticks itself from
 * the saved setup) or a person dismisses it. Each step links to the screen where it is done.
 */
export function SetupChecklist({ progress, singleMerchant }: { progress: SetupProgressView; singleMerchant: boolean }) {
  const dismiss = useApiMutation('setup.dismiss');
  const left = progress.steps.filter((s) => !s.done).length;
  const next = progress.steps.find((s) => !s.done)?.step;
  return (
    <section className="panel setup-checklist" aria-labelledby="setup-checklist-title">
      <div className="setup-checklist__head">
        <h2 id="setup-checklist-title">Set up Dockhand</h2>
        <span className="muted">
          {progress.steps.length - left} of {progress.steps.length} done
        </span>
      </div>
      <ol className="setup-checklist__steps">
        {progress.steps.map(({ step, done, link }) => (
          <li key={step} className={`setup-checklist__step${done ? ' setup-checklist__step--done' : ''}`} data-step={step} data-done={done}>
            {done ? <CheckCircle2 aria-hidden="true" className="setup-checklist__icon" /> : <Circle aria-hidden="true" className="setup-checklist__icon" />}
            <div>
              <Link to={link} className={step === next ? 'setup-checklist__link setup-checklist__link--next' : 'setup-checklist__link'}>
                {setupStepText(step, singleMerchant).title}
              </Link>
              <span className="setup-checklist__sr-only">{done ? ' (done)' : ' (to do)'}</span>
              <div className="muted setup-checklist__hint">{setupStepText(step, singleMerchant).hint}</div>
            </div>
          </li>
        ))}
      </ol>
      <button type="button" className="button setup-checklist__dismiss" disabled={dismiss.isPending} onClick={() => dismiss.mutate({})}>
        Dismiss
      </button>
    </section>
  );
}
