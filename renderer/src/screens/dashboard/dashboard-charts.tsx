import { Area, AreaChart, Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DashboardChartsView } from '../../../../shared/api-types.js';
import './dashboard-charts.css';

/** Series colours: the design's colour variables only (no literal colours outside the tokens). */
const SERIES = ['var(--accent)', 'var(--ok)', 'var(--warn)', 'var(--info)', 'var(--bad)', 'var(--muted)', 'var(--ink)'];

const WAITING: { key: 'dockhand' | 'warehouse' | 'cart' | 'person'; label: string; colour: string }[] = [
  { key: 'dockhand', label: 'Dockhand (to send)', colour: 'var(--info)' },
  { key: 'warehouse', label: 'The warehouse', colour: 'var(--accent)' },
  { key: 'cart', label: 'The store (tracking)', colour: 'var(--ok)' },
  { key: 'person', label: 'A person', colour: 'var(--bad)' },
];

const axis = { stroke: 'var(--muted)', fontSize: 12 };
const shortDay = (day: string) => day.slice(5);

function ChartEmpty({ children }: { children: string }) {
  return <p className="dashboard-chart__empty muted">{children}</p>;
}

/**
 * The Dashboard's three charts (loaded lazily with recharts, see charts-section.tsx): orders per day per
 * merchant, how long orders took from order to shipped, and what waited for whom at the end of each day.
 */
export function DashboardCharts({ charts }: { charts: DashboardChartsView }) {
  const ordered = charts.ordersPerDay.some((d) => d.total > 0);
  const shipped = charts.shipTime.some((s) => s.n > 0);
  const waited = charts.waiting.some((w) => w.dockhand + w.warehouse + w.cart + w.person > 0);
  const perDay = charts.ordersPerDay.map((d) => ({ day: d.day, ...Object.fromEntries(charts.merchants.map((m) => [`m${m.id}`, d.byMerchant[m.id] ?? 0])) }));
  return (
    <div className="dashboard-charts">
      <figure className="panel dashboard-chart" aria-labelledby="chart-orders-title">
        <figcaption id="chart-orders-title">Orders per day</figcaption>
        {ordered ? (
          <ResponsiveContainer width="100%" height={220}>
            <BarChart data={perDay}>
              <CartesianGrid stroke="var(--line)" vertical={false} />
              <XAxis dataKey="day" tickFormatter={shortDay} {...axis} />
              <YAxis allowDecimals={false} {...axis} width={48} />
              <Tooltip />
              {charts.merchants.length > 1 ? <Legend /> : null}
              {charts.merchants.map((m, i) => (
                <Bar key={m.id} dataKey={`m${m.id}`} name={m.name} stackId="orders" fill={SERIES[i % SERIES.length]} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        ) : (
          <ChartEmpty>No orders in the last 30 days. Orders appear here once a store's order download runs.</ChartEmpty>
        )}
      </figure>
      <figure className="panel dashboard-chart" aria-labelledby="chart-ship-title">
        <figcaption id="chart-ship-title">
          Time from order to shipped
          {charts.shipTimeMedian ? <span className="muted"> · half shipped within {charts.shipTimeMedian.replace(/^< /, '')}</span> : null}
        </figcaption>
        {shipped ? (
          <ResponsiveContainer width="100%" height={220}>
            <BarChart data={charts.shipTime}>
              <CartesianGrid stroke="var(--line)" vertical={false} />
              <XAxis dataKey="label" {...axis} />
              <YAxis allowDecimals={false} {...axis} width={48} />
              <Tooltip />
              <Bar dataKey="n" name="Orders shipped" fill="var(--ok)" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        ) : (
          <ChartEmpty>Nothing shipped in the last 30 days. This fills in as the warehouse confirms shipments.</ChartEmpty>
        )}
      </figure>
      <figure className="panel dashboard-chart dashboard-chart--wide" aria-labelledby="chart-waiting-title">
        <figcaption id="chart-waiting-title">What waited for whom, at the end of each day</figcaption>
        {waited ? (
          <ResponsiveContainer width="100%" height={240}>
            <AreaChart data={charts.waiting}>
              <CartesianGrid stroke="var(--line)" vertical={false} />
              <XAxis dataKey="day" tickFormatter={shortDay} {...axis} />
              <YAxis allowDecimals={false} {...axis} width={48} />
              <Tooltip />
              <Legend />
              {WAITING.map((w) => (
                <Area key={w.key} dataKey={w.key} name={w.label} stackId="waiting" stroke={w.colour} fill={w.colour} fillOpacity={0.35} isAnimationActive={false} />
              ))}
            </AreaChart>
          </ResponsiveContainer>
        ) : (
          <ChartEmpty>Nothing has waited on anyone in the last 30 days.</ChartEmpty>
        )}
      </figure>
    </div>
  );
}
