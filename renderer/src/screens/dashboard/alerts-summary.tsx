import type { AlertView } from '../../../../shared/api-types.js';
import { Link } from '../../app/router.js';
import { Banner } from '../../components/states.js';
import { formatRelative } from '../../format/time.js';

const SHOWN = 3;

/** The open alerts, the few newest in full, all one click away. */
export function AlertsSummary({ alerts }: { alerts: readonly AlertView[] }) {
  if (alerts.length === 0) return null;
  return (
    <Banner kind={alerts.some((a) => a.severity === 'error') ? 'error' : 'warning'}>
      <strong>
        <Link to="/alerts">
          {alerts.length} open {alerts.length === 1 ? 'alert' : 'alerts'}
        </Link>
      </strong>
      <ul className="dashboard-alerts">
        {alerts.slice(0, SHOWN).map((alert) => (
          <li key={alert.id}>
            {alert.message} <span className="muted">({formatRelative(alert.updatedAt)})</span>
          </li>
        ))}
      </ul>
      {alerts.length > SHOWN ? <Link to="/alerts">See all {alerts.length}</Link> : null}
    </Banner>
  );
}
