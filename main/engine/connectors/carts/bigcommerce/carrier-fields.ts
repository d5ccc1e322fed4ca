/**
 * A warehouse carrier code (SCAC-like: UPS, FDX, USPS, DHL...) as BigCommerce's shipment fields.
 * `shipping_provider` takes BigCommerce's own list (orders.v2: auspost, canadapost, endicia, usps,
 * fedex, royalmail, ups, upsready, shipperhq, carrier_{id}); `tracking_carrier` takes an AfterShip
 * courier slug. A carrier in neither goes with empty carrier fields and its tracking link, if any, and
 * its name in the comments: an unknown carrier never fails the upload.
 *
 * The upload service hands the connector the platform's name for the warehouse's carrier (the
 * descriptor's carriers in shared/platforms/bigcommerce.ts, or a person's name for it): a
 * shipping_provider value or an AfterShip slug, both read here as they are written.
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

/** BigCommerce's shipping_provider values (orders.v2, Create Order Shipment), besides carrier_{id}. */
const SHIPPING_PROVIDERS = new Set(['auspost', 'canadapost', 'endicia', 'usps', 'fedex', 'royalmail', 'ups', 'upsready', 'shipperhq']);
/** A third-party shipping provider of the store. */
const CUSTOM_PROVIDER = /^carrier_\w+$/;
/** AfterShip slugs the descriptor names carriers by (and the defaults above). */
const AFTERSHIP_SLUGS = new Set([...Object.values(TRACKING_CARRIERS), 'lasership', 'amazon']);

export function carrierFields(carrier: string, trackingUrl: string | undefined, overrides: BcCarrierOverrides = {}): BcCarrierFields {
  const code = carrier.trim().toUpperCase().replace(/[\s_-]+/g, '');
  const chosen = overrides[carrier] ?? overrides[code];
  if (chosen?.shipping_provider) return { shipping_provider: chosen.shipping_provider };
  if (chosen?.tracking_carrier) return { tracking_carrier: chosen.tracking_carrier };
  const written = carrier.trim();
  if (SHIPPING_PROVIDERS.has(written) || CUSTOM_PROVIDER.test(written)) return { shipping_provider: written };
  if (AFTERSHIP_SLUGS.has(written)) return { tracking_carrier: written };
  if (PROVIDERS[code]) return { shipping_provider: PROVIDERS[code] };
  if (TRACKING_CARRIERS[code]) return { tracking_carrier: TRACKING_CARRIERS[code] };
  const custom: BcCarrierFields = { shipping_provider: '', tracking_carrier: '' };
  if (trackingUrl) custom.tracking_link = trackingUrl;
  if (carrier.trim()) custom.comments = `Carrier: ${carrier.trim()}`;
  return custom;
}
