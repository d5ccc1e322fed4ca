import type { OrderHistoryEntry } from '../../../../shared/api-types.js';
import { STATUS_LABELS } from '../../format/labels.js';

/** "New → At WMS", or the status alone for an entry that records a change without a move. */
export function historyTitle(entry: OrderHistoryEntry): string {
  const to = STATUS_LABELS[entry.toStatus];
  return entry.fromStatus && entry.fromStatus !== entry.toStatus ? `${STATUS_LABELS[entry.fromStatus]} → ${to}` : to;
}
