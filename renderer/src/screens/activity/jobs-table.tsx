import type { JobView } from '../../../../shared/api-types.js';
import { useApiMutation, useRunProgress } from '../../api/hooks.js';
import { Link } from '../../app/router.js';
import { Banner, Empty } from '../../components/states.js';
import { JobRow } from './job-row.js';

/** Every scheduled job, with Pause all / Resume all above it. */
export function JobsTable({ jobs, filtered }: { jobs: readonly JobView[]; filtered: boolean }) {
  const progress = useRunProgress();
  const pauseAll = useApiMutation('services.pause');
  const resumeAll = useApiMutation('services.resume');
  const progressOf = (job: JobView) => [...progress.values()].find((p) => p.service === job.service && p.targetId === job.targetId);
  const busy = pauseAll.isPending || resumeAll.isPending;
  return (
    <section aria-labelledby="activity-jobs-title">
      <div className="page-header">
        <h2 id="activity-jobs-title">Jobs</h2>
        <div className="activity-actions">
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => {
              resumeAll.reset();
              pauseAll.mutate({});
            }}
          >
            {pauseAll.isPending ? 'Pausing…' : 'Pause all'}
          </button>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => {
              pauseAll.reset();
              resumeAll.mutate({});
            }}
          >
            {resumeAll.isPending ? 'Resuming…' : 'Resume all'}
          </button>
        </div>
      </div>
      {pauseAll.isSuccess ? <Banner kind="success">Paused {countText(pauseAll.data.paused)}. Nothing runs on its schedule until you resume.</Banner> : null}
      {resumeAll.isSuccess ? <Banner kind="success">Resumed {countText(resumeAll.data.resumed)}.</Banner> : null}
      {pauseAll.error || resumeAll.error ? <Banner kind="error">{(pauseAll.error ?? resumeAll.error)!.message}</Banner> : null}
      {jobs.length === 0 ? (
        <Empty title={filtered ? 'No job matches this filter.' : 'No jobs yet.'}>
          {filtered ? null : (
            <>
              Jobs appear when a merchant or a store connection is set up. <Link to="/merchants">Set up a merchant</Link>
            </>
          )}
        </Empty>
      ) : (
        <div className="table-wrap">
          <table aria-label="Jobs">
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col">For</th>
                <th scope="col">Frequency</th>
                <th scope="col">State</th>
                <th scope="col">Last run</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <JobRow key={`${job.service}:${job.targetId}`} job={job} progress={progressOf(job)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function countText(n: number): string {
  return `${n} ${n === 1 ? 'job' : 'jobs'}`;
}
