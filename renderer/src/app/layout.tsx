import type { ReactNode } from 'react';
import { useApi } from '../api/hooks.js';
import { NotificationToggle } from '../notifications/notification-toggle.js';
import { Link, type Route } from './router.js';

/** The frame of every screen: navigation on the left, the sync state and open alerts on top. */

const NAV: { to: string; label: string; section: string }[] = [
  { to: '/', label: 'Dashboard', section: '' },
  { to: '/orders', label: 'Orders', section: 'orders' },
  { to: '/activity', label: 'Activity', section: 'activity' },
  { to: '/alerts', label: 'Alerts', section: 'alerts' },
  { to: '/merchants', label: 'Merchants', section: 'merchants' },
  { to: '/wms', label: 'Warehouse (WMS)', section: 'wms' },
  { to: '/ship-methods', label: 'Ship methods', section: 'ship-methods' },
];

export function Layout({ route, singleMerchant, children }: { route: Route; singleMerchant: boolean; children: ReactNode }) {
  const alerts = useApi('alerts.list', {}, { refetchInterval: 30_000 });
  const jobs = useApi('schedules.list', {}, { refetchInterval: 15_000 });
  const section = route.segments[0] === 'carts' ? 'merchants' : (route.segments[0] ?? '');
  const running = jobs.data?.filter((job) => job.state === 'running').length ?? 0;
  const openAlerts = alerts.data?.length ?? 0;
  return (
    <div className="app">
      <nav className="sidebar" aria-label="Main">
        <div className="sidebar__brand">Dockhand</div>
        <ul>
          {NAV.map((item) => (
            <li key={item.to}>
              <Link to={item.to} aria-current={item.section === section ? 'page' : undefined}>
                {item.section === 'merchants' && singleMerchant ? 'Your business' : item.label}
                {item.section === 'alerts' && openAlerts > 0 ? <span className="count" aria-label={`${openAlerts} open`}>{openAlerts}</span> : null}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="main">
        <header className="topbar">
          <span className={`sync-state${running ? ' sync-state--busy' : ''}`} role="status">
            {running ? `Syncing: ${running} running` : 'Idle'}
          </span>
          {openAlerts > 0 ? (
            <Link to="/alerts" className="topbar__alerts">
              {openAlerts} open {openAlerts === 1 ? 'alert' : 'alerts'}
            </Link>
          ) : null}
          <NotificationToggle />
        </header>
        <main className="content">{children}</main>
      </div>
    </div>
  );
}
