import { describe, expect, it } from 'vitest';
import { useShippingWorld } from '../../../support/shipping-world.js';

const line = (sku: string, quantity: number) => ({ sku, quantity });

/** Shipping Confirmations through the engine: a folder warehouse, carts on fake Shopify shops. */
describe('shipping confirmations: partial shipments', () => {
  const world = useShippingWorld();

  it('keep an order of 3 lines with 1 shipped Partially shipped, at the warehouse, with its shipped quantity per line', async () => {
    const w = world();
    const n = await w.order(0, [line('DH-1001', 2), line('DH-1002', 1), line('DH-1003', 4)]);
    await w.confirm('ship-1.csv', [`${n},DH-1002,1,UPS,Ground,1ZA1,2026-11-26`]);

    const pickup = await w.pickup();

    expect(pickup.status).toBe('ok');
    const order = await w.detail(0, n);
    expect(order.status).toBe('partially_shipped');
    const [a, b, c] = order.order.lines.map((l) => l.cartLineId);
    expect(order.shippedQuantities).toEqual({ [a]: 0, [b]: 1, [c]: 0 });
    expect(order.shipments[0].items).toEqual([{ sku: 'DH-1002', quantity: 1 }]);
    const dashboard = await w.t.call('dashboard.summary', {});
    expect(dashboard.totals).toMatchObject({ at_warehouse: 1, to_confirm: 0, done: 0, total: 1 });
    expect(order.history.at(-1)).toMatchObject({ fromStatus: 'at_wms', toStatus: 'partially_shipped' });

    await w.confirm('ship-2.csv', [`${n},DH-1001,2,UPS,Ground,1ZA2,2026-11-27`, `${n},DH-1003,4,UPS,Ground,1ZA2,2026-11-27`]);
    await w.pickup();

    const shipped = await w.detail(0, n);
    expect(shipped.status).toBe('shipped');
    expect(shipped.shippedQuantities).toEqual({ [a]: 2, [b]: 1, [c]: 4 });
  });

  it('spread a SKU that sits on two lines over both, and accept it on two rows of one shipment (the order file echoed)', async () => {
    const w = world();
    const n = await w.order(0, [line('DH-1001', 2), line('DH-1002', 1), line('DH-1001', 3)]);
    const m = await w.order(0, [line('DH-1001', 2), line('DH-1001', 3)]);
    await w.confirm('ship-1.csv', [`${n},DH-1001,5,UPS,Ground,1ZN,2026-11-26`, `${m},DH-1001,2,UPS,Ground,1ZM,2026-11-26`, `${m},DH-1001,3,UPS,Ground,1ZM,2026-11-26`]);

    const pickup = await w.pickup();

    expect(pickup.errors).toEqual([]);
    const first = await w.detail(0, n);
    const [a, b, c] = first.order.lines.map((l) => l.cartLineId);
    expect(first.shippedQuantities).toEqual({ [a]: 2, [b]: 0, [c]: 3 });
    expect(first.status).toBe('partially_shipped');
    const second = await w.detail(0, m);
    expect(second.status).toBe('shipped');
    expect(Object.values(second.shippedQuantities)).toEqual([2, 3]);
  });
});

describe('shipping confirmations: duplicated and excess rows', () => {
  const world = useShippingWorld();

  it('take the same order, SKU and tracking number twice as one shipment line and report the second row as a duplicate', async () => {
    const w = world();
    const n = await w.order(0, [line('DH-1001', 5)]);
    await w.confirm('ship-1.csv', [`${n},DH-1001,5,UPS,Ground,1ZD,2026-11-26`, `${n},DH-1001,5,UPS,Ground,1ZD,2026-11-26`]);

    const pickup = await w.pickup();

    expect(pickup.errors).toEqual([{ message: 'line 3: Duplicate of line 2: the same order, SKU and tracking number is one shipment line', where: 'ship-1.csv' }]);
    const order = await w.detail(0, n);
    expect(order.status).toBe('shipped');
    expect(order.shipments.map((s) => s.items)).toEqual([[{ sku: 'DH-1001', quantity: 5 }]]);
    // ... and the cart gets 5, not 10 it would refuse.
    const upload = await w.upload(0);
    expect(upload.status).toBe('ok');
    expect((await w.detail(0, n)).status).toBe('confirmed');
  });

  it('report quantities beyond what was ordered per row, within a file and across files, and apply the rest', async () => {
    const w = world();
    const n = await w.order(0, [line('DH-1001', 5), line('DH-1002', 1)]);
    await w.confirm('ship-1.csv', [`${n},DH-1001,3,UPS,Ground,1ZE1,2026-11-26`, `${n},DH-1002,2,UPS,Ground,1ZE1,2026-11-26`]);
    const first = await w.pickup();
    expect(first.errors).toEqual([{ message: `line 3: Order ${n}, SKU DH-1002: the row ships 2 but only 1 of the 1 ordered is left to ship`, where: 'ship-1.csv' }]);

    await w.confirm('ship-2.csv', [`${n},DH-1001,3,UPS,Ground,1ZE2,2026-11-27`]);
    const second = await w.pickup();

    expect(second.errors).toEqual([
      { message: `line 2: Order ${n}, SKU DH-1001: the row ships 3 but only 2 of the 5 ordered are left to ship (3 already shipped)`, where: 'ship-2.csv' },
    ]);
    const order = await w.detail(0, n);
    expect(order.status).toBe('partially_shipped');
    expect(Object.values(order.shippedQuantities)).toEqual([3, 0]);
    expect(order.shipments.map((s) => s.trackingNumber)).toEqual(['1ZE1']);
  });

  it('read a file again after a crash without adding or reporting anything, but report the same tracking number from another file', async () => {
    const w = world();
    const n = await w.order(0, [line('DH-1001', 2)]);
    await w.confirm('ship-1.csv', [`${n},DH-1001,1,UPS,Ground,1ZR,2026-11-26`]);
    await w.pickup();
    // The same file again, as after a crash before it was archived.
    await w.confirm('ship-1.csv', [`${n},DH-1001,1,UPS,Ground,1ZR,2026-11-26`]);
    expect((await w.pickup()).errors).toEqual([]);
    await w.confirm('ship-2.csv', [`${n},DH-1001,1,UPS,Ground,1ZR,2026-11-26`]);

    const again = await w.pickup();

    expect(again.errors).toEqual([{ message: `line 2: Duplicate: tracking number 1ZR of order ${n} was already confirmed in ship-1.csv`, where: 'ship-2.csv' }]);
    expect((await w.detail(0, n)).shipments).toHaveLength(1);
  });
});

describe('shipping confirmations: the file as a whole', () => {
  const world = useShippingWorld();

  it('take a header-only file as nothing shipped: archived, no error, no alert', async () => {
    const w = world();
    await w.confirm('ship-empty.csv', []);

    const pickup = await w.pickup();

    expect(pickup.status).toBe('ok');
    expect(pickup.errors).toEqual([]);
    expect(pickup.counts).toMatchObject({ files: 1, shipments: 0 });
    expect(pickup.counts.unreadableFiles ?? 0).toBe(0);
    expect(await w.inbox()).toEqual([]);
    expect(await w.t.call('alerts.list', {})).toEqual([]);
  });

  it('raise an alert for bad rows that names the file and its first bad lines, while the good rows apply', async () => {
    const w = world();
    const n = await w.order(0, [line('DH-1001', 1)]);
    const bad = Array.from({ length: 7 }, (_, i) => `#99${i},DH-1001,1,UPS,Ground,1ZX${i},2026-11-26`);
    await w.confirm('ship-bad.csv', [`${n},DH-1001,1,UPS,Ground,1ZG,2026-11-26`, ...bad]);

    const pickup = await w.pickup();

    expect(pickup.errors).toHaveLength(7);
    expect((await w.detail(0, n)).status).toBe('shipped');
    const alerts = await w.t.call('alerts.list', {});
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ severity: 'warning', targetType: 'merchant', targetId: w.merchantId });
    expect(alerts[0].message).toBe(
      'Confirmation file ship-bad.csv: 7 rows were not applied. Line 3: No order #990 for this merchant; line 4: No order #991 for this merchant; ' +
        'line 5: No order #992 for this merchant; line 6: No order #993 for this merchant; line 7: No order #994 for this merchant; ' +
        'and 2 more (see the Shipping Confirmations run on the Activity screen)',
    );
  });
});

describe('shipping confirmations: two carts with the same order numbers', () => {
  const world = useShippingWorld([
      { name: 'Acme US', orderSource: 'acme-us' },
      { name: 'Acme EU', orderSource: 'acme-eu' },
    ]);

  it('match by the order source column when the file carries it', async () => {
    const w = world();
    const us = await w.order(0, [line('DH-1001', 1)]);
    const eu = await w.order(1, [line('DH-1001', 1)]);
    expect(us).toBe(eu);
    await w.confirm('ship-1.csv', [`ACME-US,${us},DH-1001,1,UPS,Ground,1ZUS,2026-11-26`], { withSource: true });

    const pickup = await w.pickup();

    expect(pickup.errors).toEqual([]);
    expect((await w.detail(0, us)).status).toBe('shipped');
    expect((await w.detail(1, eu)).status).toBe('at_wms');
  });

  it('match by SKU when only one of the orders has it, and without its #', async () => {
    const w = world();
    const us = await w.order(0, [line('DH-1001', 1)]);
    await w.order(1, [line('DH-1002', 1)]);
    await w.confirm('ship-1.csv', [`${us.slice(1)},DH-1002,1,UPS,Ground,1ZEU,2026-11-26`]);

    const pickup = await w.pickup();

    expect(pickup.errors).toEqual([]);
    expect((await w.detail(1, us)).status).toBe('shipped');
    expect((await w.detail(0, us)).status).toBe('at_wms');
  });

  it('report a row it cannot match unambiguously, naming both carts, while the file\'s other rows apply', async () => {
    const w = world();
    const n = await w.order(0, [line('DH-1001', 1)]);
    await w.order(1, [line('DH-1001', 1)]);
    const other = await w.order(0, [line('DH-1003', 1)]);
    await w.confirm('ship-1.csv', [`${n},DH-1001,1,UPS,Ground,1ZAMB,2026-11-26`, `${other},DH-1003,1,UPS,Ground,1ZOK,2026-11-26`]);

    const pickup = await w.pickup();

    expect(pickup.errors).toEqual([
      { message: `line 2: Ambiguous: order ${n} exists in carts Acme US and Acme EU; add the order source column to the confirmation file`, where: 'ship-1.csv' },
    ]);
    expect((await w.detail(0, n)).status).toBe('at_wms');
    expect((await w.detail(1, n)).status).toBe('at_wms');
    expect((await w.detail(0, other)).status).toBe('shipped');
  });
});
