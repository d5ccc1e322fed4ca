import { describe, expect, it } from 'vitest';
import { mapMagentoOrder } from '../../../../../../main/engine/connectors/carts/magento/order-mapper.js';
import { FakeMagentoState, type OrderSeed } from '../../../../../fakes/magento/index.js';

/** Orders exactly as the fake store serves them (itself built to Magento's documented order JSON). */
function served(seed: OrderSeed, change?: (o: any) => void): any {
  const state = new FakeMagentoState(new Date('2026-11-20T10:32:00Z'));
  const order = state.addOrder(seed);
  const view = state.view(order) as any;
  change?.(view);
  return view;
}

function mapped(raw: unknown) {
  const result = mapMagentoOrder(raw);
  if (!result.ok) throw new Error(`expected an order, got: ${result.reason}`);
  return result.order;
}

describe('mapMagentoOrder', () => {
  it('maps ids, UTC times, money, the shipping assignment address and the ship method code', () => {
    const order = mapped(served({ lines: [{ sku: '24-MB01', qty: 2, price: 34 }], shippingAmount: 10, shippingMethod: 'tablerate_bestway' }));
    expect(order).toMatchObject({
      cartOrderId: '1',
      orderNumber: '000000001',
      orderDate: '2026-11-20T10:32:00.000Z',
      updatedAt: '2026-11-20T10:32:00.000Z',
      shipCode: 'tablerate_bestway',
      carrier: 'tablerate',
      currency: 'USD',
      subtotal: '68.00',
      shipping: '10.00',
      total: '78.00',
      discount: '0.00',
      tax: '0.00',
      cartState: { canceled: false, fulfillmentStatus: 'processing' },
    });
    expect(order.shipTo).toEqual({
      firstName: 'Veronica',
      lastName: 'Costello',
      address1: '6146 Honey Bluff Parkway',
      address2: 'Suite 2',
      city: 'Calder',
      state: 'MI',
      zip: '49628-7978',
      country: 'US',
      phone: '(555) 229-3326',
      email: 'roni_cost@example.com',
    });
    expect(order.lines).toEqual([
      { lineNo: 1, sku: '24-MB01', name: '24-MB01', quantity: 2, orderedQuantity: 2, price: '34.00', cartLineId: '1' },
    ]);
  });

  it('reads the ship-to from extension_attributes.shipping_assignments, not the billing address', () => {
    const order = mapped(
      served({}, (o) => {
        o.extension_attributes.shipping_assignments[0].shipping.address.city = 'Shipville';
        o.billing_address.city = 'Billtown';
      }),
    );
    expect(order.shipTo.city).toBe('Shipville');
    expect(order.billTo.city).toBe('Billtown');
  });

  it('folds a configurable parent and child into one line: child SKU and name, parent price and item id', () => {
    const raw = served({
      lines: [
        { sku: 'MH01-XS-Black', name: 'Chaz Kangeroo Hoodie-XS-Black', qty: 2, price: 52, configurable: { parentSku: 'MH01', parentName: 'Chaz Kangeroo Hoodie' } },
        { sku: '24-MB01', qty: 1, price: 34 },
      ],
    });
    const [parent] = raw.items;
    const order = mapped(raw);
    expect(order.lines).toEqual([
      { lineNo: 1, sku: 'MH01-XS-Black', name: 'Chaz Kangeroo Hoodie-XS-Black', quantity: 2, orderedQuantity: 2, price: '52.00', cartLineId: String(parent.item_id) },
      { lineNo: 2, sku: '24-MB01', name: '24-MB01', quantity: 1, orderedQuantity: 1, price: '34.00', cartLineId: '3' },
    ]);
  });

  it('takes the child SKU even when the parent item carries another one', () => {
    const raw = served({ lines: [{ sku: 'MH01-XS-Black', qty: 1, price: 52, configurable: { parentSku: 'MH01' } }] }, (o) => {
      o.items[0].sku = 'MH01';
    });
    expect(mapped(raw).lines[0].sku).toBe('MH01-XS-Black');
  });

  it('asks only for units neither shipped, refunded nor canceled, and drops a fully canceled line', () => {
    const order = mapped(
      served({
        lines: [
          { sku: 'A', qty: 5, price: 1, qtyShipped: 2, qtyCanceled: 1 },
          { sku: 'B', qty: 1, price: 1, qtyCanceled: 1 },
        ],
      }),
    );
    expect(order.lines).toEqual([{ lineNo: 1, sku: 'A', name: 'A', quantity: 2, orderedQuantity: 4, price: '1.00', cartLineId: '1' }]);
  });

  it('reads Magento numbers and numeric strings as money without float noise, discounts as positive amounts', () => {
    const order = mapped(
      served({}, (o) => {
        o.grand_total = 33.3333;
        o.subtotal = '19.9';
        o.discount_amount = -5;
      }),
    );
    expect(order).toMatchObject({ total: '33.3333', subtotal: '19.90', discount: '5.00' });
  });

  it('marks a canceled order as canceled', () => {
    expect(mapped(served({ state: 'canceled', status: 'canceled' })).cartState.canceled).toBe(true);
  });

  it('records an order without items as invalid with the reason, its id, number and updated_at', () => {
    const result = mapMagentoOrder(served({}, (o) => delete o.items));
    expect(result).toEqual({
      ok: false,
      reason: expect.stringMatching(/^items: /),
      cartOrderId: '1',
      orderNumber: '000000001',
      updatedAt: '2026-11-20T10:32:00.000Z',
    });
  });

  it('refuses a time with a zone or in another format rather than guessing it', () => {
    const result = mapMagentoOrder(served({}, (o) => (o.created_at = '2026-11-20T10:32:00+02:00')));
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('created_at is not a Magento time') });
  });

  it('refuses a fractional quantity, a child pointing at no item, and an item without a SKU', () => {
    expect(mapMagentoOrder(served({}, (o) => (o.items[0].qty_ordered = 1.5)))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('items[0].qty_ordered is not a whole number'),
    });
    const orphan = served({ lines: [{ sku: 'X', qty: 1, price: 1, configurable: { parentSku: 'P' } }] }, (o) => (o.items[1].parent_item_id = 999));
    expect(mapMagentoOrder(orphan)).toMatchObject({ ok: false, reason: expect.stringContaining('is not an item of the order') });
    expect(mapMagentoOrder(served({}, (o) => (o.items[0].sku = '')))).toMatchObject({ ok: false, reason: 'items[0].sku is missing' });
  });

  it('gives what it can identify of a reply that is not an order at all', () => {
    expect(mapMagentoOrder('nonsense')).toEqual({ ok: false, reason: expect.any(String) });
    expect(mapMagentoOrder({ entity_id: 7, updated_at: 'yesterday' })).toMatchObject({ ok: false, cartOrderId: '7' });
  });

  it('keeps a virtual item for reference with nothing to ship', () => {
    const order = mapped(served({ lines: [{ sku: 'GIFTCARD', qty: 1, price: 25 }] }, (o) => (o.items[0].product_type = 'virtual')));
    expect(order.lines[0]).toMatchObject({ sku: 'GIFTCARD', quantity: 0, orderedQuantity: 1 });
  });

  it('makes the lines of a bundle its children, each shipped by its own item id', () => {
    const raw = served({ lines: [{ sku: 'KIT', qty: 1, price: 0 }, { sku: 'PART-1', qty: 1, price: 10 }, { sku: 'PART-2', qty: 2, price: 5 }] }, (o) => {
      o.items[0].product_type = 'bundle';
      o.items[1].parent_item_id = o.items[0].item_id;
      o.items[2].parent_item_id = o.items[0].item_id;
    });
    expect(mapped(raw).lines.map((l) => [l.sku, l.cartLineId, l.quantity])).toEqual([
      ['PART-1', '2', 1],
      ['PART-2', '3', 2],
    ]);
  });
});
