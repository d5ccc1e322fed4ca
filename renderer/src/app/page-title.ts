import type { Route } from './router.js';

/** The page's name for the window title, from the route alone (so every page has one, even while loading). */
export function pageTitle(route: Route, singleMerchant = false): string {
  const [section, id] = route.segments;
  switch (section) {
    case undefined:
      return 'Dashboard';
    case 'orders':
      return id ? `Order ${id}` : 'Orders';
    case 'activity':
      return 'Activity';
    case 'alerts':
      return 'Alerts';
    case 'merchants':
      if (!id) return singleMerchant ? 'Your business' : 'Merchants';
      return id === 'new' ? 'New merchant' : 'Merchant';
    case 'carts':
      return id && id !== 'new' ? 'Cart connection' : 'Connect a cart';
    case 'wms':
      return 'Warehouse (WMS)';
    case 'ship-methods':
      return 'Ship methods';
    case 'settings':
      return id === 'mail' ? 'Mail settings' : 'Page not found';
    case 'formats':
      if (id === 'new-from-sample') return 'New format from a sample file';
      return id ? 'Edit file format' : 'File formats';
    case 'files':
      return 'Files';
    default:
      return 'Page not found';
  }
}
