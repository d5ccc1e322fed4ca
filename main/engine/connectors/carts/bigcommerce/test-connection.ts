import type { CartServiceName } from '../../../../../shared/domain.js';
import { isDockhandError } from '../../../../../shared/errors.js';
import { BIGCOMMERCE_API_BASE, BIGCOMMERCE_REQUIRED_SCOPES } from '../../../../../shared/platforms/bigcommerce.js';
import type { ConnectionTestResult } from '../cart-connector.js';
import { BigCommerceHttpError, type BigCommerceClient } from './rest-client.js';

/**
 * Test: the store's name and plan (GET /v2/store), then one harmless request per scope the chosen
 * services need, so a missing scope is named before a run fails on it. BigCommerce has no call that
 * lists a token's scopes, and its gateway checks the scope before anything else, so a 403 to a
 * request that could change nothing (a shipment of order 0, an adjustment of no items) says the
 * scope is missing and any other answer says it is granted.
 *
 * Every failure is said in the words of what to fix: the store hash, the token, a scope, the address.
 */

interface Probe {
  scope: string;
  send(client: BigCommerceClient): Promise<unknown>;
}

const PROBES: Record<CartServiceName, Probe[]> = {
  order_download: [{ scope: 'Orders: read-only', send: (c) => c.getList('/v2/orders', { limit: 1 }) }],
  shipment_upload: [{ scope: 'Orders: modify', send: (c) => c.post('/v2/orders/0/shipments', {}) }],
  inventory_upload: [
    { scope: 'Products: read-only', send: (c) => c.get('/v3/catalog/variants', { limit: 1 }) },
    { scope: 'Store inventory: modify', send: (c) => c.put('/v3/inventory/adjustments/absolute', { reason: 'Dockhand connection test', items: [] }) },
  ],
};

export interface TestTarget {
  storeHash: string;
  /** Where the requests go, as a person reads it. */
  address: string;
}

export async function testBigCommerceConnection(client: BigCommerceClient, target: TestTarget, services: CartServiceName[]): Promise<ConnectionTestResult> {
  let store: { name: string; plan: string } | null;
  try {
    store = await storeInfo(client);
  } catch (err) {
    return { ok: false, message: whatIsWrong(err, target), details: { errorKind: isDockhandError(err) ? err.kind : 'unknown' } };
  }
  const named = store ? `${store.name} (${store.plan} plan)` : `store ${target.storeHash}`;

  const missingScopes: string[] = [];
  try {
    for (const probe of [...new Set(services)].flatMap((s) => PROBES[s])) {
      if (missingScopes.includes(probe.scope)) continue;
      if (!(await granted(client, probe))) missingScopes.push(probe.scope);
    }
  } catch (err) {
    return { ok: false, message: `Connected to ${named}, then: ${whatIsWrong(err, target)}`, details: { errorKind: isDockhandError(err) ? err.kind : 'unknown' } };
  }
  const details = { store: store?.name ?? target.storeHash, storeHash: target.storeHash, plan: store?.plan ?? 'unknown' };
  if (missingScopes.length > 0) {
    const needed = services.map((s) => s.replace(/_/g, ' ')).join(', ');
    const plural = missingScopes.length > 1 ? 's' : '';
    return {
      ok: false,
      message: `Connected to ${named}, but the API account lacks the OAuth scope${plural} ${missingScopes.join(', ')} needed for ${needed}. Set ${plural ? 'them' : 'it'} on the account under Settings > Store-level API accounts.`,
      details,
      missingScopes,
    };
  }
  // Scopes are checked only for the chosen services; the required ones are listed for the record.
  const required = [...new Set(services.flatMap((s) => [...BIGCOMMERCE_REQUIRED_SCOPES[s]]))];
  return { ok: true, message: `Connected to ${named}`, details: { ...details, scopes: required } };
}

/** The store's name and plan; null when the account may not read store information (not needed otherwise). */
async function storeInfo(client: BigCommerceClient): Promise<{ name: string; plan: string } | null> {
  let info: unknown;
  try {
    info = await client.get('/v2/store');
  } catch (err) {
    if (err instanceof BigCommerceHttpError && err.status === 403) return null;
    throw err;
  }
  if (!isRecord(info) || typeof info.name !== 'string' || (typeof info.id !== 'string' && typeof info.id !== 'number')) {
    throw new NotBigCommerce('it answered GET /v2/store, but not with a BigCommerce store');
  }
  return { name: info.name, plan: typeof info.plan_name === 'string' ? info.plan_name : 'unknown' };
}

async function granted(client: BigCommerceClient, probe: Probe): Promise<boolean> {
  try {
    await probe.send(client);
    return true;
  } catch (err) {
    if (!(err instanceof BigCommerceHttpError)) throw err;
    if (err.status === 403) return false;
    if (err.status === 401) throw err;
    // 400, 404, 422: the request went past the scope check and was refused for its (empty) content.
    return true;
  }
}

class NotBigCommerce extends Error {}

/** What a person should fix, from the error of the first request. */
function whatIsWrong(err: unknown, target: TestTarget): string {
  const at = target.address;
  if (err instanceof NotBigCommerce) return `${at} is not the BigCommerce API (${err.message}). Check the API address: https://api.bigcommerce.com`;
  if (err instanceof BigCommerceHttpError) {
    switch (err.status) {
      case 401:
        // A token works only for its own store, so a store hash from another account is refused the same way.
        return `BigCommerce refused the access token for store ${target.storeHash} (HTTP 401). Copy the access token of the store's API account again (Settings > Store-level API accounts), and check that the store hash is the one shown with that account; the token of a deleted account no longer works.`;
      case 404:
        // At BigCommerce's own address a 404 can only mean the store; elsewhere, BigCommerce answers an
        // unknown store hash in its own error shape and any other site just says 404.
        return at === BIGCOMMERCE_API_BASE || err.detail
          ? `There is no BigCommerce store with the store hash "${target.storeHash}" at ${at}. Check the store hash: the letters and digits after /stores/ in the API path shown with the API account.`
          : `${at} is not the BigCommerce API (it has no /stores/${target.storeHash}/v2/store). Check the API address: https://api.bigcommerce.com`;
      default:
        if (err.status >= 300 && err.status < 400) return `${at} answered with a redirect (HTTP ${err.status}): check the API address, which must be https://api.bigcommerce.com`;
        return err.message;
    }
  }
  if (isDockhandError(err)) {
    if (err.kind === 'config') return `${at} is not the BigCommerce API: ${err.message}`;
    if (err.kind === 'transient') return `Could not reach ${at}: ${err.message}`;
    return err.message;
  }
  return `Could not reach ${at}: ${err instanceof Error ? err.message : String(err)}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
