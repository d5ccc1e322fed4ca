import { performance } from 'node:perf_hooks';
import type { CartConnector, ShipmentToUpload } from '../main/engine/connectors/carts/cart-connector.js';

/** Workers sending at once, as the shipment upload service does. */
const WORKERS = 4;

/** A bench shipment of a whole order: every line, by UPS, shipped today. */
export function benchShipment(cartOrderId: string, orderNumber: string, items: ShipmentToUpload['items']): ShipmentToUpload {
  return { cartOrderId, orderNumber, carrier: 'ups', trackingNumber: `1ZBENCH${cartOrderId}`, shipDate: new Date().toISOString().slice(0, 10), items };
}

/**
 * Sends the shipments through the connector's per-shipment call, four in flight as the upload service
 * sends them: how many the cart accepted, and how long it took.
 */
export async function uploadBenchShipments(connector: CartConnector, shipments: ShipmentToUpload[]): Promise<{ accepted: number; sec: number }> {
  const t0 = performance.now();
  let accepted = 0;
  let next = 0;
  const worker = async () => {
    while (next < shipments.length) {
      const result = await connector.uploadShipment!(shipments[next++]);
      if (result.outcome === 'accepted') accepted += 1;
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, worker));
  return { accepted, sec: (performance.now() - t0) / 1000 };
}
