import type { AccountMode } from '../../../../shared/domain.js';
import { FieldError } from '../../components/field-error.js';

/** The two ways of working, as cards a person picks one of (PRODUCT.md, "The people"). */

const MODES: { mode: AccountMode; title: string; body: string }[] = [
  {
    mode: 'fulfillment',
    title: 'Fulfillment center',
    body: 'You ship for many merchants (a 3PL). Each merchant has its own stores, and all of them share your one warehouse system.',
  },
  {
    mode: 'single_merchant',
    title: 'Single merchant',
    body: 'You run your own warehouse for your own stores. Same functions, with one merchant: you.',
  },
];

export function ModeChoice({ mode, onMode, error, disabled }: { mode: AccountMode | null; onMode: (mode: AccountMode) => void; error?: string; disabled?: boolean }) {
  return (
    <section aria-labelledby="first-run-mode-title">
      <h2 id="first-run-mode-title">How do you work?</h2>
      <div className="choice-cards" role="group" aria-labelledby="first-run-mode-title" aria-describedby={error ? 'first-run-mode-error' : undefined}>
        {MODES.map((choice) => (
          <button
            key={choice.mode}
            type="button"
            className="choice-card"
            aria-pressed={mode === choice.mode}
            disabled={disabled}
            onClick={() => onMode(choice.mode)}
          >
            <strong>{choice.title}</strong>
            <span className="muted">{choice.body}</span>
          </button>
        ))}
      </div>
      <FieldError message={error} id="first-run-mode-error" />
    </section>
  );
}
