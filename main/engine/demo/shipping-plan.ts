import type { ShipMethod } from '../../../shared/domain.js';
import { DEMO_PRODUCTS } from '../connectors/carts/demo/demo-catalog.js';
import { seededRandom } from '../../../shared/seeded-random.js';
import type { PickedOrder } from './order-file-reader.js';
import { demoTrackingNumber } from './tracking-number.js';
import type { ShippedRow } from './warehouse-files.js';

/**
 * The demo warehouse ships every order whole, one parcel each: one confirmation row per SKU, all with
 * the order's tracking number. Carrier and service come from the file, else from the WMS ship method.
 */
export function shipOrders(orders: PickedOrder[], methods: readonly ShipMethod[], shipDate: string): ShippedRow[] {
  return orders.flatMap((order) => {
    const method = methods.find((m) => m.code === order.shipCode);
    const carrier = order.carrier || method?.carrier || 'UPS';
    const described = method?.description ?? '';
    // "UPS Ground" -> "Ground"; a method without a description keeps its code as the service.
    const service = described.toUpperCase().startsWith(`${carrier.toUpperCase()} `) ? described.slice(carrier.length + 1) : described || order.shipCode;
    const trackingNumber = demoTrackingNumber(carrier, order.orderNumber);
    const perSku = new Map<string, number>();
    for (const line of order.lines) perSku.set(line.sku, (perSku.get(line.sku) ?? 0) + line.quantity);
    return [...perSku].map(([sku, quantity]) => ({ orderNumber: order.orderNumber, sku, quantity, carrier, service, trackingNumber, shipDate }));
  });
}

/**
 * Stock on hand per demo SKU for one hour of demo time: plausible shelf quantities (a few dozen to a
 * couple of hundred, one SKU now and then sold out) that drift from hour to hour.
 */
export function demoStockLevels(hourIndex: number): { sku: string; quantity: number; location: string }[] {
  return DEMO_PRODUCTS.map((p, i) => {
    const rnd = seededRandom(hourIndex * 101 + i + 1);
    const soldOut = rnd() < 0.05;
    return { sku: p.sku, quantity: soldOut ? 0 : 12 + Math.floor(rnd() * 190), location: `A-${String(i + 1).padStart(2, '0')}-1` };
  });
}
