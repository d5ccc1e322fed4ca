import type { JobView } from '../../../../shared/api-types.js';
import { useApiMutation, type RunProgress } from '../../api/hooks.js';
import { Play } from 'lucide-react';
import { Link } from '../../app/router.js';
import { ProgressBar } from '../../components/progress-bar.js';
import { RunStatusBadge } from '../../components/status-badge.js';
import { SERVICE_LABELS } from '../../format/labels.js';
import { formatDateTime, formatRelative } from '../../format/time.js';
import { describeMinutes } from '../../../../shared/frequency.js';
import { describeCounts } from './run-counts.js';
import { FieldError } from '../../components/field-error.js';
import { fixLink, jobActions, jobStateText, runningProgress } from './job-state-text.js';

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
  const actions = jobActions(job);
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
            disabled={runNow.isPending || job.state === 'running' || job.state === 'waiting'}
            onClick={() => runNow.mutate(ref)}
          >
            <Play size={14} aria-hidden="true" />
            {runNow.isPending ? 'Running…' : 'Run now'}
          </button>
          {actions.resume ? (
            <button type="button" className="button button--small" aria-label={`Resume: ${label}`} disabled={resume.isPending} onClick={() => resume.mutate(ref)}>
              {resume.isPending ? 'Resuming…' : 'Resume'}
            </button>
          ) : null}
          {actions.pause ? (
            <button type="button" className="button button--small" aria-label={`Pause: ${label}`} disabled={pause.isPending} onClick={() => pause.mutate(ref)}>
              {pause.isPending ? 'Pausing…' : 'Pause'}
            </button>
          ) : null}
          {runNow.data && !runNow.isPending ? (
            <div className="activity-result" role="status">
              Finished: <RunStatusBadge status={runNow.data.status} /> {describeCounts(runNow.data.counts, runNow.data.status)}
              {runNow.data.status !== 'ok' && runNow.data.message ? <div className="activity-reason">{runNow.data.message}</div> : null}
            </div>
          ) : null}
          <FieldError message={error?.message} />
        </div>
      </td>
    </tr>
  );
}

/** The job's one state: its next run, a progress bar, its retry with the error, or why it is paused. */
function JobState({ job, progress, label }: { job: JobView; progress: RunProgress | undefined; label: string }) {
  switch (job.state) {
    case 'running': {
      const { done, total } = runningProgress(job, progress);
      return <ProgressBar done={done} total={total} label={`Progress: ${label}`} />;
    }
    case 'paused': {
      const fix = fixLink(job);
      return (
        <>
          <span className="badge badge--health-paused">Paused</span>
          <div className="activity-reason">{jobStateText(job)}</div>
          {fix ? <Link to={fix.to}>{fix.label}</Link> : null}
        </>
      );
    }
    case 'retrying':
      return (
        <>
          <span className="badge badge--run-partial">Retrying</span>
          <div className="activity-reason" title={formatDateTime(job.retryAt)}>
            {jobStateText(job)}
          </div>
        </>
      );
    case 'scheduled':
      return <span title={formatDateTime(job.nextRunAt)}>{jobStateText(job)}</span>;
    case 'off':
      return <span className="muted">{jobStateText(job)}</span>;
    case 'waiting': {
      const fix = fixLink(job);
      return (
        <>
          <span className="badge badge--order-skipped">Waiting</span>
          <div className="activity-reason">{jobStateText(job)}</div>
          {fix ? <Link to={fix.to}>{fix.label}</Link> : null}
        </>
      );
    }
  }
}
