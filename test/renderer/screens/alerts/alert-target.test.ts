import { describe, expect, it } from 'vitest';
import { alertRuns, alertTarget } from '../../../../renderer/src/screens/alerts/alert-target.js';
import { alertView, cartView, merchantView } from '../../../support/api-views.js';

const names = {
  carts: [cartView({ id: 7, name: 'Acme web shop' })],
  merchants: [merchantView({ id: 2, name: 'Acme Outdoor' })],
};

describe('where an alert points', () => {
  it('a store connection alert opens that connection, by its name', () => {
    expect(alertTarget(alertView({ targetType: 'cart', targetId: 7 }), names)).toEqual({ to: '/carts/7', label: 'Acme web shop' });
  });

  it('a merchant alert opens that merchant, by its name', () => {
    expect(alertTarget(alertView({ targetType: 'merchant', targetId: 2 }), names)).toEqual({ to: '/merchants/2', label: 'Acme Outdoor' });
  });

  it("a failed cart service's alert opens its store connection", () => {
    expect(alertTarget(alertView({ targetType: 'order_download', targetId: 7 }), names)).toEqual({ to: '/carts/7', label: 'Acme web shop' });
    expect(alertTarget(alertView({ targetType: 'inventory_upload', targetId: 7 }), names)?.to).toBe('/carts/7');
  });

  it("a failed WMS-side service's alert opens the WMS setup, where its transport and login are fixed", () => {
    expect(alertTarget(alertView({ targetType: 'shipment_pickup', targetId: 2 }), names)).toEqual({ to: '/wms', label: 'Warehouse (WMS) setup' });
    expect(alertTarget(alertView({ targetType: 'order_delivery', targetId: 2 }), names)?.to).toBe('/wms');
  });

  it("a failed service's alert also links to that job's runs on Activity, where the failure is shown", () => {
    expect(alertRuns(alertView({ targetType: 'order_delivery', targetId: 2 }))).toEqual({ to: '/activity?service=order_delivery&kind=merchant&target=2', label: 'the failed run' });
    expect(alertRuns(alertView({ targetType: 'order_download', targetId: 7 }))?.to).toBe('/activity?service=order_download&kind=cart&target=7');
    expect(alertRuns(alertView({ targetType: 'cart', targetId: 7 }))).toBeNull();
  });

  it('an unmapped ship code alert opens the ship-method mapping of its cart', () => {
    expect(alertTarget(alertView({ key: 'unmapped:7:EXPRESS', targetType: 'cart', targetId: 7 }), names)).toEqual({
      to: '/ship-methods?cart=7',
      label: 'Ship-method mapping of Acme web shop',
    });
  });

  it('a WMS alert opens the WMS setup, whatever its target id', () => {
    const wms = { to: '/wms', label: 'Warehouse (WMS) setup' };
    expect(alertTarget(alertView({ targetType: 'wms', targetId: 2 }), names)).toEqual(wms);
    expect(alertTarget(alertView({ targetType: 'wms', targetId: null }), names)).toEqual(wms);
  });

  it('an order alert opens the order', () => {
    expect(alertTarget(alertView({ targetType: 'order', targetId: 1234 }), names)).toEqual({ to: '/orders/1234', label: 'Order #1234' });
  });

  it('a connection or merchant that is gone is still named by its number', () => {
    expect(alertTarget(alertView({ targetType: 'cart', targetId: 99 }), names)).toEqual({ to: '/carts/99', label: 'Store connection #99' });
    expect(alertTarget(alertView({ targetType: 'merchant', targetId: 98 }), names)).toEqual({ to: '/merchants/98', label: 'Merchant #98' });
  });

  it('nowhere when the alert has no target, no id, or a kind the screens do not know', () => {
    expect(alertTarget(alertView({ targetType: null, targetId: 7 }), names)).toBeNull();
    expect(alertTarget(alertView({ targetType: 'cart', targetId: null }), names)).toBeNull();
    expect(alertTarget(alertView({ targetType: 'printer', targetId: 7 }), names)).toBeNull();
  });
});
