import { DockhandError } from '../../../../../shared/errors.js';
import { meSchema, shopSchema } from './payload-schemas.js';
import type { EtsyClient } from './rest-client.js';
import { userIdOfToken } from './grant-lineage.js';

export interface EtsyShopRef {
  shopId: string;
  shopName?: string;
}

/**
 * The shop the grant reaches: GET /users/{user_id}/shops (getShopByOwnerUserId), the user id read
 * from the token ("<user id>.<token>"), or asked of /users/me when the token does not carry it.
 */
export async function findGrantShop(client: EtsyClient, refreshToken: string): Promise<EtsyShopRef> {
  const userId = userIdOfToken(refreshToken) ?? String((await client.get('/users/me', meSchema, { what: 'the connected Etsy account' })).user_id);
  let shop;
  try {
    shop = await client.get(`/users/${userId}/shops`, shopSchema, { what: 'the shop of the connected Etsy account' });
  } catch (err) {
    if (err instanceof DockhandError && err.kind === 'not_found') {
      throw new DockhandError('config', `The Etsy account that was connected (user ${userId}) has no shop. Reconnect with the shop owner's Etsy account.`);
    }
    throw err;
  }
  return { shopId: String(shop.shop_id), ...(shop.shop_name ? { shopName: shop.shop_name } : {}) };
}
