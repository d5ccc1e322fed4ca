import type { AccountView } from '../../../shared/api-types.js';
import { Empty } from '../components/states.js';
import { ActivityScreen } from '../screens/activity/activity-screen.js';
import { AlertsScreen } from '../screens/alerts/alerts-screen.js';
import { CartScreen } from '../screens/carts/cart-screen.js';
import { DashboardScreen } from '../screens/dashboard/dashboard-screen.js';
import { MerchantScreen } from '../screens/merchants/merchant-screen.js';
import { MerchantsScreen } from '../screens/merchants/merchants-screen.js';
import { OrderScreen } from '../screens/orders/order-screen.js';
import { OrdersScreen } from '../screens/orders/orders-screen.js';
import { ShipMethodsScreen } from '../screens/ship-methods/ship-methods-screen.js';
import { WmsScreen } from '../screens/wms/wms-screen.js';
import { MailSettingsScreen } from '../screens/settings-mail/mail-screen.js';
import { FormatsScreen } from '../screens/formats/formats-screen.js';
import { FilesScreen } from '../screens/files/files-screen.js';
import { FormatEditScreen } from '../screens/formats/format-edit-screen.js';
import { FormatFromSampleScreen } from '../screens/formats/format-from-sample-screen.js';
import { Link, type Route } from './router.js';

/**
 * The route table:
 *   /                      dashboard
 *   /orders, /orders/:id   orders list (?merchant, ?cart, ?status, ?q, ?offset) and detail
 *   /activity              runs and jobs (?service, ?kind, ?target)
 *   /alerts                open alerts
 *   /merchants, /merchants/new, /merchants/:id
 *   /carts/new?merchant=:id, /carts/:id
 *   /wms                   the warehouse setup
 *   /ship-methods          WMS ship methods and per-cart mapping (?cart)
 *   /settings/mail         the outgoing mail server for e-mail alerts
 *   /formats               saved file formats, presets, export and import
 *   /files                 files sent and picked up, kept for 30 days
 *   /formats/:id           the format designer's edit page
 *   /formats/new-from-sample  a new format started from a sample file
 */
export function ScreenFor({ route, account }: { route: Route; account: AccountView }) {
  const [section, id] = route.segments;
  switch (section) {
    case undefined:
      return <DashboardScreen account={account} />;
    case 'orders':
      return id ? <OrderScreen id={Number(id)} /> : <OrdersScreen query={route.query} />;
    case 'activity':
      return <ActivityScreen query={route.query} />;
    case 'alerts':
      return <AlertsScreen />;
    case 'merchants':
      if (!id) return <MerchantsScreen account={account} />;
      return <MerchantScreen id={id === 'new' ? null : Number(id)} account={account} />;
    case 'carts':
      return <CartScreen id={id === 'new' || !id ? null : Number(id)} merchantId={Number(route.query.get('merchant')) || null} tab={route.query.get('tab')} />;
    case 'wms':
      return <WmsScreen />;
    case 'ship-methods':
      return <ShipMethodsScreen query={route.query} />;
    case 'settings':
      if (id === 'mail') return <MailSettingsScreen />;
      return (
        <Empty title="There is no such page.">
          <Link to="/">Go to the dashboard</Link>
        </Empty>
      );
    case 'formats':
      if (id === 'new-from-sample') return <FormatFromSampleScreen />;
      return id ? <FormatEditScreen id={Number(id)} /> : <FormatsScreen />;
    case 'files':
      return <FilesScreen />;
    default:
      return (
        <Empty title="There is no such page.">
          <Link to="/">Go to the dashboard</Link>
        </Empty>
      );
  }
}
