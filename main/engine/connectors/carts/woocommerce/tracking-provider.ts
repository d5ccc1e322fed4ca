import type { TrackingInput } from './orders-api.js';

/**
 * The Shipment Tracking item for a shipment whose carrier the upload service already named the
 * platform's way (shared/carrier-mapping.ts: the cart's override, else the platform descriptor's name,
 * else a custom carrier with its tracking page). The extension takes as tracking_provider only names from
 * its providers list, which site code can change, so the name is looked up in this store's own list
 * (case, spaces and punctuation aside); a name it does not list goes as a custom provider with the
 * tracking link, never failing the upload.
 */

/** The providers endpoint's reply: {region: {providerName: urlFormat}} -> every provider name. */
export function providerNames(reply: unknown): string[] {
  if (typeof reply !== 'object' || reply === null) return [];
  return Object.values(reply as Record<string, unknown>).flatMap((group) =>
    typeof group === 'object' && group !== null ? Object.keys(group as Record<string, unknown>) : [],
  );
}

export function trackingInputFor(
  shipment: { carrier: string; trackingNumber: string; trackingUrl?: string; shipDate: string },
  providers: readonly string[],
): TrackingInput {
  const dateShipped = shipment.shipDate.slice(0, 10);
  const wanted = squeeze(shipment.carrier);
  const listed = providers.find((p) => squeeze(p) === wanted);
  if (listed) return { provider: listed, trackingNumber: shipment.trackingNumber, dateShipped };
  return {
    customProvider: shipment.carrier.trim(),
    ...(shipment.trackingUrl ? { customLink: shipment.trackingUrl } : {}),
    trackingNumber: shipment.trackingNumber,
    dateShipped,
  };
}

function squeeze(name: string): string {
  return name.toLowerCase().replace(/[\s.\-_/&()]+/g, '');
}
