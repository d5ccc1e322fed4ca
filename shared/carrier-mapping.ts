import { carrierOf, carrierTrackingUrl } from './carriers.js';
import type { PlatformCarriers } from './platforms/cart-platform.js';

/** The carrier as a cart is told it, and whether the platform knows it as one of its own. */
export interface CarrierForCart {
  carrier: string;
  trackingUrl?: string;
  /** False: sent as a custom carrier (the platform does not list it, and the cart has no name for it). */
  listed: boolean;
}

export interface CarrierFacts {
  /** The carrier as the warehouse wrote it ("FDX", "FedEx Ground", "Bob's Courier"). */
  carrier: string;
  trackingNumber: string;
  /** A tracking page the warehouse gave with the shipment: kept over the carrier's own. */
  trackingUrl?: string;
}

/**
 * What to send a cart for a warehouse's carrier: the cart's own name for it (a person's override, by
 * the carrier's code or by the text as the warehouse writes it), else the platform's name for the
 * carrier, else the carrier as written, as a custom carrier with its tracking page where the platform
 * takes one. Never throws: an unknown carrier must not stop an upload.
 */
export function carrierForCart(platform: PlatformCarriers, overrides: Record<string, string>, shipment: CarrierFacts): CarrierForCart {
  const written = shipment.carrier.trim();
  const known = carrierOf(written);
  const override = overrideFor(overrides, written, known?.code);
  // A listed carrier: the platform links its tracking numbers itself; only a page the warehouse gave goes along.
  const listed = (carrier: string): CarrierForCart => (shipment.trackingUrl ? { carrier, trackingUrl: shipment.trackingUrl, listed: true } : { carrier, listed: true });
  if (override) return listed(override);
  const name = known ? platform.names[known.code as keyof PlatformCarriers['names']] : undefined;
  if (name) return listed(name);
  const custom = known?.name ?? written;
  const trackingUrl = shipment.trackingUrl ?? carrierTrackingUrl(known, shipment.trackingNumber);
  return platform.custom === 'name_and_url' && trackingUrl ? { carrier: custom, trackingUrl, listed: false } : { carrier: custom, listed: false };
}

/** A person's name for a carrier: keyed by its code ("FDX") or by the text as the warehouse writes it. */
function overrideFor(overrides: Record<string, string>, written: string, code: string | undefined): string | undefined {
  const lower = written.toLowerCase();
  for (const [key, name] of Object.entries(overrides)) {
    const k = key.trim();
    if (name.trim() === '') continue;
    if ((code && k.toUpperCase() === code) || k.toLowerCase() === lower) return name.trim();
  }
  return undefined;
}
