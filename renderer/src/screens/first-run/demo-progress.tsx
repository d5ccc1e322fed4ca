import { DEMO_STEP_LABELS, type DemoStep } from './use-first-run.js';

const ORDER: DemoStep[] = ['account', 'demo', 'opening'];

/** A checklist of the demo set-up: done, doing, to do. */
export function DemoProgress({ step, failed }: { step: DemoStep; failed: boolean }) {
  const current = ORDER.indexOf(step);
  return (
    <ol className="first-run__steps" aria-label="Setting up the demo">
      {ORDER.map((s, index) => {
        const state = index < current ? 'done' : index === current ? (failed ? 'failed' : 'active') : 'todo';
        return (
          <li key={s} className={`first-run__step first-run__step--${state}`}>
            <span className="first-run__step-mark" aria-hidden="true">
              {state === 'done' ? '✓' : state === 'failed' ? '✕' : state === 'active' ? '…' : '·'}
            </span>
            {DEMO_STEP_LABELS[s]}
            <span className="first-run__sr-only">{` (${state === 'todo' ? 'to do' : state})`}</span>
          </li>
        );
      })}
    </ol>
  );
}
