import type { CartServiceName } from '../../../../../shared/domain.js';
import { isDockhandError } from '../../../../../shared/errors.js';
import type { ConnectionTestResult } from '../cart-connector.js';
import type { WooRestClient } from './rest-client.js';

/**
 * "Test" in setup: is the address WordPress, with WooCommerce's REST API, do the keys read orders, may
 * they write when shipments or stock go up, and how tracking will reach the shopper. Each refusal is
 * an answer naming what is wrong, not a crash of the test; network trouble still throws.
 */
export async function testWooConnection(client: WooRestClient, services: CartServiceName[]): Promise<ConnectionTestResult> {
  try {
    const site = await client.discover();
    const name = site.name || client.label;
    if (!site.wooCommerce) {
      return { ok: false, message: `${name} is a WordPress site, but WooCommerce's REST API (wc/v3) is not there: is WooCommerce 3.5 or later installed and active?` };
    }
    await client.list('wc/v3/orders', { per_page: 1 });
    const writes = services.includes('shipment_upload') || services.includes('inventory_upload');
    // An empty batch changes nothing, but WooCommerce checks the key's write permission before it looks.
    if (writes) await client.request('POST', 'wc/v3/products/batch', { body: {} });
    const details: Record<string, string> = { store: name };
    if (client.usesQueryStringAuth) details.keys = 'sent in the query string: the web server drops the Authorization header';
    let tracking = '';
    if (services.includes('shipment_upload')) {
      details.tracking = site.shipmentTracking ? 'Shipment Tracking extension' : 'status completed and a note to the customer';
      tracking = site.shipmentTracking
        ? '; tracking goes through the Shipment Tracking extension'
        : '; the Shipment Tracking extension is not installed, so shipped orders are completed with a note to the customer';
    }
    return { ok: true, message: `Connected to ${name}${tracking}`, details };
  } catch (err) {
    if (isDockhandError(err) && err.kind !== 'transient' && err.kind !== 'rate_limited') {
      return { ok: false, message: err.message, details: { errorKind: err.kind } };
    }
    throw err;
  }
}
