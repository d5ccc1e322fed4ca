import { expect } from 'vitest';
import type { ShipmentToUpload } from '../../main/engine/connectors/carts/cart-connector.js';
import type { CanonicalOrder } from '../../shared/domain.js';
import { connectorContext, uploadShipments, type FakeFulfillmentView } from './cart-under-test.js';
import { downloadOnce, type CaseEnv } from './case-env.js';
import { hook } from './hooks.js';

/** Shipment upload through the connector, checked in what the fake cart holds afterwards. */

/** Downloaded orders to ship; the first with at least two units to ship, for partial shipments. */
async function ordersToShip(env: CaseEnv): Promise<{ any: CanonicalOrder; splittable: CanonicalOrder }> {
  await env.fake.seedOrders(6);
  const { orders } = await downloadOnce(env, null);
  const units = (o: CanonicalOrder) => o.lines.reduce((sum, l) => sum + l.quantity, 0);
  const splittable = orders.find((o) => units(o) >= 2);
  if (!splittable) throw new Error('None of the seeded orders has two units to ship: seed bigger orders');
  return { any: orders[0], splittable };
}

function shipment(order: CanonicalOrder, trackingNumber: string, items: ShipmentToUpload['items']): ShipmentToUpload {
  return {
    cartOrderId: order.cartOrderId,
    orderNumber: order.orderNumber,
    carrier: 'UPS',
    service: 'Ground',
    trackingNumber,
    shipDate: '2026-11-26',
    items,
  };
}

const wholeOrder = (order: CanonicalOrder) => order.lines.map((l) => ({ cartLineId: l.cartLineId ?? '', sku: l.sku, quantity: l.quantity }));

/** Units per line over the cart's fulfillments of an order. */
function unitsPerLine(fulfillments: FakeFulfillmentView[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of fulfillments) for (const l of f.lines) out[l.cartLineId] = (out[l.cartLineId] ?? 0) + l.quantity;
  return out;
}

const orderedPerLine = (order: CanonicalOrder) => Object.fromEntries(order.lines.map((l) => [l.cartLineId ?? '', l.quantity]));

async function upload(env: CaseEnv, shipments: ShipmentToUpload[]) {
  return uploadShipments(env.fake.connect(connectorContext(env.clock).ctx), shipments);
}

export async function fullShipmentUploaded(env: CaseEnv): Promise<void> {
  const fulfillments = hook(env.fake, 'fulfillments');
  const { any: order } = await ordersToShip(env);
  const [result] = await upload(env, [shipment(order, 'CONF-FULL-1', wholeOrder(order))]);
  expect(result).toMatchObject({ outcome: 'accepted', alreadyExisted: false });

  const held = await fulfillments(order.cartOrderId);
  expect(held).toHaveLength(1);
  expect(held[0].trackingNumbers).toEqual(['CONF-FULL-1']);
  expect(unitsPerLine(held)).toEqual(orderedPerLine(order));
}

export async function partialShipmentsUploaded(env: CaseEnv): Promise<void> {
  const fulfillments = hook(env.fake, 'fulfillments');
  const { splittable: order } = await ordersToShip(env);
  // One unit of the first line first; everything else in a second package.
  const [first, ...rest] = order.lines;
  const firstItems = [{ cartLineId: first.cartLineId ?? '', sku: first.sku, quantity: 1 }];
  const restItems = [
    ...(first.quantity > 1 ? [{ cartLineId: first.cartLineId ?? '', sku: first.sku, quantity: first.quantity - 1 }] : []),
    ...rest.map((l) => ({ cartLineId: l.cartLineId ?? '', sku: l.sku, quantity: l.quantity })),
  ];

  const [one] = await upload(env, [shipment(order, 'CONF-PART-1', firstItems)]);
  expect(one).toMatchObject({ outcome: 'accepted' });
  const afterOne = await fulfillments(order.cartOrderId);
  expect(afterOne).toHaveLength(1);
  expect(unitsPerLine(afterOne)).toEqual({ [first.cartLineId ?? '']: 1 });

  const [two] = await upload(env, [shipment(order, 'CONF-PART-2', restItems)]);
  expect(two).toMatchObject({ outcome: 'accepted' });
  const afterTwo = await fulfillments(order.cartOrderId);
  expect(afterTwo.map((f) => f.trackingNumbers).sort()).toEqual([['CONF-PART-1'], ['CONF-PART-2']]);
  expect(unitsPerLine(afterTwo)).toEqual(orderedPerLine(order));
}

export async function resentShipmentNotDuplicated(env: CaseEnv): Promise<void> {
  const fulfillments = hook(env.fake, 'fulfillments');
  const { any: order } = await ordersToShip(env);
  const sent = shipment(order, 'CONF-AGAIN-1', wholeOrder(order));
  const [first] = await upload(env, [sent]);
  expect(first.outcome).toBe('accepted');

  // Sent again by a new connector (as after a crash before the result was saved): found, not created.
  const [again] = await upload(env, [sent]);
  expect(again).toMatchObject({ outcome: 'accepted', alreadyExisted: true });
  if (first.outcome === 'accepted' && again.outcome === 'accepted') expect(again.remoteId).toBe(first.remoteId);
  expect(await fulfillments(order.cartOrderId)).toHaveLength(1);
}

export async function shipmentOfUnknownLinesRefused(env: CaseEnv): Promise<void> {
  const { any: order, splittable: other } = await ordersToShip(env);
  const stranger = shipment(order, 'CONF-BAD-1', [{ cartLineId: 'no-such-line-42', sku: 'NOT-SOLD-HERE-42', quantity: 1 }]);
  const fine = shipment(other, 'CONF-GOOD-1', wholeOrder(other));
  const [refused, accepted] = await upload(env, [stranger, fine]);
  expect(refused.outcome).toBe('refused');
  if (refused.outcome === 'refused') expect(refused.error.kind, refused.error.message).toBe('data');
  expect(accepted, 'the refusal of one shipment does not stop the others').toMatchObject({ outcome: 'accepted' });
}
