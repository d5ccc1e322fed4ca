import { describe, expect, it } from 'vitest';
import { defaultCsvWmsSettings } from '../../../../shared/csv-defaults.js';
import { useShippingWorld, type ShippingWorld } from '../../../support/shipping-world.js';

const line = (sku: string, quantity: number) => ({ sku, quantity });
const dated = (column: string) => ({ source: { kind: 'column', column }, transforms: [{ kind: 'date', format: 'YYYY-MM-DD' }] });

/** A confirmation format without carrier and tracking number columns (both optional). */
async function useUntrackedFormat(w: ShippingWorld, extra: Record<string, unknown> = {}): Promise<void> {
  const confirmationProfile = { columns: { orderNumber: 'Order', sku: 'SKU', quantity: 'Qty', shipDate: dated('Date') }, ...extra };
  const settings = { ...defaultCsvWmsSettings({ kind: 'folder', path: w.folder }), confirmationProfile };
  await w.t.call('wms.save', { settings, secrets: {} } as never);
}

describe('shipments without a tracking number', () => {
  const world = useShippingWorld();

  it('ship a second package without tracking from a later file, while the same file read again applies nothing twice', async () => {
    const w = world();
    const n = await w.order(0, [line('DH-1001', 2), line('DH-1002', 1)]);
    await useUntrackedFormat(w);
    await w.confirm('first.csv', [`${n},DH-1001,2,2026-11-27`], { header: 'Order,SKU,Qty,Date' });
    expect((await w.pickup()).errors).toEqual([]);
    expect((await w.detail(0, n)).status).toBe('partially_shipped');

    await w.confirm('second.csv', [`${n},DH-1002,1,2026-11-28`], { header: 'Order,SKU,Qty,Date' });
    expect((await w.pickup()).errors).toEqual([]);
    const shipped = await w.detail(0, n);
    expect(shipped.status).toBe('shipped');
    expect(shipped.shipments.map((s) => [s.trackingNumber, s.items])).toEqual([
      ['', [expect.objectContaining({ sku: 'DH-1001', quantity: 2 })]],
      ['', [expect.objectContaining({ sku: 'DH-1002', quantity: 1 })]],
    ]);

    // The first file again under its own name (a crash before it was archived, then a re-read).
    await w.confirm('first.csv', [`${n},DH-1001,2,2026-11-27`], { header: 'Order,SKU,Qty,Date' });
    const reread = await w.pickup();
    expect(reread.errors).toEqual([]);
    expect((await w.detail(0, n)).shipments).toHaveLength(2);
  });

  it('report the same file sent again under another name as a duplicate, not a new package', async () => {
    const w = world();
    const n = await w.order(0, [line('DH-1001', 4)]);
    await useUntrackedFormat(w);
    await w.confirm('monday.csv', [`${n},DH-1001,1,2026-11-27`], { header: 'Order,SKU,Qty,Date' });
    await w.pickup();
    await w.confirm('monday-again.csv', [`${n},DH-1001,1,2026-11-27`], { header: 'Order,SKU,Qty,Date' });

    const again = await w.pickup();

    expect(again.errors).toEqual([{ message: expect.stringMatching(/line 2: .*already confirmed in monday\.csv/), where: 'monday-again.csv' }]);
    expect((await w.detail(0, n)).shipments).toHaveLength(1);
  });

  it('ship two shipments without tracking of one order in one file when the shipment id tells them apart', async () => {
    const w = world();
    const n = await w.order(0, [line('DH-1001', 2), line('DH-1002', 1)]);
    await useUntrackedFormat(w, { groupBy: 'shipmentId', columns: { orderNumber: 'Order', sku: 'SKU', quantity: 'Qty', shipDate: dated('Date'), shipmentId: 'Shipment' } });
    const rows = [`S1,${n},DH-1001,2,2026-11-27`, `S2,${n},DH-1002,1,2026-11-27`];
    await w.confirm('two.csv', rows, { header: 'Shipment,Order,SKU,Qty,Date' });

    expect((await w.pickup()).errors).toEqual([]);
    const shipped = await w.detail(0, n);
    expect(shipped.status).toBe('shipped');
    expect(shipped.shipments).toHaveLength(2);

    await w.confirm('two-resent.csv', rows, { header: 'Shipment,Order,SKU,Qty,Date' });
    const resent = await w.pickup();
    expect(resent.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^line 2: .*already confirmed in two\.csv/), expect.stringMatching(/^line 3: .*already confirmed in two\.csv/)]);
    expect((await w.detail(0, n)).shipments).toHaveLength(2);
  });
});
