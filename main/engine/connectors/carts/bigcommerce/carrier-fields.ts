/**
 * A warehouse carrier code (SCAC-like: UPS, FDX, USPS, DHL...) as BigCommerce's shipment fields.
 * `shipping_provider` takes BigCommerce's own list (orders.v2: auspost, canadapost, endicia, usps,
 * fedex, royalmail, ups, upsready, shipperhq, carrier_{id}); `tracking_carrier` takes an AfterShip
 * courier slug. A carrier in neither goes with empty carrier fields and its tracking link, if any, and
 * its name in the comments: an unknown carrier never fails the upload.
 */

export interface BcCarrierFields {
  shipping_provider?: string;
  tracking_carrier?: string;
  tracking_link?: string;
  comments?: string;
}

/** What a cart connection may set per carrier code, over the defaults. */
export type BcCarrierOverrides = Record<string, { shipping_provider?: string; tracking_carrier?: string }>;

const PROVIDERS: Record<string, string> = {
  UPS: 'ups',
  UPSN: 'ups',
  FDX: 'fedex',
  FDXG: 'fedex',
  FDXE: 'fedex',
  FEDEX: 'fedex',
  USPS: 'usps',
  AUSPOST: 'auspost',
  CANADAPOST: 'canadapost',
  CPC: 'canadapost',
  ROYALMAIL: 'royalmail',
  RM: 'royalmail',
};

/** AfterShip slugs for carriers BigCommerce has no provider for. */
const TRACKING_CARRIERS: Record<string, string> = {
  DHL: 'dhl',
  DHLEC: 'dhl-global-mail',
  DHLGM: 'dhl-global-mail',
  ONTRAC: 'ontrac',
  EMSY: 'ontrac',
  LSO: 'lso',
  PUROLATOR: 'purolator',
  PRLA: 'purolator',
  TNT: 'tnt',
  DPD: 'dpd',
  GLS: 'gls',
};

export function carrierFields(carrier: string, trackingUrl: string | undefined, overrides: BcCarrierOverrides = {}): BcCarrierFields {
  const code = carrier.trim().toUpperCase().replace(/[\s_-]+/g, '');
  const chosen = overrides[carrier] ?? overrides[code];
  if (chosen?.shipping_provider) return { shipping_provider: chosen.shipping_provider };
  if (chosen?.tracking_carrier) return { tracking_carrier: chosen.tracking_carrier };
  if (PROVIDERS[code]) return { shipping_provider: PROVIDERS[code] };
  if (TRACKING_CARRIERS[code]) return { tracking_carrier: TRACKING_CARRIERS[code] };
  const custom: BcCarrierFields = { shipping_provider: '', tracking_carrier: '' };
  if (trackingUrl) custom.tracking_link = trackingUrl;
  if (carrier.trim()) custom.comments = `Carrier: ${carrier.trim()}`;
  return custom;
}
