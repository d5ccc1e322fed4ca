import type { MouseEvent, ReactNode } from 'react';
import { Activity, Bell, CircleAlert, FileSpreadsheet, FileText, LayoutDashboard, Mail, Package, PanelLeftClose, PanelLeftOpen, Store, Truck, Warehouse, type LucideIcon } from 'lucide-react';
import { useApi } from '../api/hooks.js';
import { useDocumentTitle } from '../components/document-title.js';
import { NotificationToggle } from '../notifications/notification-toggle.js';
import { Link, type Route } from './router.js';
import { pageTitle } from './page-title.js';
import { useSidebarCollapsed } from './sidebar-state.js';

/** The frame of every screen: a skip link, navigation on the left, the sync state and open alerts on top. */

const NAV: { to: string; label: string; section: string; icon: LucideIcon }[] = [
  { to: '/', label: 'Dashboard', section: '', icon: LayoutDashboard },
  { to: '/orders', label: 'Orders', section: 'orders', icon: Package },
  { to: '/activity', label: 'Activity', section: 'activity', icon: Activity },
  { to: '/alerts', label: 'Alerts', section: 'alerts', icon: Bell },
  { to: '/merchants', label: 'Merchants', section: 'merchants', icon: Store },
  { to: '/wms', label: 'Warehouse (WMS)', section: 'wms', icon: Warehouse },
  { to: '/ship-methods', label: 'Ship methods', section: 'ship-methods', icon: Truck },
  { to: '/settings/mail', label: 'Mail settings', section: 'settings', icon: Mail },
  { to: '/formats', label: 'File formats', section: 'formats', icon: FileSpreadsheet },
  { to: '/files', label: 'Files', section: 'files', icon: FileText },
];

export const MAIN_ID = 'main-content';

/** The skip link cannot be a plain #main-content: the hash is the router's, so it focuses the region itself. */
function skipToMain(event: MouseEvent<HTMLAnchorElement>): void {
  event.preventDefault();
  document.getElementById(MAIN_ID)?.focus();
}

export function Layout({ route, singleMerchant, children }: { route: Route; singleMerchant: boolean; children: ReactNode }) {
  const alerts = useApi('alerts.list', {}, { refetchInterval: 30_000 });
  const jobs = useApi('schedules.list', {}, { refetchInterval: 15_000 });
  const [collapsed, toggleSidebar] = useSidebarCollapsed();
  useDocumentTitle(pageTitle(route, singleMerchant));
  const section = route.segments[0] === 'carts' ? 'merchants' : (route.segments[0] ?? '');
  const running = jobs.data?.filter((job) => job.state === 'running').length ?? 0;
  const openAlerts = alerts.data?.length ?? 0;
  return (
    <div className={`app${collapsed ? ' app--collapsed' : ''}`}>
      <a className="skip-link" href={`#${MAIN_ID}`} onClick={skipToMain}>
        Skip to main content
      </a>
      <nav className="sidebar" aria-label="Main">
        <div className="sidebar__inner">
          <div className="sidebar__brand">
            <img src="./favicon.svg" alt="" width={22} height={22} />
            <span className="sidebar__brand-name">Dockhand</span>
          </div>
          <ul>
            {NAV.map((item) => {
              const label = item.section === 'merchants' && singleMerchant ? 'Your business' : item.label;
              const Icon = item.icon;
              return (
                <li key={item.to}>
                  <Link to={item.to} aria-current={item.section === section ? 'page' : undefined} title={collapsed ? label : undefined}>
                    <Icon className="sidebar__icon" size={18} aria-hidden="true" />
                    <span className="sidebar__label">{label}</span>
                    {item.section === 'alerts' && openAlerts > 0 ? <span className="count" aria-label={`${openAlerts} open`}>{openAlerts}</span> : null}
                  </Link>
                </li>
              );
            })}
          </ul>
          <button type="button" className="sidebar__toggle" onClick={toggleSidebar} aria-label={collapsed ? 'Expand the sidebar' : 'Collapse the sidebar'}>
            {collapsed ? <PanelLeftOpen size={18} aria-hidden="true" /> : <PanelLeftClose size={18} aria-hidden="true" />}
            <span className="sidebar__toggle-label">Collapse</span>
          </button>
        </div>
      </nav>
      <div className="main">
        <header className="topbar">
          <span className={`sync-state${running ? ' sync-state--busy' : ''}`} role="status">
            {running ? `Syncing: ${running} running` : 'Idle'}
          </span>
          {openAlerts > 0 ? (
            <Link to="/alerts" className="topbar__alerts">
              <CircleAlert size={16} aria-hidden="true" />
              {openAlerts} open {openAlerts === 1 ? 'alert' : 'alerts'}
            </Link>
          ) : null}
          <NotificationToggle />
        </header>
        <main className="content" id={MAIN_ID} tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
