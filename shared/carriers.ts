/**
 * The warehouse's carriers, by the short codes warehouse systems write in their confirmation files
 * (SCAC-like: UPS, FDX, USPS, DHL...). A confirmation names its carrier in whatever form the WMS uses
 * ("UPS", "ups", "United Parcel Service", "FedEx Ground"); carrierCodeOf reads those into a code, and
 * each cart platform says what it calls that carrier (shared/platforms: carriers).
 */

export interface CarrierInfo {
  code: string;
  /** How a person reads it. */
  name: string;
  /** Other ways warehouse files write it, lower case, compared without spaces, dots or dashes. */
  aliases: string[];
  /** The carrier's public tracking page, {n} standing for the tracking number. */
  trackingUrl?: string;
}

export const CARRIERS = [
  { code: 'UPS', name: 'UPS', aliases: ['ups', 'unitedparcelservice', 'upsground', 'upsnextdayair', 'ups2ndday', 'upsmi', 'upsmailinnovations'], trackingUrl: 'https://www.ups.com/track?tracknum={n}' },
  { code: 'FDX', name: 'FedEx', aliases: ['fdx', 'fedex', 'fdxg', 'fdxe', 'fedexground', 'fedexexpress', 'federalexpress', 'fedexhomedelivery', 'fedexsmartpost'], trackingUrl: 'https://www.fedex.com/fedextrack/?trknbr={n}' },
  { code: 'USPS', name: 'USPS', aliases: ['usps', 'uspostalservice', 'unitedstatespostalservice', 'stamps', 'stampscom', 'endicia'], trackingUrl: 'https://tools.usps.com/go/TrackConfirmAction?tLabels={n}' },
  { code: 'DHL', name: 'DHL Express', aliases: ['dhl', 'dhlexpress', 'dhlworldwide'], trackingUrl: 'https://www.dhl.com/en/express/tracking.html?AWB={n}' },
  { code: 'DHLEC', name: 'DHL eCommerce', aliases: ['dhlec', 'dhlecommerce', 'dhlglobalmail', 'dhlgm'], trackingUrl: 'https://webtrack.dhlecs.com/?trackingnumber={n}' },
  { code: 'CAPOST', name: 'Canada Post', aliases: ['capost', 'canadapost', 'postescanada', 'cpc'], trackingUrl: 'https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor={n}' },
  { code: 'PUROLATOR', name: 'Purolator', aliases: ['purolator', 'puro'], trackingUrl: 'https://www.purolator.com/en/shipping/tracker?pin={n}' },
  { code: 'ROYALMAIL', name: 'Royal Mail', aliases: ['royalmail', 'rm'], trackingUrl: 'https://www.royalmail.com/track-your-item#/tracking-results/{n}' },
  { code: 'AUSPOST', name: 'Australia Post', aliases: ['auspost', 'australiapost', 'apost'], trackingUrl: 'https://auspost.com.au/mypost/track/#/details/{n}' },
  { code: 'ONTRAC', name: 'OnTrac', aliases: ['ontrac', 'emsy'], trackingUrl: 'https://www.ontrac.com/tracking/?number={n}' },
  { code: 'LASERSHIP', name: 'LaserShip', aliases: ['lasership', 'lsr'] },
  { code: 'AMAZON', name: 'Amazon Logistics', aliases: ['amazon', 'amzl', 'amazonlogistics', 'amazonshipping'] },
  { code: 'DPD', name: 'DPD', aliases: ['dpd', 'dpduk', 'dpdlocal'] },
  { code: 'GLS', name: 'GLS', aliases: ['gls'] },
  { code: 'TNT', name: 'TNT', aliases: ['tnt'] },
] as const satisfies readonly CarrierInfo[];

export type CarrierCode = (typeof CARRIERS)[number]['code'];

/** The key a carrier text is compared by: lower case, without spaces, dots, dashes or underscores. */
function squeeze(text: string): string {
  return text.toLowerCase().replace(/[\s.\-_/&]+/g, '');
}

const byAlias = new Map<string, CarrierInfo>(CARRIERS.flatMap((c) => [[squeeze(c.code), c] as const, ...c.aliases.map((a) => [a, c] as const)]));

/** The carrier a warehouse's text names, or undefined for one Dockhand does not know. */
export function carrierOf(text: string): CarrierInfo | undefined {
  return byAlias.get(squeeze(text));
}

/** The public tracking page of a shipment, where the carrier is known and has one. */
export function carrierTrackingUrl(carrier: CarrierInfo | undefined, trackingNumber: string): string | undefined {
  return carrier?.trackingUrl ? carrier.trackingUrl.replace('{n}', encodeURIComponent(trackingNumber)) : undefined;
}
