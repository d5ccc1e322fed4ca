import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestEngine, type TestEngine } from '../../../support/engine-harness.js';

describe('ship method mapping with "reject unmapped shipping codes" on', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await startTestEngine();
  });
  afterEach(() => t.close());

  it('holds orders with an unmapped code with that reason, and delivers them once mapped and released', async () => {
    const { merchantId, cartId } = await t.call('demo.setup', {});
    // The demo maps its three codes; unmap one to see the hold.
    await t.call('shipMethods.map', { cartId, cartCode: 'Standard Shipping', wmsCode: null });
    await t.call('carts.update', {
      id: cartId,
      cart: { merchantId, platform: 'demo', name: 'Demo store', earliestOrderDate: '2026-11-01', rejectUnmappedShipCodes: true, settings: { ordersPerRun: 30, seed: 7 } },
    });
    const download = await t.call('services.runNow', { service: 'order_download', targetId: cartId });
    expect(download.counts.held).toBeGreaterThan(0);

    const held = await t.call('orders.list', { merchantId, status: 'error', limit: 100, offset: 0 });
    expect(held.total).toBe(download.counts.held);
    for (const o of held.items) {
      expect(o.shipCode).toBe('Standard Shipping');
      expect(o.statusReason).toBe('Ship code not mapped: Standard Shipping');
    }
    const mappings = await t.call('shipMethods.mappings', { cartId });
    expect(mappings.find((m) => m.cartCode === 'Standard Shipping')).toMatchObject({ wmsCode: null, heldOrders: held.total });
    expect((await t.call('alerts.list', {})).some((a) => a.message.includes('"Standard Shipping" is not mapped'))).toBe(true);

    // The others flow while these wait.
    const first = await t.call('services.runNow', { service: 'order_delivery', targetId: merchantId });
    expect(first.counts.delivered).toBe(30 - held.total);

    // Releasing before mapping is refused with the reason.
    await expect(t.call('orders.release', { id: held.items[0].id })).rejects.toThrow(/map it on the Ship methods screen/);
    // Mapping to a code the WMS does not have is refused on the field.
    await expect(t.call('shipMethods.map', { cartId, cartCode: 'Standard Shipping', wmsCode: 'NOPE' })).rejects.toThrow(/not in the WMS ship method list/);

    await t.call('shipMethods.map', { cartId, cartCode: 'Standard Shipping', wmsCode: 'UPS-GND' });
    for (const o of held.items) {
      const released = await t.call('orders.release', { id: o.id });
      expect(released.status).toBe('new');
      expect(released.mappedShipCode).toBe('UPS-GND');
    }
    const second = await t.call('services.runNow', { service: 'order_delivery', targetId: merchantId });
    expect(second.counts.delivered).toBe(held.total);
    const detail = await t.call('orders.get', { id: held.items[0].id });
    expect(detail.history.map((h) => h.toStatus)).toEqual(['error', 'new', 'at_wms']);
    const dash = await t.call('dashboard.summary', {});
    expect(dash.totals.at_warehouse).toBe(30);
    expect(dash.totals.total).toBe(30);
  });
});
