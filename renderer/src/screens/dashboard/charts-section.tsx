import { lazy, Suspense } from 'react';
import { useApi } from '../../api/hooks.js';
import { Loading, QueryView } from '../../components/states.js';

/** recharts is large: its chunk loads only once the Dashboard has drawn its figures. */
const DashboardCharts = lazy(() => import('./dashboard-charts.js').then((m) => ({ default: m.DashboardCharts })));

const REFRESH_MS = 60_000;

export function ChartsSection() {
  const charts = useApi('dashboard.charts', {}, { refetchInterval: REFRESH_MS });
  return (
    <section aria-labelledby="dashboard-charts-title">
      <h2 id="dashboard-charts-title">The last 30 days</h2>
      <QueryView query={charts} what="Loading the charts">
        {(data) => (
          <Suspense fallback={<Loading what="Loading the charts" />}>
            <DashboardCharts charts={data} />
          </Suspense>
        )}
      </QueryView>
    </section>
  );
}
