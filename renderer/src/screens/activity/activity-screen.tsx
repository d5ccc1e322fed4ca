import { SERVICE_NAMES, type ServiceName } from '../../../../shared/domain.js';
import { useApi } from '../../api/hooks.js';
import { Link, navigate } from '../../app/router.js';
import { SelectField } from '../../components/field.js';
import { QueryView } from '../../components/states.js';
import { SERVICE_LABELS } from '../../format/labels.js';
import { activityPath, describeFilter, isFiltered, matchesFilter, readActivityFilter, withService } from './activity-filter.js';
import { JobsTable } from './jobs-table.js';
import { RunsTable } from './runs-table.js';

const SERVICE_OPTIONS = [{ value: '', label: 'All services' }, ...SERVICE_NAMES.map((s) => ({ value: s, label: SERVICE_LABELS[s] }))];

/** The scheduled jobs (state, Run now, pause and resume) and every run with its counts and errors. */
export function ActivityScreen({ query }: { query: URLSearchParams }) {
  const filter = readActivityFilter(query);
  const jobs = useApi('schedules.list', {}, { refetchInterval: 15_000 });
  const filtered = isFiltered(filter);
  return (
    <>
      <div className="page-header">
        <h1>Activity</h1>
      </div>
      <div className="toolbar">
        <SelectField
          label="Service"
          value={filter.service ?? ''}
          options={SERVICE_OPTIONS}
          onValue={(service) => navigate(activityPath(withService(filter, (service || undefined) as ServiceName | undefined)))}
        />
        {filtered ? (
          <span className="activity-chip">
            Showing {describeFilter(filter, jobs.data ?? [])} <Link to="/activity">Show all</Link>
          </span>
        ) : null}
      </div>
      <QueryView query={jobs} what="Loading jobs">
        {(all) => <JobsTable jobs={all.filter((job) => matchesFilter(filter, job))} filtered={filtered} />}
      </QueryView>
      <RunsTable filter={filter} jobs={jobs.data ?? []} />
    </>
  );
}
