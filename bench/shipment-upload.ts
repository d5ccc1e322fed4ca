import { performance } from 'node:perf_hooks';
import type { CartConnector, CartContext, ShipmentToUpload } from '../main/engine/connectors/carts/cart-connector.js';
import type { TokenBucketSettings } from '../main/engine/connectors/carts/kit/token-bucket.js';
import { silentLogger, systemClock } from '../main/engine/platform/ports.js';
import { budgetShare, type BudgetShare } from './budget-share.js';
import { round } from './measure.js';
import type { Check } from './platform-row-alone.js';
import type { RequestLog } from './request-log.js';

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

/** What a row's shipment upload cost at its fake. */
export interface MeasuredUpload {
  /** Requests the fake received for the upload. */
  requests: number;
  /** 429s it answered to them. */
  rateLimited: number;
  /** The share of `bucket` the upload's requests used (none without one); unchecked: four workers make it rough. */
  share?: BudgetShare;
  /** The figures every row's upload opens with: `<prefix>: shipments`, `upload s`, `upload shipments/s`. */
  figures: Record<string, number>;
}

/**
 * Uploads `shipments` through a connector of this process (`connect` builds it with the context given,
 * which counts its limiter's waits), checking the cart accepted every one, and measures the upload at
 * the fake through `log`. `what` names the upload in the check's message ("eBay shipment upload").
 */
export async function measureUpload(
  options: { prefix: string; what: string; log: RequestLog; bucket?: TokenBucketSettings; connect: (ctx: CartContext) => CartConnector; shipments: ShipmentToUpload[] },
  check: Check,
): Promise<MeasuredUpload> {
  const { prefix, what, log, bucket, shipments } = options;
  let waitedMs = 0;
  const onThrottle = (ms: number) => void (waitedMs += ms);
  const connector = options.connect({ clock: systemClock, log: silentLogger, signal: new AbortController().signal, onThrottle });
  const before = log.count();
  const limitedBefore = log.rateLimited();
  const { accepted, sec } = await uploadBenchShipments(connector, shipments);
  // Four workers wait at once: their waits overlap, so the binding share is the waits over four spans.
  const share = bucket && budgetShare(bucket, log.times(before), waitedMs / WORKERS);
  check(accepted === shipments.length, `${what}: ${accepted} of ${shipments.length} accepted`);
  console.error(`${prefix} shipments: ${accepted} in ${round(sec, 1)} s`);
  return {
    requests: log.count() - before,
    rateLimited: log.rateLimited() - limitedBefore,
    share,
    figures: {
      [`${prefix}: shipments`]: shipments.length,
      [`${prefix}: upload s`]: round(sec, 1),
      [`${prefix}: upload shipments/s`]: round(shipments.length / sec, 2),
    },
  };
}
