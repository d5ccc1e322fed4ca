import type { CartServiceName } from '../../../../../shared/domain.js';
import { isDockhandError } from '../../../../../shared/errors.js';
import { SHOPIFY_REQUIRED_SCOPES } from '../../../../../shared/schemas/shopify.js';
import type { ConnectionTestResult } from '../cart-connector.js';
import type { ShopifyGraphqlClient } from './graphql-client.js';
import { SHOP_QUERY } from './queries.js';

/** Shop name and plan, and the access scopes the requested services need, named when missing. */
export async function testShopifyConnection(
  client: ShopifyGraphqlClient,
  shopDomain: string,
  services: CartServiceName[],
): Promise<ConnectionTestResult> {
  let data: unknown;
  try {
    data = await client.query<unknown>(SHOP_QUERY, {}, { costKey: 'shop', estimatedCost: 3 });
  } catch (err) {
    // Refusals are an answer to "does it work?", not a crash of the test.
    if (isDockhandError(err) && err.kind !== 'transient' && err.kind !== 'rate_limited') {
      return { ok: false, message: err.message, details: { errorKind: err.kind } };
    }
    throw err;
  }
  const shop = isRecord(data) && isRecord(data.shop) ? data.shop : undefined;
  const installation = isRecord(data) && isRecord(data.currentAppInstallation) ? data.currentAppInstallation : undefined;
  if (!shop || typeof shop.name !== 'string' || !installation || !Array.isArray(installation.accessScopes)) {
    throw client.malformed('shop or currentAppInstallation is missing');
  }
  const plan = isRecord(shop.plan) && typeof shop.plan.publicDisplayName === 'string' ? shop.plan.publicDisplayName : 'unknown';
  const granted = installation.accessScopes
    .filter(isRecord)
    .map((s) => s.handle)
    .filter((h): h is string => typeof h === 'string');
  const required = [...new Set(services.flatMap((s) => [...SHOPIFY_REQUIRED_SCOPES[s]]))];
  const missingScopes = required.filter((scope) => !hasScope(granted, scope));
  const details = { shop: shop.name, shopDomain, plan, scopes: granted };
  if (missingScopes.length > 0) {
    return {
      ok: false,
      message: `Connected to ${shop.name} (${plan} plan), but the app lacks the access scope${missingScopes.length > 1 ? 's' : ''} ${missingScopes.join(', ')} needed for ${services.join(', ').replace(/_/g, ' ')}`,
      details,
      missingScopes,
    };
  }
  return { ok: true, message: `Connected to ${shop.name} (${plan} plan)`, details };
}

/** A write_ scope implies its read_ scope. */
function hasScope(granted: string[], scope: string): boolean {
  return granted.includes(scope) || (scope.startsWith('read_') && granted.includes(`write_${scope.slice(5)}`));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
