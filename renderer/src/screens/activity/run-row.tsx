import type { RunView } from '../../../../shared/api-types.js';
import { RunStatusBadge } from '../../components/status-badge.js';
import { SERVICE_LABELS } from '../../format/labels.js';
import { formatDateTime, formatDuration } from '../../format/time.js';
import { firstProblem, RunCounts } from './run-counts.js';

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
        <RunCounts counts={run.counts} status={run.status} />
      </td>
      <td>
        <RunErrors run={run} />
      </td>
    </tr>
  );
}

/** What failed, first and in words; the run's other errors, each where it happened, folded below. */
function RunErrors({ run }: { run: RunView }) {
  if (run.status === 'running') return <span className="muted">—</span>;
  const problem = firstProblem(run);
  if (!problem) return <>{run.message ? <div className="activity-message">{run.message}</div> : <span className="muted">None</span>}</>;
  const listed = run.status === 'failed' && run.message ? run.errors : run.errors.slice(1);
  return (
    <>
      <div className="activity-message">{problem.text}</div>
      {listed.length > 0 ? (
        <details className="activity-errors">
          <summary>
            {problem.more} more {problem.more === 1 ? 'error' : 'errors'}
          </summary>
          <ul>
            {listed.map((error, index) => (
              <li key={index}>
                {error.where ? <span className="mono">{error.where}: </span> : null}
                {error.message}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {run.status !== 'failed' && run.message ? <div className="activity-message muted">{run.message}</div> : null}
    </>
  );
}
