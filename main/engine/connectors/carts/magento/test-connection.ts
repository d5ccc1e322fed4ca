import type { CartServiceName } from '../../../../../shared/domain.js';
import { isDockhandError } from '../../../../../shared/errors.js';
import type { ConnectionTestResult } from '../cart-connector.js';
import { MagentoApiError } from './magento-errors.js';
import type { MagentoRestClient } from './rest-client.js';
import { orderSearchResultSchema, productSkuSearchSchema, shipmentSearchResultSchema } from './schemas.js';
import { detectStockMode, type StockMode } from './stock-push.js';

/**
 * Test for the setup screen: is this Magento, is the token good, and may the integration do what the
 * chosen services need? Magento has no call that lists an integration's resources, so each service's
 * own read is tried and a 401 on it names the ACL resource the integration lacks (Magento puts it in
 * the 401's parameters). Address and token problems are the answer, not a crash of the test.
 */

const PROBES: Record<CartServiceName, { path: string; needs: string }> = {
  order_download: { path: '/V1/orders', needs: 'Sales > Operations > Orders > Actions > View' },
  shipment_upload: { path: '/V1/shipments', needs: 'Sales > Operations > Orders > Actions > Ship' },
  inventory_upload: { path: '/V1/products', needs: 'Catalog > Inventory > Products, and Stores > Inventory' },
};

export async function testMagentoConnection(client: MagentoRestClient, services: CartServiceName[]): Promise<ConnectionTestResult> {
  const one = new URLSearchParams({ 'searchCriteria[pageSize]': '1', 'searchCriteria[currentPage]': '1' });
  const missing: string[] = [];
  const lacking: string[] = [];
  let orders: number;
  let stock: StockMode | undefined;
  try {
    // Orders first, always: it tells a Magento store from anything else, and a refused token from a
    // missing permission (Magento answers both with the same 401, so a 401 here is about the token).
    orders = (await client.get(PROBES.order_download.path, orderSearchResultSchema, { what: 'the order search', query: one })).total_count;
    for (const service of services.filter((s) => s !== 'order_download')) {
      const probe = PROBES[service];
      try {
        if (service === 'shipment_upload') {
          await client.get(probe.path, shipmentSearchResultSchema, { what: 'the shipments', query: one });
        } else {
          await client.get(probe.path, productSkuSearchSchema, { what: 'the catalog', query: one });
          stock = await detectStockMode(client);
        }
      } catch (err) {
        const resource = deniedResource(err);
        if (!resource) throw err;
        missing.push(resource);
        lacking.push(`${service.replace(/_/g, ' ')} (${probe.needs})`);
      }
    }
  } catch (err) {
    if (isDockhandError(err) && err.kind !== 'transient' && err.kind !== 'rate_limited') {
      return { ok: false, message: err.message, details: { errorKind: err.kind } };
    }
    throw err;
  }
  const details: Record<string, string> = { store: client.label.replace(/^Magento /, ''), orders: String(orders) };
  if (stock) details.stock = stock.kind === 'msi' ? `Multi-Source Inventory (sources: ${stock.sourceCodes.join(', ')})` : 'legacy stock items';
  if (missing.length > 0) {
    return {
      ok: false,
      message: `Connected to ${client.label}, but the integration may not use ${missing.join(', ')}, needed for ${lacking.join('; ')}. Add it under System > Extensions > Integrations > API, then reauthorize.`,
      details,
      missingScopes: missing,
    };
  }
  return { ok: true, message: `Connected to ${client.label}${details.stock ? `; stock through ${details.stock}` : ''}`, details };
}

/** The ACL resource a 401 names when the token is good but lacks that permission. */
function deniedResource(err: unknown): string | undefined {
  if (!(err instanceof MagentoApiError) || err.status !== 401 || !err.magentoMessage) return undefined;
  const m = /access (Magento_\w+::\w+)/.exec(err.magentoMessage);
  return m?.[1];
}

