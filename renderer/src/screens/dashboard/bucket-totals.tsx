import type { DashboardView } from '../../../../shared/api-types.js';
import { HEALTH_BUCKETS } from '../../../../shared/domain.js';
import { Link } from '../../app/router.js';
import { BUCKET_LABELS, STATUS_LABELS } from '../../format/labels.js';
import { ordersLink, statusesOf } from './order-links.js';

/**
 * Every order in exactly one bucket, each saying who it waits for; the buckets add up to the total,
 * which is shown so a person can see that they do.
 */
export function BucketTotals({ totals, byStatus }: { totals: DashboardView['totals']; byStatus: DashboardView['byStatus'] }) {
  return (
    <section aria-labelledby="dashboard-totals-title">
      <h2 id="dashboard-totals-title">What waits for whom</h2>
      <div className="dashboard-buckets">
        <div className="stat dashboard-bucket dashboard-bucket--total" aria-label={`All orders: ${totals.total}`}>
          <div className="stat__label">All orders</div>
          <div className="stat__value">
            <Link to="/orders">{totals.total.toLocaleString()}</Link>
          </div>
          <div className="stat__hint">The buckets add up to this</div>
        </div>
        {HEALTH_BUCKETS.map((bucket) => {
          const statuses = statusesOf(bucket);
          return (
            <div key={bucket} className={`stat dashboard-bucket${totals[bucket] > 0 ? ` dashboard-bucket--${bucket}` : ''}`} aria-label={`${BUCKET_LABELS[bucket].label}: ${totals[bucket]}`}>
              <div className="stat__label">{BUCKET_LABELS[bucket].label}</div>
              <div className="stat__value">
                <Link to={ordersLink({ bucket })}>{totals[bucket].toLocaleString()}</Link>
              </div>
              <div className="stat__hint">{BUCKET_LABELS[bucket].waitsFor}</div>
              {statuses.length > 1 ? (
                <ul className="dashboard-bucket__statuses">
                  {statuses.map((status) => (
                    <li key={status}>
                      <Link to={ordersLink({ status })}>
                        {STATUS_LABELS[status]} {(byStatus[status] ?? 0).toLocaleString()}
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          );
        })}
      </div>
    </section>
  );
}
