import { defaultCsvWmsSettings } from '../../../../shared/csv-defaults.js';
import type { ShippingWorld } from '../../../support/shipping-world.js';

/** The header of a confirmation file of one row per package (usePackageFormat). */
export const PACKAGE_HEADER = 'Reference;Parcel;Shipped';

/** A format of one row per package: order number, tracking number, date; the carrier a constant. */
export async function usePackageFormat(w: ShippingWorld): Promise<void> {
  const confirmationProfile = {
    delimiter: ';',
    rowsAre: 'packages',
    columns: {
      orderNumber: 'Reference',
      carrier: { source: { kind: 'constant', value: 'DHL' } },
      trackingNumber: 'Parcel',
      shipDate: { source: { kind: 'column', column: 'Shipped' }, transforms: [{ kind: 'date', format: 'YYYY-MM-DD' }] },
    },
  };
  const settings = { ...defaultCsvWmsSettings({ kind: 'folder', path: w.folder }), confirmationProfile };
  await w.t.call('wms.save', { settings, secrets: {} } as never);
}
