import { useCallback, useId, useState } from 'react';
import { contract } from '../../../../shared/contract.js';
import type { CartView } from '../../../../shared/api-types.js';
import { errorMessage } from '../../api/api-error.js';
import { useApiMutation } from '../../api/hooks.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { TextField } from '../../components/field.js';
import { apiFieldErrors, unshownErrors, validate } from '../../components/form-errors.js';
import { Banner } from '../../components/states.js';
import { describeSyncPosition, formatUtc } from './sync-position-text.js';

const setCursorSchema = contract['carts.setCursor'].input;

/**
 * Diagnostics on a saved cart: where the next order download starts, the raw value, and the two ways a
 * person moves it (edit, restart). Both ask first: moving it back costs API calls, forward skips orders.
 */
export function SyncPosition({ cart }: { cart: CartView }) {
  const headingId = useId();
  const text = describeSyncPosition(cart.platform, cart.syncCursor, cart.earliestOrderDate);
  const [dialog, setDialog] = useState<'edit' | 'restart' | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const close = useCallback(() => setDialog(null), []);
  const done = (message: string) => {
    setDialog(null);
    setResult(message);
  };
  return (
    <section className="panel sync-position" aria-labelledby={headingId}>
      <h2 id={headingId}>Sync position</h2>
      <p className="sync-position__summary">{text.summary}</p>
      {text.unreadable ? <Banner kind="warning">The saved position is damaged.</Banner> : null}
      <div className="sync-position__raw-label muted">Saved value</div>
      <pre className="mono sync-position__raw" aria-label="Saved sync position">
        {cart.syncCursor ?? 'none (not started)'}
      </pre>
      <div className="toolbar">
        <button
          type="button"
          className="button"
          onClick={() => {
            setResult(null);
            setDialog('edit');
          }}
        >
          Edit…
        </button>
        <button
          type="button"
          className="button"
          disabled={cart.syncCursor === null}
          onClick={() => {
            setResult(null);
            setDialog('restart');
          }}
        >
          Restart from the earliest order date…
        </button>
      </div>
      {result ? <Banner kind="success">{result}</Banner> : null}
      {dialog === 'edit' ? (
        <EditDialog
          cart={cart}
          initial={text.editValue}
          hint={text.editHint}
          onCancel={close}
          onSaved={(saved) => done(`Sync position saved. ${describeSyncPosition(saved.platform, saved.syncCursor, saved.earliestOrderDate).summary}`)}
        />
      ) : null}
      {dialog === 'restart' ? (
        <RestartDialog
          cart={cart}
          onCancel={close}
          onRestarted={() => done(`Sync position cleared: the next download starts from the earliest order date ${formatUtc(cart.earliestOrderDate)}.`)}
        />
      ) : null}
    </section>
  );
}

function Warning() {
  return (
    <Banner kind="warning">
      Moving the position <strong>back</strong> re-reads orders already downloaded: duplicates are never created, but it costs API calls. Moving it{' '}
      <strong>forward</strong> skips the orders in between: they are then never downloaded.
    </Banner>
  );
}

function EditDialog({
  cart,
  initial,
  hint,
  onCancel,
  onSaved,
}: {
  cart: CartView;
  initial: string;
  hint: string;
  onCancel: () => void;
  onSaved: (cart: CartView) => void;
}) {
  const [value, setValue] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useApiMutation('carts.setCursor', { onSuccess: onSaved });
  const submit = () => {
    const checked = validate(setCursorSchema, { id: cart.id, cursor: value });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    save.mutate(checked.data, { onError: (err) => setErrors({ cursor: errorMessage(err), ...apiFieldErrors(err) }) });
  };
  const others = unshownErrors(errors, ['cursor']);
  return (
    <ConfirmDialog title="Change the sync position?" confirmLabel="Save position" busy={save.isPending} onConfirm={submit} onCancel={onCancel}>
      <Warning />
      <TextField
        label="Sync position"
        className="mono"
        value={value}
        onValue={(next) => {
          setValue(next);
          setErrors({});
        }}
        error={errors.cursor}
        hint={hint}
        spellCheck={false}
        autoComplete="off"
      />
      {others.length ? <Banner kind="error">{others.join(' ')}</Banner> : null}
    </ConfirmDialog>
  );
}

function RestartDialog({ cart, onCancel, onRestarted }: { cart: CartView; onCancel: () => void; onRestarted: () => void }) {
  const restart = useApiMutation('carts.setCursor', { onSuccess: onRestarted });
  return (
    <ConfirmDialog
      title="Restart from the earliest order date?"
      confirmLabel="Restart"
      danger
      busy={restart.isPending}
      onConfirm={() => restart.mutate({ id: cart.id, cursor: null })}
      onCancel={onCancel}
    >
      <p>The next download reads every order from {formatUtc(cart.earliestOrderDate)} again.</p>
      <Warning />
      {restart.error ? <Banner kind="error">{restart.error.message}</Banner> : null}
    </ConfirmDialog>
  );
}
