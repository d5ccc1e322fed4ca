import type { FakeFulfillment, FakeLineItem, FakeLocation, FakeOrder, FakeVariant } from './fake-model.js';
import {
  FULFILLMENT_BASE,
  gid,
  gidNumber,
  lineItemGid,
  LOCATION_BASE,
  MAX_LINES,
  ORDER_BASE,
  locationGid,
} from './ids.js';
import { FAKE_OLDEST_SERVED_VERSION, type FakeApiVersion } from './api-versions.js';
import { LeakyBucket } from './leaky-bucket.js';
import { decimal, defaultFulfillmentOrder, generateCatalog, generateOrder, rng, SHIPPING_LINES } from './order-generator.js';

export interface FakeShopifyOptions {
  /** Orders generated up front (lazily materialised). Default 25. */
  orders?: number;
  seed?: number;
  /** Variants in the catalog (SKUs DH-1000, DH-1001, ...). Default 60. */
  products?: number;
  /** Points per second. Standard plan 100; the benchmark sets it very high to "not throttle". */
  restoreRate?: number;
  /** Bucket size. Default 2000 (Standard plan: 100/s restore, 2000 bucket). */
  maximumAvailable?: number;
  token?: string;
  clientId?: string;
  clientSecret?: string;
  /** Lifetime of client-credentials tokens. Default 86399 s. */
  tokenTtlSeconds?: number;
  scopes?: string[];
  shopName?: string;
  planName?: string;
  shopDomain?: string;
  /** The shop's time zone; timestamps are written with this offset. Default -300 (UTC-05:00). */
  timezoneOffsetMinutes?: number;
  /** Generated orders spread over this many days before now. Default 30. */
  spanDays?: number;
  now?: () => number;
  /**
   * The oldest Admin API version the shop serves; a request for an older one is answered by this one, as
   * Shopify does. Default 2026-01 (December 2026).
   */
  oldestServedApiVersion?: FakeApiVersion;
}

export interface OrderSeed {
  lines?: { sku: string | null; quantity: number; price?: string; name?: string }[];
  financialStatus?: string | null;
  fulfillmentStatus?: string;
  shippingCode?: string | null;
  /** ISO time (any offset); defaults to now. */
  createdAt?: string;
  /** ISO time; defaults to now. An earlier time simulates an order committed late (behind the cursor). */
  updatedAt?: string;
  cancelled?: boolean;
  closed?: boolean;
  /** Order.test: placed through a test payment gateway. */
  test?: boolean;
  email?: string;
  raw?: Record<string, unknown>;
}

export type OrderRef = string | number;

type Fault = (
  | { kind: 'status'; status: number; body: string }
  | { kind: 'malformed'; body: string }
  | { kind: 'delay'; ms: number; after: boolean }
  | { kind: 'drop' }
) & { when?: string };

/** Limits a fault to requests whose body contains this text (e.g. "fulfillmentCreate"). */
export interface FaultTarget {
  when?: string;
}

export const ALL_SCOPES = [
  'read_orders',
  'read_merchant_managed_fulfillment_orders',
  'write_merchant_managed_fulfillment_orders',
  'read_inventory',
  'write_inventory',
  'read_products',
  'read_locations',
];

export class FakeShopState {
  readonly seed: number;
  readonly offsetMinutes: number;
  readonly shopName: string;
  readonly planName: string;
  readonly shopDomain: string;
  readonly token: string;
  readonly clientId: string;
  readonly clientSecret: string;
  tokenTtlSeconds: number;
  scopes: string[];
  readonly catalog: FakeVariant[];
  readonly locations: FakeLocation[];
  bucket: LeakyBucket;
  readonly now: () => number;
  /** SKUs whose inventory updates are refused with a userError. */
  readonly rejectInventoryFor = new Set<string>();
  readonly oldestServedApiVersion: FakeApiVersion;
  /** inventorySetQuantities results by @idempotent key, answered again for a repeated key. */
  readonly idempotentResults = new Map<string, { fingerprint: string; result: unknown }>();
  /** Admin API versions requests were answered for, as the URL named them (before falling forward). */
  readonly apiVersionsRequested = new Map<string, number>();
  /** Every quantity inventorySetQuantities applied, in order. */
  readonly inventoryUpdates: { sku: string | null; locationIndex: number; quantity: number }[] = [];

  readonly stats = {
    requests: 0,
    graphqlRequests: 0,
    tokenRequests: 0,
    throttled: 0,
    pointsSpent: 0,
    /** [time ms, actual points] per executed query, for budget windows. */
    spendLog: [] as [number, number][],
  };

  private count = 0;
  private readonly createdMs: number[] = [];
  private readonly updatedMs: number[] = [];
  /** Order indexes sorted by (updatedMs, index), except those in `moved`. */
  private byUpdated: number[] = [];
  /**
   * Orders added or touched since byUpdated was last sorted: merged in on the next read. Touching an order
   * in place cost a splice of the whole index each, which at 100k orders was the fake's largest cost while
   * the benchmark uploaded shipments (every fulfillmentCreate touches its order).
   */
  private readonly moved = new Set<number>();
  private readonly materialized = new Map<number, FakeOrder>();
  private readonly levels = new Map<string, number>();
  private readonly issuedTokens = new Map<string, number>();
  private readonly faults: Fault[] = [];
  private fulfillmentCounter = 0;

  constructor(options: FakeShopifyOptions = {}) {
    this.now = options.now ?? Date.now;
    this.seed = options.seed ?? 1;
    this.offsetMinutes = options.timezoneOffsetMinutes ?? -300;
    this.shopName = options.shopName ?? 'Acme Outfitters';
    this.planName = options.planName ?? 'Basic';
    this.shopDomain = options.shopDomain ?? 'acme-outfitters.myshopify.com';
    this.token = options.token ?? 'shpat_fake_0123456789abcdef';
    this.clientId = options.clientId ?? 'fake-client-id';
    this.clientSecret = options.clientSecret ?? 'fake-client-secret';
    this.tokenTtlSeconds = options.tokenTtlSeconds ?? 86_399;
    this.oldestServedApiVersion = options.oldestServedApiVersion ?? FAKE_OLDEST_SERVED_VERSION;
    this.scopes = [...(options.scopes ?? ALL_SCOPES)];
    this.bucket = new LeakyBucket(options.maximumAvailable ?? 2000, options.restoreRate ?? 100, this.now());
    this.catalog = generateCatalog(options.products ?? 60, this.seed);
    this.locations = [
      { index: 0, id: locationGid(0), name: 'Main Warehouse', isActive: true },
      { index: 1, id: locationGid(1), name: 'Pop-up Store (closed)', isActive: false },
    ];
    const r = rng(this.seed * 31 + 5);
    for (const v of this.catalog) this.levels.set(`${v.index}:0`, Math.floor(r() * 150));

    const n = options.orders ?? 25;
    const end = Math.floor((this.now() - 10 * 60_000) / 1000) * 1000;
    const span = (options.spanDays ?? 30) * 86_400_000;
    const step = Math.max(2000, Math.floor(span / Math.max(1, n)));
    const start = end - step * n;
    for (let i = 0; i < n; i++) {
      // created and updated stay inside their own slot, so index order is updatedAt order.
      const created = start + i * step + Math.floor(r() * step * 0.4);
      const updated = created + Math.floor(r() * step * 0.5);
      this.createdMs.push(sec(created));
      this.updatedMs.push(sec(updated));
      this.byUpdated.push(i);
    }
    this.count = n;
  }

  // ---- orders ------------------------------------------------------------------------------------

  get orderCount(): number {
    return this.count;
  }

  orderAt(index: number): FakeOrder {
    const found = this.materialized.get(index);
    if (found) return found;
    return generateOrder(index, this.seed, { createdMs: this.createdMs[index], updatedMs: this.updatedMs[index] }, this.catalog);
  }

  indexOf(ref: OrderRef): number | undefined {
    let index: number | undefined;
    if (typeof ref === 'number') index = ref;
    else if (ref.startsWith('#')) index = Number(ref.slice(1)) - 1001;
    else {
      const n = gidNumber(ref, 'Order');
      index = n === undefined ? undefined : n - ORDER_BASE;
    }
    return index !== undefined && Number.isInteger(index) && index >= 0 && index < this.count ? index : undefined;
  }

  order(ref: OrderRef): FakeOrder | undefined {
    const index = this.indexOf(ref);
    return index === undefined ? undefined : this.orderAt(index);
  }

  /** The order as a stored record that changes stick to. */
  mutable(ref: OrderRef): FakeOrder {
    const index = this.indexOf(ref);
    if (index === undefined) throw new Error(`fake shopify: no order ${String(ref)}`);
    let order = this.materialized.get(index);
    if (!order) {
      order = this.orderAt(index);
      this.materialized.set(index, order);
    }
    return order;
  }

  createdMsOf(index: number): number {
    return this.createdMs[index];
  }

  updatedMsOf(index: number): number {
    return this.updatedMs[index];
  }

  /** Indexes in (updatedAt, id) order. */
  get updatedOrder(): readonly number[] {
    return this.sortedByUpdated();
  }

  private sortedByUpdated(): number[] {
    if (this.moved.size === 0) return this.byUpdated;
    const before = (a: number, b: number) => this.updatedMs[a] - this.updatedMs[b] || a - b;
    const moved = [...this.moved].sort(before);
    const merged: number[] = [];
    let m = 0;
    for (const i of this.byUpdated) {
      if (this.moved.has(i)) continue;
      while (m < moved.length && before(moved[m], i) < 0) merged.push(moved[m++]);
      merged.push(i);
    }
    while (m < moved.length) merged.push(moved[m++]);
    this.byUpdated = merged;
    this.moved.clear();
    return merged;
  }

  /** First position in updatedOrder whose key is >= (ms, index). */
  lowerBound(ms: number, index = -1): number {
    const sorted = this.sortedByUpdated();
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const i = sorted[mid];
      const u = this.updatedMs[i];
      if (u < ms || (u === ms && i < index)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  addOrder(seed: OrderSeed = {}): FakeOrder {
    const index = this.count;
    const nowMs = sec(this.now());
    const createdMs = seed.createdAt ? sec(Date.parse(seed.createdAt)) : nowMs;
    const updatedMs = seed.updatedAt ? sec(Date.parse(seed.updatedAt)) : Math.max(createdMs, nowMs);
    const base = generateOrder(index, this.seed, { createdMs, updatedMs }, this.catalog);
    if (seed.lines) {
      if (seed.lines.length > MAX_LINES) throw new Error(`fake shopify: at most ${MAX_LINES} lines`);
      base.lineItems = seed.lines.map((l, k): FakeLineItem => {
        const variant = this.catalog.find((v) => v.sku === l.sku);
        const priceCents = l.price ? Math.round(Number(l.price) * 100) : (variant?.priceCents ?? 1000);
        return {
          id: lineItemGid(index, k),
          sku: l.sku,
          name: l.name ?? variant?.title ?? `Custom item ${k + 1}`,
          quantity: l.quantity,
          currentQuantity: l.quantity,
          unitPriceCents: priceCents,
          discountCents: 0,
          variantIndex: variant?.index ?? null,
        };
      });
      const subtotal = base.lineItems.reduce((s, l) => s + l.unitPriceCents * l.quantity, 0);
      base.taxCents = Math.round(subtotal * 0.0825);
    }
    if (seed.financialStatus !== undefined) base.financialStatus = seed.financialStatus;
    base.fulfillmentStatus = seed.fulfillmentStatus ?? 'UNFULFILLED';
    if (seed.shippingCode !== undefined) {
      const known = SHIPPING_LINES.find((s) => s.code === seed.shippingCode);
      base.shippingLine =
        seed.shippingCode === null
          ? null
          : known
            ? { ...known }
            : { code: seed.shippingCode, title: seed.shippingCode, source: 'shopify', carrierIdentifier: null, priceCents: 700 };
    }
    base.cancelledMs = seed.cancelled ? base.updatedMs : null;
    base.closedMs = seed.cancelled || seed.closed ? base.updatedMs : null;
    if (seed.email !== undefined) base.email = seed.email;
    if (seed.test !== undefined) base.test = seed.test;
    if (seed.raw) base.raw = seed.raw;
    base.fulfillmentOrders = [defaultFulfillmentOrder(base)];

    this.count += 1;
    this.createdMs.push(base.createdMs);
    this.updatedMs.push(base.updatedMs);
    this.moved.add(index);
    this.materialized.set(index, base);
    return base;
  }

  /** Applies a change and moves updatedAt forward, as Shopify does on every edit. */
  updateOrder(ref: OrderRef, change: (order: FakeOrder) => void = () => {}): FakeOrder {
    const order = this.mutable(ref);
    change(order);
    this.touch(order);
    return order;
  }

  cancelOrder(ref: OrderRef): FakeOrder {
    return this.updateOrder(ref, (o) => {
      o.cancelledMs = sec(this.now());
      o.closedMs = o.cancelledMs;
      for (const fo of o.fulfillmentOrders) if (fo.status === 'OPEN' || fo.status === 'IN_PROGRESS') fo.status = 'CANCELLED';
    });
  }

  touch(order: FakeOrder): void {
    const index = order.index;
    const old = this.updatedMs[index];
    const next = Math.max(sec(this.now()), old + 1000);
    order.updatedMs = next;
    this.updatedMs[index] = next;
    this.moved.add(index);
  }

  // ---- fulfillments ------------------------------------------------------------------------------

  /**
   * The merchant fulfils part of an order in the Shopify admin (or another app does): quantities by
   * line position, taken from the line's open fulfillment order. Records a fulfillment, lowers what the
   * line still has to ship, updates the order's fulfillment status and moves its updatedAt, as Shopify does.
   */
  fulfillInCart(ref: OrderRef, quantities: Record<number, number>, trackingNumber: string | null = null): FakeFulfillment {
    const order = this.mutable(ref);
    const fulfillment: FakeFulfillment = {
      id: this.nextFulfillmentId(),
      name: `${order.name}.${order.fulfillments.length + 1}`,
      status: 'SUCCESS',
      createdAt: this.time(this.now()) as string,
      notifyCustomer: false,
      trackingInfo: trackingNumber ? [{ company: 'UPS', number: trackingNumber, url: null }] : [],
      lines: [],
    };
    for (const [position, quantity] of Object.entries(quantities)) {
      const item = order.lineItems[Number(position)];
      if (!item) throw new Error(`fake shopify: order ${order.name} has no line ${position}`);
      const fo = order.fulfillmentOrders.find((f) => (f.status === 'OPEN' || f.status === 'IN_PROGRESS') && f.lines.some((l) => l.lineItemId === item.id));
      const line = fo?.lines.find((l) => l.lineItemId === item.id);
      if (!fo || !line || quantity > line.remainingQuantity) throw new Error(`fake shopify: line ${position} of ${order.name} has not ${quantity} left to fulfil`);
      line.remainingQuantity -= quantity;
      fulfillment.lines.push({ fulfillmentOrderLineId: line.id, lineItemId: item.id, quantity });
    }
    for (const fo of order.fulfillmentOrders) {
      if (fo.status !== 'OPEN' && fo.status !== 'IN_PROGRESS') continue;
      fo.status = fo.lines.every((l) => l.remainingQuantity === 0) ? 'CLOSED' : 'IN_PROGRESS';
    }
    const allDone = order.fulfillmentOrders.every((fo) => fo.status === 'CLOSED' || fo.status === 'CANCELLED');
    order.fulfillmentStatus = allDone ? 'FULFILLED' : 'PARTIALLY_FULFILLED';
    order.fulfillments.push(fulfillment);
    this.touch(order);
    return fulfillment;
  }

  fulfillmentsOf(ref: OrderRef): FakeFulfillment[] {
    return this.order(ref)?.fulfillments ?? [];
  }

  /**
   * Units fulfilled per line item id (every line listed, 0 when none), over the order's live
   * fulfillments: what the shop's admin shows as fulfilled, for tests to check the cart's state.
   */
  fulfilledQuantities(ref: OrderRef): Record<string, number> {
    const order = this.order(ref);
    if (!order) throw new Error(`fake shopify: no order ${String(ref)}`);
    const out: Record<string, number> = Object.fromEntries(order.lineItems.map((l) => [l.id, 0]));
    for (const f of order.fulfillments) {
      if (f.status !== 'SUCCESS') continue;
      for (const l of f.lines) out[l.lineItemId] = (out[l.lineItemId] ?? 0) + l.quantity;
    }
    return out;
  }

  /** The order holding fulfillment `id` (only an order materialised has fulfillments). */
  orderOfFulfillment(id: string): FakeOrder | undefined {
    for (const order of this.materialized.values()) if (order.fulfillments.some((f) => f.id === id)) return order;
    return undefined;
  }

  nextFulfillmentId(): string {
    this.fulfillmentCounter += 1;
    return gid('Fulfillment', FULFILLMENT_BASE + this.fulfillmentCounter);
  }

  // ---- catalog and inventory ---------------------------------------------------------------------

  variantBySku(sku: string): FakeVariant | undefined {
    return this.catalog.find((v) => v.sku === sku);
  }

  locationIndexOf(id: unknown): number | undefined {
    const n = gidNumber(id, 'Location');
    const index = n === undefined ? undefined : n - LOCATION_BASE;
    return index !== undefined && this.locations[index] ? index : undefined;
  }

  /** Available quantity of a SKU at a location; undefined when not stocked there. */
  inventory(sku: string, locationIndex = 0): number | undefined {
    const v = this.variantBySku(sku);
    return v ? this.levels.get(`${v.index}:${locationIndex}`) : undefined;
  }

  inventoryByItem(variantIndex: number, locationIndex: number): number | undefined {
    return this.levels.get(`${variantIndex}:${locationIndex}`);
  }

  setInventory(sku: string, quantity: number, locationIndex = 0): void {
    const v = this.variantBySku(sku);
    if (!v) throw new Error(`fake shopify: no SKU ${sku}`);
    this.levels.set(`${v.index}:${locationIndex}`, quantity);
  }

  setInventoryByItem(variantIndex: number, locationIndex: number, quantity: number): void {
    this.levels.set(`${variantIndex}:${locationIndex}`, quantity);
  }

  /** Applied by inventorySetQuantities: recorded so tests can see exactly what was sent. */
  applyInventory(variantIndex: number, locationIndex: number, quantity: number): void {
    this.setInventoryByItem(variantIndex, locationIndex, quantity);
    this.inventoryUpdates.push({ sku: this.catalog[variantIndex]?.sku ?? null, locationIndex, quantity });
  }

  // ---- auth --------------------------------------------------------------------------------------

  issueToken(): { token: string; expiresIn: number } {
    const token = `shpca_${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
    this.issuedTokens.set(token, this.now() + this.tokenTtlSeconds * 1000);
    return { token, expiresIn: this.tokenTtlSeconds };
  }

  isValidToken(token: string | undefined): boolean {
    if (!token) return false;
    if (token === this.token) return true;
    const expires = this.issuedTokens.get(token);
    return expires !== undefined && expires > this.now();
  }

  /** Every client-credentials token issued so far stops working. */
  expireTokens(): void {
    for (const token of this.issuedTokens.keys()) this.issuedTokens.set(token, 0);
  }

  // ---- rate limits -------------------------------------------------------------------------------

  configureBucket(maximumAvailable: number, restoreRate: number): void {
    this.bucket = new LeakyBucket(maximumAvailable, restoreRate, this.now());
  }

  /** Spends points as if another run of the same app had: the client's budget estimate goes stale. */
  drainBucket(points = Number.POSITIVE_INFINITY): void {
    this.bucket.drain(points, this.now());
  }

  recordSpend(points: number): void {
    this.stats.pointsSpent += points;
    this.stats.spendLog.push([this.now(), points]);
  }

  /** Points spent in [startMs, endMs] as a percentage of what the restore rate allowed in that window. */
  budgetUsedPct(windowStartMs: number, windowEndMs: number): number {
    const seconds = (windowEndMs - windowStartMs) / 1000;
    if (seconds <= 0) return 0;
    let spent = 0;
    for (const [at, points] of this.stats.spendLog) if (at >= windowStartMs && at <= windowEndMs) spent += points;
    return (100 * spent) / (this.bucket.restoreRate * seconds);
  }

  // ---- faults ------------------------------------------------------------------------------------

  failNext(count: number, status = 500, options: FaultTarget & { body?: string } = {}): void {
    const body = options.body ?? '{"errors":"Internal Server Error"}';
    for (let i = 0; i < count; i++) this.faults.push({ kind: 'status', status, body, when: options.when });
  }

  /** Forgets the faults not served yet (the cause was fixed). */
  clearFaults(): void {
    this.faults.length = 0;
  }

  /** A 200 reply whose body is not what was asked for (default: a proxy's HTML page). */
  malformNext(count: number, options: FaultTarget & { body?: string } = {}): void {
    const body = options.body ?? '<html><body>502 Bad Gateway</body></html>';
    for (let i = 0; i < count; i++) this.faults.push({ kind: 'malformed', body, when: options.when });
  }

  /** Delays the next replies; with after=true the request is carried out first (a create that "timed out"). */
  delayNext(count: number, ms: number, options: FaultTarget & { after?: boolean } = {}): void {
    for (let i = 0; i < count; i++) this.faults.push({ kind: 'delay', ms, after: options.after ?? false, when: options.when });
  }

  dropNext(count: number, options: FaultTarget = {}): void {
    for (let i = 0; i < count; i++) this.faults.push({ kind: 'drop', when: options.when });
  }

  takeFault(body: string): Fault | undefined {
    const at = this.faults.findIndex((f) => f.when === undefined || body.includes(f.when));
    return at < 0 ? undefined : this.faults.splice(at, 1)[0];
  }

  // ---- formatting --------------------------------------------------------------------------------

  time(ms: number | null): string | null {
    if (ms === null) return null;
    const local = new Date(ms + this.offsetMinutes * 60_000).toISOString().slice(0, 19);
    const abs = Math.abs(this.offsetMinutes);
    const sign = this.offsetMinutes < 0 ? '-' : '+';
    return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  }

  money(cents: number): string {
    return decimal(cents);
  }
}

function sec(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}
