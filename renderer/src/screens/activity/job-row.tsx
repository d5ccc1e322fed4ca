import type { JobView } from '../../../../shared/api-types.js';
import { useApiMutation, type RunProgress } from '../../api/hooks.js';
import { ProgressBar } from '../../components/progress-bar.js';
import { RunStatusBadge } from '../../components/status-badge.js';
import { SERVICE_LABELS } from '../../format/labels.js';
import { formatDateTime, formatRelative } from '../../format/time.js';
import { describeMinutes } from '../../../../shared/frequency.js';
import { describeCounts } from './run-counts.js';
import { FieldError } from '../../components/field-error.js';

/**
 * One scheduled job with its buttons. Each row has its own mutations, so a long "Run now" (the call
 * returns when the run ends) keeps only its own button busy.
 */
export function JobRow({ job, progress }: { job: JobView; progress: RunProgress | undefined }) {
  const runNow = useApiMutation('services.runNow');
  const pause = useApiMutation('services.pause');
  const resume = useApiMutation('services.resume');
  const ref = { service: job.service, targetId: job.targetId };
  const label = `${SERVICE_LABELS[job.service]} for ${job.targetName}`;
  const error = runNow.error ?? pause.error ?? resume.error;
  return (
    <tr aria-label={label}>
      <th scope="row">{SERVICE_LABELS[job.service]}</th>
      <td>{job.targetName}</td>
      <td>{job.minutes === null ? 'Off' : describeMinutes(job.minutes)}</td>
      <td>
        <JobState job={job} progress={progress} label={label} />
      </td>
      <td>
        <RunStatusBadge status={job.lastStatus} />
        {job.lastRunAt ? (
          <div className="muted" title={formatDateTime(job.lastRunAt)}>
            {formatRelative(job.lastRunAt)}
          </div>
        ) : null}
      </td>
      <td>
        <div className="activity-actions">
          <button
            type="button"
            className="button button--small"
            aria-label={`Run now: ${label}`}
            disabled={runNow.isPending || job.running}
            onClick={() => runNow.mutate(ref)}
          >
            {runNow.isPending ? 'Running…' : 'Run now'}
          </button>
          {job.paused ? (
            <button type="button" className="button button--small" aria-label={`Resume: ${label}`} disabled={resume.isPending} onClick={() => resume.mutate(ref)}>
              {resume.isPending ? 'Resuming…' : 'Resume'}
            </button>
          ) : (
            <button type="button" className="button button--small" aria-label={`Pause: ${label}`} disabled={pause.isPending} onClick={() => pause.mutate(ref)}>
              {pause.isPending ? 'Pausing…' : 'Pause'}
            </button>
          )}
          {runNow.data && !runNow.isPending ? (
            <div className="activity-result" role="status">
              Finished: <RunStatusBadge status={runNow.data.status} /> {describeCounts(runNow.data.counts)}
              {runNow.data.status !== 'ok' && runNow.data.message ? <div className="activity-reason">{runNow.data.message}</div> : null}
            </div>
          ) : null}
          <FieldError message={error?.message} />
        </div>
      </td>
    </tr>
  );
}

function JobState({ job, progress, label }: { job: JobView; progress: RunProgress | undefined; label: string }) {
  if (job.running) return <ProgressBar done={progress?.done ?? 0} total={progress?.total ?? null} label={`Progress: ${label}`} />;
  if (job.paused)
    return (
      <>
        <span className="badge badge--health-paused">Paused</span>
        {job.pauseReason ? <div className="activity-reason">{job.pauseReason}</div> : null}
      </>
    );
  if (job.minutes === null) return <span className="muted">Runs only when you press Run now</span>;
  if (!job.nextRunAt) return <span className="muted">Waiting to be scheduled</span>;
  return <span title={formatDateTime(job.nextRunAt)}>Next run {formatRelative(job.nextRunAt)}</span>;
}
