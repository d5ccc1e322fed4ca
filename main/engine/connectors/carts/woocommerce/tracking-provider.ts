import type { TrackingInput } from './orders-api.js';

/**
 * Which Shipment Tracking provider a warehouse carrier code (SCAC-like: UPS, FDX, USPS, DHL) becomes.
 * The extension accepts only names from its providers list (GET .../shipment-trackings/providers, which
 * site code can change), so the name is looked up in the store's own list; a carrier it does not know
 * goes as a custom provider with the warehouse's tracking link, never failing the upload.
 */

/** Provider names the extension ships with, per carrier code, best first. Overrides per cart come first. */
const DEFAULT_ALIASES: Record<string, string[]> = {
  UPS: ['UPS'],
  FDX: ['Fedex', 'FedEx'],
  FEDEX: ['Fedex', 'FedEx'],
  USPS: ['USPS'],
  DHL: ['DHL US', 'DHL Express', 'DHL'],
  DHLE: ['DHL Express'],
  CAPC: ['Canada Post'],
  AUPOST: ['Australia Post'],
  RM: ['Royal Mail'],
};

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
  overrides: Record<string, string> = {},
): TrackingInput {
  const code = shipment.carrier.trim().toUpperCase();
  const wanted = [overrides[code], ...(DEFAULT_ALIASES[code] ?? []), shipment.carrier.trim()].filter((n): n is string => !!n);
  const byLower = new Map(providers.map((p) => [p.toLowerCase(), p]));
  const dateShipped = shipment.shipDate.slice(0, 10);
  for (const name of wanted) {
    const found = byLower.get(name.toLowerCase());
    if (found) return { provider: found, trackingNumber: shipment.trackingNumber, dateShipped };
  }
  return {
    customProvider: overrides[code] ?? shipment.carrier.trim(),
    ...(shipment.trackingUrl ? { customLink: shipment.trackingUrl } : {}),
    trackingNumber: shipment.trackingNumber,
    dateShipped,
  };
}
