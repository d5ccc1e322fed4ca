import type { CartServiceName } from '../../../../../shared/domain.js';
import { DockhandError } from '../../../../../shared/errors.js';
import type { AmazonSettings } from '../../../../../shared/schemas/amazon.js';
import type { ConnectionTestResult } from '../cart-connector.js';
import type { RestrictedOrdersToken } from './restricted-data.js';
import { marketplaceParticipationsReplySchema } from './schemas.js';
import type { SpApiClient } from './sp-client.js';

/**
 * Test: the refresh token gives an access token, the seller takes part in every marketplace of the
 * settings (GET /sellers/v1/marketplaceParticipations), and, for the order download, whether the app
 * may read the buyer's name and address (a Restricted Data Token).
 */
export async function testAmazonConnection(
  client: SpApiClient,
  settings: AmazonSettings,
  restricted: RestrictedOrdersToken,
  services: CartServiceName[],
): Promise<ConnectionTestResult> {
  try {
    const reply = await client.call('getMarketplaceParticipations', 'GET', '/sellers/v1/marketplaceParticipations', marketplaceParticipationsReplySchema, {
      what: "the seller's marketplaces",
    });
    const participating = new Map(reply.payload.filter((p) => p.participation?.isParticipating !== false).map((p) => [p.marketplace.id, p.marketplace]));
    const missing = settings.marketplaceIds.filter((id) => !participating.has(id));
    if (missing.length > 0) {
      return {
        ok: false,
        message: `${client.label}: the seller does not sell in ${missing.join(', ')}. It sells in ${[...participating.keys()].join(', ') || 'no marketplace'}.`,
        details: { marketplaces: [...participating.keys()] },
      };
    }
    const names = settings.marketplaceIds.map((id) => `${participating.get(id)?.name ?? id} (${id})`);
    const details: Record<string, string | string[]> = { marketplaces: names };
    let message = `Connected to ${client.label}: ${names.join(', ')}`;
    if (services.includes('order_download') && (await restricted.token()) === null) {
      details.restrictedData = 'refused';
      message += ". The app has no Restricted Data role: orders will come without the buyer's name and street address.";
    }
    return { ok: true, message, details };
  } catch (err) {
    if (err instanceof DockhandError && (err.kind === 'auth' || err.kind === 'config')) return { ok: false, message: err.message, details: { errorKind: err.kind } };
    throw err;
  }
}
