import type { CartServiceName } from '../../../../../shared/domain.js';
import { DockhandError } from '../../../../../shared/errors.js';
import type { ConnectionTestResult } from '../cart-connector.js';
import { listPageSchema } from './payload-schemas.js';
import type { EtsyClient } from './rest-client.js';
import type { EtsyShopRef } from './shop-lookup.js';

/**
 * Test: the grant gives an access token, the shop is found, and its receipts can be read (the scope
 * transactions_r). An answer Etsy refuses is the Test's answer, said in its words.
 */
export async function testEtsyConnection(
  deps: { client: () => EtsyClient; shop: () => Promise<EtsyShopRef> },
  services: CartServiceName[],
): Promise<ConnectionTestResult> {
  try {
    const client = deps.client();
    const shop = await deps.shop();
    await client.get(`/shops/${shop.shopId}/receipts`, listPageSchema, { what: 'the receipts of the shop', query: new URLSearchParams({ limit: '1' }) });
    const name = shop.shopName ? `Etsy shop ${shop.shopName}` : `Etsy shop ${shop.shopId}`;
    return { ok: true, message: `Connected to ${name}`, details: { shopId: shop.shopId, services } };
  } catch (err) {
    if (err instanceof DockhandError && (err.kind === 'auth' || err.kind === 'config' || err.kind === 'not_found')) {
      return { ok: false, message: err.message, details: { errorKind: err.kind } };
    }
    throw err;
  }
}
