import { useState } from 'react';
import type { JobView } from '../../../../shared/api-types.js';
import { useApi } from '../../api/hooks.js';
import { Pager } from '../../components/pager.js';
import { Empty, QueryView } from '../../components/states.js';
import { isFiltered, type ActivityFilter } from './activity-filter.js';
import { RunRow } from './run-row.js';

const PAGE_SIZE = 25;

/** The runs, newest first, a page at a time. */
export function RunsTable({ filter, jobs }: { filter: ActivityFilter; jobs: readonly JobView[] }) {
  const [page, setPage] = useState({ key: '', offset: 0 });
  // A new filter starts again at the first page.
  const filterKey = `${filter.service ?? ''}:${filter.kind ?? ''}:${filter.targetId ?? ''}`;
  const offset = page.key === filterKey ? page.offset : 0;
  const runs = useApi(
    'runs.list',
    { service: filter.service, kind: filter.kind, targetId: filter.targetId, limit: PAGE_SIZE, offset },
    { placeholderData: (previous) => previous },
  );
  const nameOf = (service: string, targetId: number) => jobs.find((j) => j.service === service && j.targetId === targetId)?.targetName ?? `#${targetId}`;
  return (
    <section aria-labelledby="activity-runs-title">
      <h2 id="activity-runs-title">Runs</h2>
      <QueryView query={runs} what="Loading runs">
        {(data) =>
          data.items.length === 0 ? (
            <Empty title={offset > 0 ? 'No runs on this page.' : isFiltered(filter) ? 'No runs match this filter.' : 'No runs yet.'}>
              {offset > 0 || isFiltered(filter) ? null : 'Runs appear here when a schedule fires or you press Run now.'}
            </Empty>
          ) : (
            <>
              <div className="table-wrap">
                <table aria-label="Runs">
                  <thead>
                    <tr>
                      <th scope="col">Started</th>
                      <th scope="col">Service</th>
                      <th scope="col">Duration</th>
                      <th scope="col">Trigger</th>
                      <th scope="col">Status</th>
                      <th scope="col">Counts</th>
                      <th scope="col">Errors</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((run) => (
                      <RunRow key={run.id} run={run} targetName={nameOf(run.service, run.targetId)} />
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager offset={offset} limit={PAGE_SIZE} total={data.total} onOffset={(next) => setPage({ key: filterKey, offset: next })} />
            </>
          )
        }
      </QueryView>
    </section>
  );
}
