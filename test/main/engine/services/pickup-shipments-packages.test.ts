import { describe, expect, it } from 'vitest';
import { useShippingWorld } from '../../../support/shipping-world.js';
import { PACKAGE_HEADER, usePackageFormat } from './package-format.js';

const line = (sku: string, quantity: number) => ({ sku, quantity });
const HEADER = PACKAGE_HEADER;

describe('confirmations of one row per package', () => {
  const world = useShippingWorld();

  it('keep the tracking number of an order’s second package in the same file on the order, and the upload adds it to the first package’s fulfillment', async () => {
    const w = world();
    const n = await w.order(0, [line('DH-1001', 2), line('DH-1002', 1)]);
    await usePackageFormat(w);
    await w.confirm('packages.csv', [`${n};JJD1;2026-11-27`, `${n};JJD2;2026-11-27`], { header: HEADER });

    const pickup = await w.pickup();

    expect(pickup.errors).toEqual([]);
    const shipped = await w.detail(0, n);
    expect(shipped.status).toBe('shipped');
    expect(shipped.shipments.map((s) => [s.trackingNumber, s.items.length, s.status])).toEqual([
      ['JJD1', 2, 'pending'],
      ['JJD2', 0, 'kept'],
    ]);
    expect(shipped.history.map((h) => h.note).join('\n')).toMatch(/JJD2 .*packages\.csv/);

    const upload = await w.upload(0);
    expect(upload.errors).toEqual([]);
    const confirmed = await w.detail(0, n);
    expect(confirmed.status).toBe('confirmed');
    const fulfillments = w.carts[0].shop.state.fulfillmentsOf(n);
    expect(fulfillments.map((f) => f.trackingInfo.map((t) => t.number))).toEqual([['JJD1', 'JJD2']]);
    expect(confirmed.shipments.map((s) => [s.trackingNumber, s.status])).toEqual([
      ['JJD1', 'uploaded'],
      ['JJD2', 'uploaded'],
    ]);
  });

  it('keep the tracking number of a package in a later file once the first shipped every line, and read the same file again without adding it twice', async () => {
    const w = world();
    const n = await w.order(0, [line('DH-1001', 1)]);
    await usePackageFormat(w);
    await w.confirm('monday.csv', [`${n};JJD1;2026-11-27`], { header: HEADER });
    await w.pickup();
    await w.upload(0);
    await w.confirm('tuesday.csv', [`${n};JJD2;2026-11-28`], { header: HEADER });

    expect((await w.pickup()).errors).toEqual([]);
    await w.confirm('tuesday.csv', [`${n};JJD2;2026-11-28`], { header: HEADER });
    expect((await w.pickup()).errors).toEqual([]);

    const order = await w.detail(0, n);
    expect(order.status).toBe('confirmed');
    expect(order.shipments.map((s) => [s.trackingNumber, s.status])).toEqual([
      ['JJD1', 'uploaded'],
      ['JJD2', 'kept'],
    ]);
  });
});
