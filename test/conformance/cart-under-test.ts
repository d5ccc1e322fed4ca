import type { CartConnector, CartContext, CartPlugin, OrderPage, ShipmentToUpload, ShipmentUploadResult } from '../../main/engine/connectors/carts/cart-connector.js';
import { silentLogger } from '../../main/engine/platform/ports.js';
import type { CanonicalOrder } from '../../shared/domain.js';
import { DockhandError } from '../../shared/errors.js';
import type { ConformanceCaseId } from './conformance-cases.js';
import type { VirtualClock } from './virtual-clock.js';

/**
 * What a cart implements to run the conformance suite (cart-conformance.ts): its plugin, and a fresh
 * fake of the platform per case with hooks the cases drive. Hooks a platform cannot offer are left out,
 * and every case that needs them is declared in `notApplicable` with the reason (the suite checks both).
 *
 * The bottom of this file is the one thin layer between the suite and the cart interface
 * (main/engine/connectors/carts/cart-connector.ts): when that interface changes (sync positions per
 * stream, shipment outcomes), adapt `downloadRun`, `uploadShipments` and `ConformanceShipmentResult` here.
 */
export interface CartUnderTest<Settings = unknown, Credentials = unknown> {
  /** As the test titles name it ("Shopify", "Demo store"). */
  name: string;
  plugin: CartPlugin<Settings, Credentials>;
  /**
   * The cart talks to a server (its fake is a network server): then every remote case (rate limits, 5xx,
   * malformed payloads, refused credentials) must run, none may be declared not applicable.
   */
  remote: boolean;
  /** Cases that cannot apply to this cart, each with why, in words a reviewer can check. */
  notApplicable: Partial<Record<ConformanceCaseId, string>>;
  /** A fresh fake with no orders, on the shared clock. Closed by the suite after each case. */
  start(clock: VirtualClock): Promise<FakeCart<Settings, Credentials>>;
}

/** A fulfillment as the fake cart holds it, read back to check what the connector wrote. */
export interface FakeFulfillmentView {
  trackingNumbers: string[];
  lines: { cartLineId: string; quantity: number }[];
}

export interface FakeCart<Settings = unknown, Credentials = unknown> {
  /** Settings and credentials of a cart connection to this fake (as `carts.create` takes them). */
  settings: Settings;
  credentials: Credentials;
  /** A connector on this fake, as the engine would build one (ctx carries the shared clock). */
  connect(ctx: CartContext): CartConnector;
  /** SKUs the cart sells (at least two), for inventory cases. */
  knownSkus: string[];
  /** Adds `count` new orders, created now. */
  seedOrders(count: number): Promise<void> | void;
  close(): Promise<void>;

  // ---- optional hooks: a missing one makes every case that needs it not applicable ----------------

  /** Adds `count` orders created at `createdAt` (ISO), before or after the earliest order date. */
  seedOrdersCreatedAt?(count: number, createdAt: string): Promise<void> | void;
  /**
   * Adds `count` orders saved in one go, as a bulk action in the cart's admin does: the platform keeps
   * their times to the second, so more than a thousand can share one (the fake stamps them with the
   * shared clock, which does not move while they are seeded: a few milliseconds).
   */
  seedOrdersInOneGo?(count: number): Promise<void> | void;
  /** Changes an order as a person would in the cart's admin; returns its new updated-at (ISO). */
  changeOrder?(cartOrderId: string): Promise<string> | string;
  /** How many orders the connector gets per page: the suite seeds enough for three pages and more. */
  pageSize?: number;
  /** The next request(s) are answered with the platform's rate-limit answer, until the budget refills. */
  rateLimitNext?(): void;
  /** Rate-limit answers the fake has given so far (proof the case exercised one). */
  rateLimitAnswers?(): number;
  /** The next `count` requests are answered with a 5xx. */
  failNext?(count: number): void;
  /** The order list's first page, or a later one, comes back as a payload not in the documented shape. */
  malformPage?(which: 'first' | 'later'): void;
  /** Adds one order, created now, whose payload breaks the documented shape (an amount in words, say). */
  seedMalformedOrder?(): Promise<void> | void;
  /** Forgets every fault not served yet (the platform recovered). */
  healthy?(): void;
  /** Credentials of the right shape that this fake refuses. */
  wrongCredentials?(): Credentials;
  /** The fulfillments the cart holds for an order, as the connector wrote them. */
  fulfillments?(cartOrderId: string): FakeFulfillmentView[] | Promise<FakeFulfillmentView[]>;
  /** Every stock level written to the cart, in order. */
  inventoryWrites?(): { sku: string; quantity: number }[];
}

export type FakeCartHook = Exclude<keyof FakeCart, 'settings' | 'credentials' | 'connect' | 'knownSkus' | 'seedOrders' | 'close'>;

// ---- the thin layer over the cart interface ---------------------------------------------------------

export interface ConnectorProbe {
  ctx: CartContext;
  /** Throttle waits the connector reported through ctx.onThrottle. */
  throttled: { waitMs: number; reason: string }[];
}

export function connectorContext(clock: VirtualClock): ConnectorProbe {
  const throttled: { waitMs: number; reason: string }[] = [];
  const ctx: CartContext = {
    clock,
    log: silentLogger,
    signal: new AbortController().signal,
    onThrottle: (waitMs, reason) => throttled.push({ waitMs, reason }),
  };
  return { ctx, throttled };
}

/** One page as the suite reads it: its orders and the sync position saved with them. */
export interface DownloadedPage {
  orders: CanonicalOrder[];
  invalid: OrderPage['invalid'];
  position: string;
}

/** One download run through the connector, as the order download service runs it. */
export interface DownloadRun {
  pages: DownloadedPage[];
  orders: CanonicalOrder[];
  /** The sync position the run ends at (the last page's), or the one it started from. */
  position: string | null;
}

export async function downloadRun(
  connector: CartConnector,
  options: { position: string | null; earliestOrderDate: string; afterPage?: (page: DownloadedPage, index: number) => Promise<void> | void },
): Promise<DownloadRun> {
  const pages: DownloadedPage[] = [];
  for await (const page of connector.fetchOrders({ cursor: options.position, earliestOrderDate: options.earliestOrderDate })) {
    const read: DownloadedPage = { orders: page.orders, invalid: page.invalid, position: page.cursor };
    pages.push(read);
    await options.afterPage?.(read, pages.length - 1);
  }
  return { pages, orders: pages.flatMap((p) => p.orders), position: pages.at(-1)?.position ?? options.position };
}

/** What the cart said to one shipment, whichever upload method the connector offers. */
export type ConformanceShipmentResult =
  | { outcome: 'accepted'; remoteId: string; alreadyExisted: boolean }
  | { outcome: 'submitted'; remoteId: string }
  | { outcome: 'refused'; error: DockhandError };

/** The cart's answer in the suite's terms: a refusal always carries a DockhandError of kind data. */
function conformanceResult(result: ShipmentUploadResult): ConformanceShipmentResult {
  if (result.outcome === 'refused') return { outcome: 'refused', error: new DockhandError('data', result.reason) };
  return result;
}

/** Shipments through the batch upload when the connector has one (as the service prefers), else one by one. */
export async function uploadShipments(connector: CartConnector, shipments: ShipmentToUpload[]): Promise<ConformanceShipmentResult[]> {
  if (connector.uploadShipments) {
    const results = await connector.uploadShipments(shipments);
    return results.map((r) => ('ok' in r ? conformanceResult(r.ok) : { outcome: 'refused', error: r.error }));
  }
  if (!connector.uploadShipment) throw new Error('The connector uploads no shipments');
  const out: ConformanceShipmentResult[] = [];
  for (const s of shipments) {
    try {
      out.push(conformanceResult(await connector.uploadShipment(s)));
    } catch (err) {
      if (err instanceof DockhandError && err.kind === 'data') out.push({ outcome: 'refused', error: err });
      else throw err;
    }
  }
  return out;
}
