import type { JobView } from '../../../../shared/api-types.js';
import { useRunProgress } from '../../api/hooks.js';
import { ProgressBar } from '../../components/progress-bar.js';
import { SERVICE_LABELS } from '../../format/labels.js';
import { runningProgress } from '../activity/job-state-text.js';

/** Runs in progress: the jobs the scheduler says are running, with progress from the event stream. */
export function RunningRuns({ jobs }: { jobs: readonly JobView[] }) {
  const progress = useRunProgress();
  const running = jobs.filter((job) => job.state === 'running');
  if (running.length === 0) return null;
  const progressOf = (job: JobView) => [...progress.values()].find((p) => p.service === job.service && p.targetId === job.targetId);
  return (
    <section className="panel" aria-labelledby="dashboard-running-title">
      <h2 id="dashboard-running-title">Running now</h2>
      <ul className="dashboard-running">
        {running.map((job) => {
          const p = runningProgress(job, progressOf(job));
          const label = `${SERVICE_LABELS[job.service]} for ${job.targetName}`;
          return (
            <li key={`${job.service}:${job.targetId}`}>
              <span>{label}</span>
              <ProgressBar done={p.done} total={p.total} label={label} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
