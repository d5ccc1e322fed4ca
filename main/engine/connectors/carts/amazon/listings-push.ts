import type { AmazonSettings } from '../../../../../shared/schemas/amazon.js';
import type { InventoryPushResult } from '../cart-connector.js';
import { listingsPatchReplySchema } from './schemas.js';
import type { SpApiClient } from './sp-client.js';
import { AmazonApiError } from './sp-errors.js';

/**
 * Quantities through the Listings Items API: PATCH /listings/2021-08-01/items/{sellerId}/{sku} with
 * the fulfillment_availability attribute (the merchant-fulfilled quantity, channel DEFAULT), for every
 * marketplace of the connection at once. ACCEPTED is applied; INVALID comes with issues, reported per
 * SKU; a SKU the seller has no listing for (404 NotFound) is unknown.
 */

export function quantityPatch(quantity: number) {
  return {
    productType: 'PRODUCT',
    patches: [{ op: 'replace', path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: 'DEFAULT', quantity }] }],
  };
}

export async function pushListingQuantities(
  client: SpApiClient,
  settings: AmazonSettings,
  sellerId: string,
  levels: { sku: string; quantity: number }[],
): Promise<InventoryPushResult> {
  const result: InventoryPushResult = { updated: 0, unknownSkus: [], failed: [] };
  for (const level of levels) {
    const quantity = Math.max(0, Math.floor(level.quantity));
    try {
      const reply = await client.call(
        'patchListingsItem',
        'PATCH',
        `/listings/2021-08-01/items/${encodeURIComponent(sellerId)}/${encodeURIComponent(level.sku)}`,
        listingsPatchReplySchema,
        {
          what: `the quantity of ${level.sku}`,
          query: new URLSearchParams({ marketplaceIds: settings.marketplaceIds.join(','), issueLocale: 'en_US' }),
          body: quantityPatch(quantity),
          // Setting a quantity twice leaves the same quantity.
          idempotent: true,
        },
      );
      if (reply.status === 'INVALID') {
        const issues = (reply.issues ?? []).filter((i) => i.severity !== 'WARNING').map((i) => `${i.code}: ${i.message}`);
        result.failed.push({ sku: level.sku, reason: `Amazon refused the quantity of ${level.sku}: ${issues.join('; ') || 'INVALID'}` });
      } else {
        result.updated += 1;
      }
    } catch (err) {
      if (err instanceof AmazonApiError && err.status === 404) {
        result.unknownSkus.push(level.sku);
        continue;
      }
      if (err instanceof AmazonApiError && err.kind === 'data') {
        result.failed.push({ sku: level.sku, reason: `Amazon refused the quantity of ${level.sku}: ${err.amazonMessage ?? err.message}` });
        continue;
      }
      throw err;
    }
  }
  return result;
}
