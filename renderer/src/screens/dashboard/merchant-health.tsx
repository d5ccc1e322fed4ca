import type { DashboardView, JobView, RunView } from '../../../../shared/api-types.js';
import { HEALTH_BUCKETS } from '../../../../shared/domain.js';
import { Link, withQuery } from '../../app/router.js';
import { HealthBadge, RunStatusBadge } from '../../components/status-badge.js';
import { BUCKET_LABELS, SERVICE_LABELS } from '../../format/labels.js';
import { formatDateTime, formatRelative } from '../../format/time.js';
import { activityPath } from '../activity/activity-filter.js';
import { RunCounts } from '../activity/run-counts.js';
import { fixLink, jobStateText } from '../activity/job-state-text.js';
import { jobsOf, lastRun, merchantHealth, scheduleSummary } from './job-lookup.js';
import { ordersLink } from './order-links.js';

type MerchantSummary = DashboardView['merchants'][number];
type CartSummary = MerchantSummary['carts'][number];

/** One merchant: its orders by bucket, then its warehouse side and each cart with last and next run. */
export function MerchantHealth({ merchant, jobs }: { merchant: MerchantSummary; jobs: readonly JobView[] }) {
  const own = jobsOf(jobs, 'merchant', merchant.id);
  const ownLast = lastRun(own);
  const titleId = `dashboard-merchant-${merchant.id}`;
  return (
    <section className="panel dashboard-merchant" aria-labelledby={titleId}>
      <div className="page-header">
        <h3 id={titleId}>
          <Link to={`/merchants/${merchant.id}`}>{merchant.name}</Link>
        </h3>
        <Link to={ordersLink({ merchant: merchant.id })}>All orders of {merchant.name}</Link>
      </div>
      <ul className="dashboard-merchant__buckets" aria-label={`Orders of ${merchant.name} by bucket`}>
        {HEALTH_BUCKETS.map((bucket) => (
          <li key={bucket}>
            <Link to={ordersLink({ merchant: merchant.id, bucket })} title={BUCKET_LABELS[bucket].waitsFor}>
              <span className="muted">{BUCKET_LABELS[bucket].label}</span> <strong>{merchant.buckets[bucket].toLocaleString()}</strong>
            </Link>
          </li>
        ))}
      </ul>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Connection</th>
              <th scope="col">Health</th>
              <th scope="col">Orders</th>
              <th scope="col">Last run</th>
              <th scope="col">Next run</th>
              <th scope="col">See</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">
                Warehouse side
                <div className="muted">Delivery, confirmations, inventory</div>
              </th>
              <td>
                <HealthBadge health={merchantHealth(own)} />
              </td>
              <td className="muted">Every cart&apos;s orders</td>
              <td>
                {ownLast ? (
                  <>
                    <RunStatusBadge status={ownLast.status} /> {SERVICE_LABELS[ownLast.job.service]}{' '}
                    <span title={formatDateTime(ownLast.at)}>{formatRelative(ownLast.at)}</span>
                  </>
                ) : (
                  <RunStatusBadge status={null} />
                )}
              </td>
              <td>
                <NextRun jobs={own} />
              </td>
              <td>
                <Link to={activityPath({ kind: 'merchant', targetId: merchant.id })}>Activity</Link>
              </td>
            </tr>
            {merchant.carts.map((cart) => (
              <CartRow key={cart.id} cart={cart} merchantId={merchant.id} jobs={jobsOf(jobs, 'cart', cart.id)} />
            ))}
          </tbody>
        </table>
      </div>
      {merchant.carts.length === 0 ? (
        <p className="muted">
          No store connected yet. <Link to={withQuery('/carts/new', { merchant: merchant.id })}>Connect a store</Link>
        </p>
      ) : null}
    </section>
  );
}

function CartRow({ cart, merchantId, jobs }: { cart: CartSummary; merchantId: number; jobs: JobView[] }) {
  return (
    <tr>
      <th scope="row">
        <Link to={`/carts/${cart.id}`}>{cart.name}</Link>
        <div className="muted">{cart.platform}</div>
      </th>
      <td>
        <HealthBadge health={cart.health} />
      </td>
      <td>
        <CartBuckets cart={cart} merchantId={merchantId} />
      </td>
      <td>{cart.lastRun ? <LastRun run={cart.lastRun} /> : <RunStatusBadge status={null} />}</td>
      <td>
        <NextRun jobs={jobs} />
      </td>
      <td>
        <Link to={ordersLink({ merchant: merchantId, cart: cart.id })}>Orders</Link>
        {' · '}
        <Link to={activityPath({ kind: 'cart', targetId: cart.id })}>Activity</Link>
      </td>
    </tr>
  );
}

function LastRun({ run }: { run: RunView }) {
  return (
    <>
      <RunStatusBadge status={run.status} /> {SERVICE_LABELS[run.service]}{' '}
      <span title={formatDateTime(run.startedAt)}>{formatRelative(run.startedAt)}</span>
      <div className="muted">
        <RunCounts counts={run.counts} status={run.status} />
      </div>
    </>
  );
}

/** The jobs' next run, in the same words as the Activity screen (see job-state-text.ts). */
function NextRun({ jobs }: { jobs: readonly JobView[] }) {
  const summary = scheduleSummary(jobs);
  switch (summary.kind) {
    case 'needs_fix': {
      const fix = fixLink(summary.job);
      return (
        <>
          <span className="badge badge--health-paused">Paused</span> {SERVICE_LABELS[summary.job.service]}
          <div className="activity-reason">{jobStateText(summary.job)}</div>
          {fix ? <Link to={fix.to}>{fix.label}</Link> : null}
        </>
      );
    }
    case 'waiting': {
      const fix = fixLink(summary.job);
      return (
        <>
          <div className="activity-reason">{jobStateText(summary.job)}</div>
          {fix ? <Link to={fix.to}>{fix.label}</Link> : null}
        </>
      );
    }
    case 'running':
      return <span className="badge badge--run-running">Running now</span>;
    case 'next':
      return (
        <span title={formatDateTime(summary.at)}>
          {summary.retry ? 'Retry of ' : ''}
          {SERVICE_LABELS[summary.job.service]} {formatRelative(summary.at)}
        </span>
      );
    case 'paused':
      return <span className="muted">Paused</span>;
    case 'off':
      return <span className="muted">Not scheduled</span>;
  }
}

/** The cart's orders by bucket, only the buckets that hold any, each linking to those orders. */
function CartBuckets({ cart, merchantId }: { cart: CartSummary; merchantId: number }) {
  const held = HEALTH_BUCKETS.filter((bucket) => cart.buckets[bucket] > 0);
  if (held.length === 0) return <span className="muted">No orders yet</span>;
  return (
    <ul className="dashboard-cart__buckets" aria-label={`Orders of ${cart.name} by bucket`}>
      {held.map((bucket) => (
        <li key={bucket}>
          <Link to={ordersLink({ merchant: merchantId, cart: cart.id, bucket })} title={BUCKET_LABELS[bucket].waitsFor}>
            {BUCKET_LABELS[bucket].label} <strong>{cart.buckets[bucket].toLocaleString()}</strong>
          </Link>
        </li>
      ))}
    </ul>
  );
}
