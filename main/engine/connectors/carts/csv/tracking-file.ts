import Papa from 'papaparse';
import type { CsvCartSettings } from '../../../../../shared/platforms/csv.js';
import { neutraliseCell } from '../../../files/writer/formula-guard.js';
import type { ShipmentToUpload } from '../cart-connector.js';

/**
 * Tracking written back to the merchant: one CSV file per shipment, one row per shipped line, in the
 * delimiter of the merchant’s own order files. Named from the order and the tracking number only (a package
 * without one: Dockhand’s id of it), so a shipment sent again finds its file instead of writing a second one.
 */

export const TRACKING_HEADER = ['Order Number', 'Line Id', 'SKU', 'Quantity', 'Carrier', 'Service', 'Tracking Number', 'Tracking URL', 'Ship Date'];

const safe = (text: string) => text.replace(/[^A-Za-z0-9._-]/g, '_');

export function trackingFileName(shipment: Pick<ShipmentToUpload, 'orderNumber' | 'trackingNumber' | 'packageRef'>): string {
  // A package without a tracking number is named by Dockhand's id of it: two such packages are two files.
  const which = shipment.trackingNumber || `package-${shipment.packageRef ?? ''}`;
  return `tracking-${safe(shipment.orderNumber)}-${safe(which)}.csv`;
}

/** The file's line id of a cart line id ("1001/3" -> "3"). */
export function lineKeyOf(cartOrderId: string, cartLineId: string): string {
  return cartLineId.slice(cartOrderId.length + 1);
}

export function trackingFileContent(shipment: ShipmentToUpload, settings: CsvCartSettings): Buffer {
  const rows = shipment.items.map((item) =>
    [
      shipment.orderNumber,
      lineKeyOf(shipment.cartOrderId, item.cartLineId),
      item.sku,
      String(item.quantity),
      shipment.carrier,
      shipment.service ?? '',
      shipment.trackingNumber,
      shipment.trackingUrl ?? '',
      shipment.shipDate,
    ].map(neutraliseCell),
  );
  return Buffer.from(`${Papa.unparse([TRACKING_HEADER, ...rows], { delimiter: settings.mapping.delimiter, newline: '\r\n' })}\r\n`, 'utf8');
}
