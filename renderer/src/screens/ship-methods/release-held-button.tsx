import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/api-error.js';
import { releaseHeldOrders, type ReleaseOutcome } from './release-held-orders.js';
import { FieldError } from '../../components/field-error.js';

/** "Release the N held orders" of one mapped code, with progress and the result. */
export function ReleaseHeldButton({ cartId, cartCode, held }: { cartId: number; cartCode: string; held: number }) {
  const client = useQueryClient();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<ReleaseOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setOutcome(null);
    setError(null);
    setProgress({ done: 0, total: held });
    try {
      setOutcome(await releaseHeldOrders(cartId, cartCode, (done, total) => setProgress({ done, total })));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setProgress(null);
      await client.invalidateQueries();
    }
  };

  return (
    <div className="ship-methods__release">
      {held > 0 ? (
        <button type="button" className="button button--primary button--small" disabled={progress !== null} onClick={() => void run()}>
          {progress ? `Releasing ${progress.done} of ${progress.total}…` : `Release the ${held} held ${held === 1 ? 'order' : 'orders'}`}
        </button>
      ) : null}
      {outcome ? (
        <div role="status" className={outcome.failed.length ? 'field__error' : 'ship-methods__ok'}>
          Released {outcome.released} {outcome.released === 1 ? 'order' : 'orders'}.
          {outcome.failed.map((f) => (
            <div key={f.orderNumber}>
              {f.orderNumber}: {f.message}
            </div>
          ))}
        </div>
      ) : null}
      <FieldError message={error} />
    </div>
  );
}
