import type { OrderHistoryEntry } from '../../../../shared/api-types.js';
import { formatDateTime } from '../../format/time.js';
import { historyTitle } from './history-title.js';

/** Every status change of the order, and every change the cart made after delivery, oldest first, with its note. */
export function OrderHistory({ history }: { history: OrderHistoryEntry[] }) {
  return (
    <section aria-labelledby="order-history-title">
      <h2 id="order-history-title">History</h2>
      {history.length === 0 ? (
        <p className="muted">No status changes recorded.</p>
      ) : (
        <ol className="order__history" aria-label="History">
          {history.map((entry, i) => (
            <li key={`${entry.at}-${i}`}>
              <time dateTime={entry.at} className="muted">
                {formatDateTime(entry.at)}
              </time>{' '}
              <strong>{historyTitle(entry)}</strong>
              {entry.note ? <span> — {entry.note}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
