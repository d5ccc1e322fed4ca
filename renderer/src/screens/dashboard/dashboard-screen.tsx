import type { AccountView } from '../../../../shared/api-types.js';
import { useApi } from '../../api/hooks.js';
import { Link } from '../../app/router.js';
import { Empty, QueryView } from '../../components/states.js';
import { AlertsSummary } from './alerts-summary.js';
import { BucketTotals } from './bucket-totals.js';
import { ChartsSection } from './charts-section.js';
import { MerchantHealth } from './merchant-health.js';
import { RunningRuns } from './running-runs.js';
import { SetupChecklist } from './setup-checklist.js';

/** Engine events refresh the dashboard; the interval is only a fallback if the event stream drops. */
const FALLBACK_REFRESH_MS = 10_000;

export function DashboardScreen({ account }: { account: AccountView }) {
  const summary = useApi('dashboard.summary', {}, { refetchInterval: FALLBACK_REFRESH_MS });
  const jobs = useApi('schedules.list', {}, { refetchInterval: FALLBACK_REFRESH_MS });
  const alerts = useApi('alerts.list', {});
  // A passed Test ticks a step without a mutation the screens see: read the checklist on every visit.
  const setup = useApi('setup.progress', {}, { refetchOnMount: 'always' });
  const checklist = setup.data?.show ? <SetupChecklist progress={setup.data} singleMerchant={account.mode === 'single_merchant'} /> : null;
  return (
    <>
      <div className="page-header">
        <h1>Dashboard</h1>
        <Link to="/activity">All activity</Link>
      </div>
      <QueryView query={summary} what="Loading the dashboard">
        {(data) =>
          data.merchants.length === 0 && checklist ? (
            checklist
          ) : data.merchants.length === 0 ? (
            <Empty title={account.mode === 'single_merchant' ? 'Your store is not set up yet.' : 'No merchants yet.'}>
              <p>Add a merchant, connect its store and your warehouse system, and the orders start flowing.</p>
              <Link to="/merchants/new" className="button button--primary">
                Set up a merchant
              </Link>
            </Empty>
          ) : (
            <>
              {checklist}
              <AlertsSummary alerts={alerts.data ?? []} />
              <RunningRuns jobs={jobs.data ?? []} />
              <BucketTotals totals={data.totals} byStatus={data.byStatus} />
              <ChartsSection />
              <h2>{account.mode === 'single_merchant' ? 'Your stores' : 'Merchants'}</h2>
              {data.merchants.map((merchant) => (
                <MerchantHealth key={merchant.id} merchant={merchant} jobs={jobs.data ?? []} />
              ))}
            </>
          )
        }
      </QueryView>
    </>
  );
}
