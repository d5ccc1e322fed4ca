import type { CartServiceName } from '../../../../../shared/domain.js';
import { isDockhandError } from '../../../../../shared/errors.js';
import type { ConnectionTestResult } from '../cart-connector.js';
import type { EbayRestClient } from './rest-client.js';
import { offersSchema, orderPageSchema } from './schemas.js';

/**
 * Test for the setup screen: does the refresh token still give access tokens, and may they read orders
 * (sell.fulfillment) and, for the stock upload, offers (sell.inventory)? One cheap call each.
 */
export async function testEbayConnection(client: EbayRestClient, services: CartServiceName[]): Promise<ConnectionTestResult> {
  try {
    const { value } = await client.json('GET', '/sell/fulfillment/v1/order', orderPageSchema, {
      what: 'the order list',
      api: 'fulfillment',
      query: new URLSearchParams({ limit: '1' }),
    });
    if (services.includes('inventory_upload')) {
      await client.json('GET', '/sell/inventory/v1/offer', offersSchema, {
        what: 'the offers',
        api: 'inventory',
        query: new URLSearchParams({ sku: 'DOCKHAND-CONNECTION-TEST', limit: '1' }),
      }).catch((err: unknown) => {
        // An unknown SKU is the expected answer: only a refusal of the scope matters here.
        if (isDockhandError(err) && err.kind === 'data') return undefined;
        throw err;
      });
    }
    return { ok: true, message: `Connected to ${client.label} (${value.total} order${value.total === 1 ? '' : 's'} in the last 90 days)`, details: { orders: String(value.total) } };
  } catch (err) {
    if (isDockhandError(err) && err.kind !== 'transient' && err.kind !== 'rate_limited') {
      return { ok: false, message: err.message, details: { errorKind: err.kind } };
    }
    throw err;
  }
}
