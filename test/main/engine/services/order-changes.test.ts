import { describe, expect, it } from 'vitest';
import { changesThatMatter, keepDeliveredQuantities } from '../../../../main/engine/services/order-changes.js';
import { sampleLine, sampleOrder } from '../csv/sample-orders.js';

const held = () => sampleOrder({}, 2);
const ignoringProgress = { countCartFulfilments: false };

describe('the changes to a delivered order that the warehouse must hear of', () => {
  it('are none when only what the warehouse does not act on moved: times, statuses, money, names', () => {
    const fresh = {
      ...held(),
      updatedAt: '2026-11-28T00:00:00.000Z',
      cartState: { canceled: false, financialStatus: 'PARTIALLY_REFUNDED', fulfillmentStatus: 'PARTIALLY_FULFILLED' },
      total: '10.00',
      lines: held().lines.map((l) => ({ ...l, name: `${l.name} (new title)`, price: '1.00' })),
    };
    expect(changesThatMatter(held(), fresh, ignoringProgress)).toEqual([]);
  });

  it('name the ship-to fields that changed, with their old and new values', () => {
    const fresh = held();
    fresh.shipTo = { ...fresh.shipTo, address1: '9 Elm St', city: 'Chicago', address2: 'Apt 4' };
    expect(changesThatMatter(held(), fresh, ignoringProgress)).toEqual([
      'ship-to address: address 1 "12 Main St" → "9 Elm St", address 2 (none) → "Apt 4", city "Springfield" → "Chicago"',
    ]);
  });

  it('name lines added, removed and ordered in another quantity, and the ship code, notes and gift message', () => {
    const before = held();
    const fresh = held();
    fresh.lines = [
      { ...before.lines[0], quantity: 4, orderedQuantity: 4 },
      sampleLine(3, { sku: 'SKU-NEW', quantity: 2 }),
    ];
    fresh.shipCode = 'Express';
    fresh.shippingInstructions = 'Ring twice';
    fresh.giftMessage = 'Happy birthday';
    expect(changesThatMatter(before, fresh, ignoringProgress)).toEqual([
      'ship code "Standard Shipping" → "Express"',
      'shipping instructions (none) → "Ring twice"',
      'gift message (none) → "Happy birthday"',
      'lines: SKU-1 quantity 1 → 4; SKU-2 removed; SKU-NEW added (2)',
    ]);
  });

  it('ignore what the cart fulfilled since, once shipments of ours may be what it shows', () => {
    const fresh = held();
    fresh.lines = fresh.lines.map((l) => ({ ...l, orderedQuantity: l.quantity, quantity: 0 }));
    expect(changesThatMatter(held(), fresh, ignoringProgress)).toEqual([]);
  });

  it('count units fulfilled in the cart while the warehouse still has the whole order', () => {
    const fresh = held();
    fresh.lines = [fresh.lines[0], { ...fresh.lines[1], orderedQuantity: 2, quantity: 1 }];
    expect(changesThatMatter(held(), fresh, { countCartFulfilments: true })).toEqual([
      'lines: SKU-2 1 of 2 fulfilled in the cart, 1 left to ship',
    ]);
  });
});

describe('keeping the delivered quantities to ship', () => {
  it('keeps what the warehouse was asked for on known lines (capped by what is ordered now) and takes new lines as the cart says', () => {
    const before = held(); // SKU-1 x1, SKU-2 x2 delivered
    const fresh = held();
    fresh.lines = [
      { ...before.lines[0], quantity: 0, orderedQuantity: 1 }, // our uploaded shipment fulfilled it
      { ...before.lines[1], quantity: 0, orderedQuantity: 1 }, // one unit removed, one fulfilled
      sampleLine(3, { quantity: 3, orderedQuantity: 3 }),
    ];
    expect(keepDeliveredQuantities(before, fresh).lines.map((l) => [l.sku, l.quantity, l.orderedQuantity])).toEqual([
      ['SKU-1', 1, 1],
      ['SKU-2', 1, 1],
      ['SKU-3', 3, 3],
    ]);
  });
});
