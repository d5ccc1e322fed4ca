import { useState } from 'react';
import type { OrderDetailView } from '../../../../shared/api-types.js';
import { contract } from '../../../../shared/contract.js';
import { useApiMutation } from '../../api/hooks.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { TextField } from '../../components/field.js';
import { validate } from '../../components/form-errors.js';
import { Banner } from '../../components/states.js';
import { STATUS_LABELS } from '../../format/labels.js';
import { allowedActions } from '../../../../shared/order-actions.js';

const holdSchema = contract['orders.hold'].input;

/** Release, Hold (with a reason), Resend to WMS, Cancel and Cancel the rest: only those the order's status allows. */
export function OrderActions({ order }: { order: OrderDetailView }) {
  const allowed = allowedActions(order.status);
  const release = useApiMutation('orders.release');
  const resend = useApiMutation('orders.resend');
  const hold = useApiMutation('orders.hold');
  const cancel = useApiMutation('orders.cancel');
  const cancelRest = useApiMutation('orders.cancelRest');
  const [result, setResult] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [holding, setHolding] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [confirmCancelRest, setConfirmCancelRest] = useState(false);
  const busy = release.isPending || resend.isPending || hold.isPending || cancel.isPending || cancelRest.isPending;

  const done = (what: string) => (next: OrderDetailView) => setResult({ kind: 'success', text: `${what} Status: ${STATUS_LABELS[next.status]}.` });
  const failed = (err: Error) => setResult({ kind: 'error', text: err.message });
  /** The outcome of an action confirmed in a dialog: the dialog closes either way. */
  const afterDialog = (close: () => void, what: string) => ({
    onSuccess: (next: OrderDetailView) => {
      close();
      done(what)(next);
    },
    onError: (err: Error) => {
      close();
      failed(err);
    },
  });

  const submitHold = () => {
    const checked = validate(holdSchema, { id: order.id, reason });
    if (!checked.ok) {
      // The schema's "too small" message means an empty reason; say so in words.
      setReasonError(reason.trim() ? (checked.errors.reason ?? Object.values(checked.errors)[0]) : 'Enter why the order is held');
      return;
    }
    setReasonError(undefined);
    hold.mutate(checked.data, {
      onSuccess: (next) => {
        setHolding(false);
        setReason('');
        done('The order is on hold.')(next);
      },
      onError: (err) => {
        if (err.fields.reason) setReasonError(err.fields.reason);
        else failed(err);
      },
    });
  };

  if (allowed.length === 0) {
    // The result of the last action (e.g. Cancel) stays visible although no action applies any more.
    return (
      <div className="order__actions">
        {result ? <Banner kind={result.kind}>{result.text}</Banner> : null}
        <p className="muted">No actions apply to a {STATUS_LABELS[order.status]} order.</p>
      </div>
    );
  }
  return (
    <div className="order__actions">
      {result ? <Banner kind={result.kind}>{result.text}</Banner> : null}
      <div className="toolbar">
        {allowed.includes('release') ? (
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => release.mutate({ id: order.id }, { onSuccess: done('Released.'), onError: failed })}
          >
            {release.isPending ? 'Releasing…' : 'Release'}
          </button>
        ) : null}
        {allowed.includes('resend') ? (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => resend.mutate({ id: order.id }, { onSuccess: done('It goes to the WMS again with the next delivery.'), onError: failed })}
          >
            {resend.isPending ? 'Resending…' : 'Resend to WMS'}
          </button>
        ) : null}
        {allowed.includes('hold') && !holding ? (
          <button type="button" className="button" disabled={busy} onClick={() => setHolding(true)}>
            Hold…
          </button>
        ) : null}
        {allowed.includes('cancel') ? (
          <button type="button" className="button button--danger" disabled={busy} onClick={() => setConfirmCancel(true)}>
            Cancel order…
          </button>
        ) : null}
        {allowed.includes('cancelRest') ? (
          <button type="button" className="button button--danger" disabled={busy} onClick={() => setConfirmCancelRest(true)}>
            Cancel the rest…
          </button>
        ) : null}
      </div>
      {holding ? (
        <form
          className="panel order__hold"
          onSubmit={(event) => {
            event.preventDefault();
            submitHold();
          }}
        >
          <TextField label="Reason for the hold" value={reason} onValue={setReason} error={reasonError} hint="Shown on the order; the order is not delivered until released." />
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={hold.isPending}>
              {hold.isPending ? 'Holding…' : 'Put on hold'}
            </button>
            <button type="button" className="button" onClick={() => setHolding(false)} disabled={hold.isPending}>
              Never mind
            </button>
          </div>
        </form>
      ) : null}
      {confirmCancel ? (
        <ConfirmDialog
          title={`Cancel order ${order.orderNumber}?`}
          confirmLabel="Cancel the order"
          danger
          busy={cancel.isPending}
          onCancel={() => setConfirmCancel(false)}
          onConfirm={() => cancel.mutate({ id: order.id }, afterDialog(() => setConfirmCancel(false), 'The order is canceled in Dockhand.'))}
        >
          Dockhand will not deliver it to the WMS.{' '}
          {order.status === 'at_wms' ? 'The WMS already has it: cancel it there too.' : ''} The order is not canceled in the cart.
        </ConfirmDialog>
      ) : null}
      {confirmCancelRest ? (
        <ConfirmDialog
          title={`Cancel the rest of order ${order.orderNumber}?`}
          confirmLabel="Cancel the rest"
          danger
          busy={cancelRest.isPending}
          onCancel={() => setConfirmCancelRest(false)}
          onConfirm={() => cancelRest.mutate({ id: order.id }, afterDialog(() => setConfirmCancelRest(false), 'Dockhand no longer waits for the rest.'))}
        >
          Dockhand stops waiting for the units the warehouse has not shipped: the order counts as shipped and is confirmed once its shipments are in the cart. Tell
          the warehouse not to ship the rest, and cancel or refund it in the cart: Dockhand does not change the cart.
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
