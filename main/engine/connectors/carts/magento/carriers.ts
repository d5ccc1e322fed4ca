import type { PlatformCarriers } from '../../../../../shared/platforms/cart-platform.js';

/**
 * Magento's carrier codes for a shipment track (ShipmentTrackCreationInterface.carrier_code): the
 * built-in online carriers plus "custom" for any other, whose name then goes in the title. Magento keeps
 * no tracking address on a track, so a custom carrier travels by name alone.
 * Belongs in the platform descriptor (shared/platforms/magento.ts) once Magento is registered.
 */
export const MAGENTO_CARRIERS: PlatformCarriers = {
  names: { UPS: 'ups', FDX: 'fedex', USPS: 'usps', DHL: 'dhl' },
  custom: 'name',
};

/** How the built-in carrier codes read on the order page and in the shopper's e-mail. */
export const MAGENTO_CARRIER_TITLES: Record<string, string> = {
  ups: 'United Parcel Service',
  fedex: 'Federal Express',
  usps: 'United States Postal Service',
  dhl: 'DHL',
};
