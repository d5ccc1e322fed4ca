import { describe, expect, it } from 'vitest';
import { defaultCsvWmsSettings } from '../../../../shared/csv-defaults.js';
import { useShippingWorld, type ShippingWorld } from '../../../support/shipping-world.js';

const line = (sku: string, quantity: number) => ({ sku, quantity });

/** Saves the warehouse setup with this confirmation format (the rest as the default). */
async function useFormat(w: ShippingWorld, confirmationProfile: Record<string, unknown>): Promise<void> {
  const settings = { ...defaultCsvWmsSettings({ kind: 'folder', path: w.folder }), confirmationProfile };
  await w.t.call('wms.save', { settings, secrets: {} } as never);
}

describe('shipping confirmations in the warehouse’s own format', () => {
  const world = useShippingWorld();

  it('read one row per package from a PO column with a prefix to strip, with an explicit date format, shipping what each order has left', async () => {
    const w = world();
    const n = await w.order(0, [line('DH-1001', 2), line('DH-1002', 1)]);
    const m = await w.order(0, [line('DH-1003', 4)]);
    await useFormat(w, {
      delimiter: ';',
      rowsAre: 'packages',
      columns: {
        orderNumber: { source: { kind: 'column', column: 'Reference' }, transforms: [{ kind: 'prefix', action: 'strip', value: 'WEB-' }] },
        carrier: { source: { kind: 'constant', value: 'DHL' } },
        trackingNumber: 'Parcel',
        shipDate: { source: { kind: 'column', column: 'Shipped' }, transforms: [{ kind: 'date', format: 'DD.MM.YYYY HH:mm', timeZone: 'Europe/Berlin' }] },
      },
    });
    await w.confirm('pkg.csv', [`WEB-${n};JJD1;27.11.2026 09:30;ignored`, `WEB-${m};JJD2;27.11.2026 09:31;x`], { header: 'Reference;Parcel;Shipped;Weight note' });

    const pickup = await w.pickup();

    expect(pickup.errors).toEqual([]);
    const first = await w.detail(0, n);
    expect(first.status).toBe('shipped');
    expect(first.shipments).toMatchObject([{ trackingNumber: 'JJD1', carrier: 'DHL', shipDate: '2026-11-27T08:30:00.000Z' }]);
    expect(first.shipments[0].items).toEqual([
      { sku: 'DH-1001', quantity: 2 },
      { sku: 'DH-1002', quantity: 1 },
    ]);
    expect((await w.detail(0, m)).status).toBe('shipped');
  });

  it('group rows by a shipment id whose tracking number is on its first row only, and ship a shipment without tracking', async () => {
    const w = world();
    const n = await w.order(0, [line('DH-1001', 2), line('DH-1002', 1)]);
    const m = await w.order(0, [line('DH-1003', 4)]);
    await useFormat(w, {
      groupBy: 'shipmentId',
      columns: { orderNumber: 'Order', sku: 'SKU', quantity: 'Qty', trackingNumber: 'Tracking', shipDate: { source: { kind: 'column', column: 'Date' }, transforms: [{ kind: 'date', format: 'YYYY-MM-DD' }] }, shipmentId: 'Shipment' },
    });
    // No carrier column at all: carrier is optional in this format.
    await w.confirm('grouped.csv', [`S1,${n},DH-1001,2,1ZG1,2026-11-27`, `S1,${n},DH-1002,1,,2026-11-27`, `S2,${m},DH-1003,4,,2026-11-27`], { header: 'Shipment,Order,SKU,Qty,Tracking,Date' });

    const pickup = await w.pickup();

    expect(pickup.errors).toEqual([]);
    const first = await w.detail(0, n);
    expect(first.status).toBe('shipped');
    expect(first.shipments).toHaveLength(1);
    expect(first.shipments[0]).toMatchObject({ trackingNumber: '1ZG1' });
    const second = await w.detail(0, m);
    expect(second.status).toBe('shipped');
    expect(second.shipments).toMatchObject([{ trackingNumber: '' }]);
    expect(second.history.at(-1)?.note ?? '').toMatch(/without a tracking number/);
  });

  it('report a date that is not in the format with file, line and reason, and never guess it', async () => {
    const w = world();
    const n = await w.order(0, [line('DH-1001', 1)]);
    await useFormat(w, {
      columns: { orderNumber: 'Order Number', sku: 'SKU', quantity: 'Quantity', carrier: 'Carrier', trackingNumber: 'Tracking Number', shipDate: { source: { kind: 'column', column: 'Ship Date' }, transforms: [{ kind: 'date', format: 'DD/MM/YYYY' }] } },
    });
    await w.confirm('dates.csv', [`${n},DH-1001,1,UPS,Ground,1ZX,2026-11-27`]);

    const pickup = await w.pickup();

    expect(pickup.errors).toEqual([{ message: 'line 2: ship date "2026-11-27" is not a date in the format DD/MM/YYYY', where: 'dates.csv' }]);
    expect((await w.detail(0, n)).status).toBe('at_wms');
    expect(await w.inbox()).toEqual([]);
  });
});
