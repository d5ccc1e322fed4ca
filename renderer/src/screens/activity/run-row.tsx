import type { RunView } from '../../../../shared/api-types.js';
import { RunStatusBadge } from '../../components/status-badge.js';
import { SERVICE_LABELS } from '../../format/labels.js';
import { formatDateTime, formatDuration } from '../../format/time.js';
import { RunCounts } from './run-counts.js';

const TRIGGER_LABELS: Record<string, string> = { schedule: 'Schedule', manual: 'Manual', wake: 'After sleep', retry: 'Retry', demo: 'Demo warehouse' };

/** One service run: when, how long, why, how it went, what it did, and each error where it happened. */
export function RunRow({ run, targetName }: { run: RunView; targetName: string }) {
  return (
    <tr aria-label={`Run ${run.id}: ${SERVICE_LABELS[run.service]} for ${targetName}`}>
      <td>{formatDateTime(run.startedAt)}</td>
      <td>
        {SERVICE_LABELS[run.service]}
        <div className="muted">{targetName}</div>
      </td>
      <td>{formatDuration(run.startedAt, run.finishedAt)}</td>
      <td>{TRIGGER_LABELS[run.trigger] ?? run.trigger}</td>
      <td>
        <RunStatusBadge status={run.status} />
      </td>
      <td>
        <RunCounts counts={run.counts} />
      </td>
      <td>
        {run.errors.length === 0 ? (
          <span className="muted">None</span>
        ) : (
          <details className="activity-errors">
            <summary>
              {run.errors.length} {run.errors.length === 1 ? 'error' : 'errors'}
            </summary>
            <ul>
              {run.errors.map((error, index) => (
                <li key={index}>
                  {error.where ? <span className="mono">{error.where}: </span> : null}
                  {error.message}
                </li>
              ))}
            </ul>
          </details>
        )}
        {run.message ? <div className="activity-message">{run.message}</div> : null}
      </td>
    </tr>
  );
}
