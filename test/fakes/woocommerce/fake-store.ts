import type { FakeLineItem, FakeNote, FakeOrder, FakeProduct, FakeTracking, FakeVariation, OrderStatus, WooAddress } from './fake-model.js';

/**
 * The fake store's state and the controls tests use: seed orders and products, modify an order (its
 * date_modified moves to the store's clock, so it moves between offset pages), corrupt an order's JSON,
 * and queue faults (HTML 500/503 pages, 429s, a PHP notice printed before the JSON).
 */

export interface FakeWooOptions {
  consumerKey?: string;
  consumerSecret?: string;
  /** The key's permission (WooCommerce > Settings > Advanced > REST API). */
  permissions?: 'read' | 'write' | 'read_write';
  /** The site's time zone (Settings > General). Local date fields and non-GMT date filters use it. */
  timeZone?: string;
  /** Whether the Shipment Tracking extension is installed; without it its routes answer rest_no_route. */
  shipmentTracking?: boolean;
  /** The web server drops the Authorization header (the docs' reason for query-string auth). */
  dropsAuthorizationHeader?: boolean;
  /** The address is not a WordPress site at all: every path answers an ordinary HTML page. */
  notWordPress?: boolean;
  /** Every path answers a redirect to this URL (e.g. http -> https, or a moved domain). */
  redirectTo?: string;
  /** The store clock's start, ms. Every write ticks it one second. */
  startMs?: number;
  /**
   * A host's or firewall's request limit (WooCommerce itself documents none): past it, 429 with
   * Retry-After in whole seconds. A token bucket on the real clock.
   */
  hostRateLimit?: { requestsPerSecond: number; burst?: number };
}

export type Fault =
  /**
   * WordPress dying with wp_die(): 500 the critical error (a plugin's fatal error), 503 maintenance mode.
   * Sent as WordPress sends it: JSON to a request that asks for JSON, else the HTML page; `page` forces
   * the page (WordPress before 5.1, a maintenance plugin's or the host's own page).
   */
  | { kind: 'html-error'; status: 500 | 503; retryAfter?: string; page?: boolean }
  | { kind: 'rate-limit'; retryAfter?: string }
  | { kind: 'php-notice' };

export interface OrderSeed {
  status?: OrderStatus;
  number?: string;
  currency?: string;
  createdMs?: number;
  /** Its date_modified; a bulk action in wp-admin saves hundreds of orders within one second. */
  modifiedMs?: number;
  lines?: { sku: string; quantity: number; price: string; name?: string; product_id?: number; variation_id?: number }[];
  shipping?: Partial<WooAddress>;
  billing?: Partial<WooAddress>;
  shippingMethod?: { method_id: string; method_title: string; instance_id?: string; total?: string };
  customer_note?: string;
}

export interface RequestRecord {
  method: string;
  path: string;
  query: URLSearchParams;
  auth: 'basic' | 'query' | 'none';
  /** When it arrived (performance.now() of this process, ms): the bench measures a limiter's pace by it. */
  atMs: number;
}

export const DEFAULT_CONSUMER_KEY = 'ck_4f1c2e9a0b7d6c5e4f3a2b1c0d9e8f7a6b5c4d3e';
export const DEFAULT_CONSUMER_SECRET = 'cs_9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d';

export class FakeWooStore {
  readonly options: Required<Omit<FakeWooOptions, 'redirectTo' | 'startMs' | 'hostRateLimit'>> & { redirectTo?: string };
  /** Requests answered 429 by the host limit, for the bench's "throttled answers only as rare exceptions". */
  throttled = 0;
  private readonly limit?: { perMs: number; burst: number; tokens: number; at: number };
  private revoked = false;
  readonly orders = new Map<number, FakeOrder>();
  readonly notes = new Map<number, FakeNote[]>();
  readonly trackings = new Map<number, FakeTracking[]>();
  readonly products = new Map<number, FakeProduct>();
  readonly variations = new Map<number, FakeVariation>();
  readonly requests: RequestRecord[] = [];
  readonly faults: Fault[] = [];
  /** Every stock level a batch update stored, in order (what was written, not just what is held). */
  readonly stockWrites: { sku: string; quantity: number }[] = [];
  /**
   * While set, the orders list answers normally `good` more times, then with a body that is not the
   * documented list (a plugin wrapping the reply) until cleared.
   */
  malformedOrdersList?: { good: number };
  /** 429s served from the queued rate-limit faults (rateLimitNext), as proof a test exercised one. */
  rateLimitFaultsServed = 0;
  /** The store's clock: an instant that only moves forward, one second per write. */
  nowMs: number;
  private nextPostId = 100;
  private nextItemId = 1;

  constructor(options: FakeWooOptions = {}) {
    this.options = {
      consumerKey: options.consumerKey ?? DEFAULT_CONSUMER_KEY,
      consumerSecret: options.consumerSecret ?? DEFAULT_CONSUMER_SECRET,
      permissions: options.permissions ?? 'read_write',
      timeZone: options.timeZone ?? 'UTC',
      shipmentTracking: options.shipmentTracking ?? true,
      dropsAuthorizationHeader: options.dropsAuthorizationHeader ?? false,
      notWordPress: options.notWordPress ?? false,
      redirectTo: options.redirectTo,
    };
    this.nowMs = options.startMs ?? Date.UTC(2026, 10, 1, 12, 0, 0);
    if (options.hostRateLimit) {
      const burst = options.hostRateLimit.burst ?? options.hostRateLimit.requestsPerSecond;
      this.limit = { perMs: options.hostRateLimit.requestsPerSecond / 1000, burst, tokens: burst, at: Date.now() };
    }
  }

  /** The merchant revoked the key in WooCommerce > Settings > Advanced > REST API. */
  revokeKeys(): void {
    this.revoked = true;
  }

  get keysRevoked(): boolean {
    return this.revoked;
  }

  /** Seconds to wait when the host limit is spent now, else undefined (and one request is counted). */
  hostLimitWait(): number | undefined {
    const limit = this.limit;
    if (!limit) return undefined;
    const now = Date.now();
    limit.tokens = Math.min(limit.burst, limit.tokens + (now - limit.at) * limit.perMs);
    limit.at = now;
    if (limit.tokens >= 1) {
      limit.tokens -= 1;
      return undefined;
    }
    this.throttled += 1;
    return Math.max(1, Math.ceil((1 - limit.tokens) / limit.perMs / 1000));
  }

  tick(): number {
    this.nowMs += 1000;
    return this.nowMs;
  }

  postId(): number {
    return this.nextPostId++;
  }

  itemId(): number {
    return this.nextItemId++;
  }

  /** Seeds `count` orders (or the given seeds), each modified one second after the previous. */
  seedOrders(seeds: number | OrderSeed[]): FakeOrder[] {
    const list = typeof seeds === 'number' ? Array.from({ length: seeds }, () => ({}) as OrderSeed) : seeds;
    return list.map((seed) => this.addOrder(seed));
  }

  addOrder(seed: OrderSeed = {}): FakeOrder {
    const id = this.postId();
    const at = this.tick();
    const lines: FakeLineItem[] = (seed.lines ?? [{ sku: `SKU-${id % 7}`, quantity: 1 + (id % 3), price: '12.50' }]).map((l) => {
      const lineTotal = (Number(l.price) * l.quantity).toFixed(2);
      return {
        id: this.itemId(),
        name: l.name ?? `Product ${l.sku}`,
        product_id: l.product_id ?? 0,
        variation_id: l.variation_id ?? 0,
        quantity: l.quantity,
        subtotal: lineTotal,
        total: lineTotal,
        total_tax: '0.00',
        sku: l.sku,
        price: Number(l.price),
      };
    });
    const method = seed.shippingMethod ?? { method_id: 'flat_rate', method_title: 'Flat rate', instance_id: '1', total: '5.00' };
    const shippingTotal = method.total ?? '0.00';
    const itemsTotal = lines.reduce((sum, l) => sum + Number(l.total), 0);
    const address: WooAddress = {
      first_name: 'Ada',
      last_name: `Buyer ${id}`,
      company: '',
      address_1: `${id} Main Street`,
      address_2: '',
      city: 'Springfield',
      state: 'IL',
      postcode: '62701',
      country: 'US',
    };
    const order: FakeOrder = {
      id,
      number: seed.number ?? String(id),
      status: seed.status ?? 'processing',
      currency: seed.currency ?? 'USD',
      createdMs: seed.createdMs ?? at,
      modifiedMs: seed.modifiedMs ?? at,
      paidMs: seed.status === 'pending' ? null : at,
      completedMs: seed.status === 'completed' ? at : null,
      discount_total: '0.00',
      shipping_total: shippingTotal,
      total_tax: '0.00',
      total: (itemsTotal + Number(shippingTotal)).toFixed(2),
      customer_note: seed.customer_note ?? '',
      billing: { ...address, email: `buyer${id}@example.com`, phone: '555-0100', ...seed.billing },
      shipping: { ...address, phone: '', ...seed.shipping },
      payment_method: 'stripe',
      line_items: lines,
      shipping_lines: [{ id: this.itemId(), method_title: method.method_title, method_id: method.method_id, instance_id: method.instance_id ?? '', total: shippingTotal, total_tax: '0.00' }],
      meta_data: [],
    };
    this.orders.set(id, order);
    return order;
  }

  /** An edit in wp-admin or by a plugin: date_modified moves to now, which moves the order between pages. */
  modifyOrder(id: number, change: (order: FakeOrder) => void = () => {}): FakeOrder {
    const order = this.requireOrder(id);
    change(order);
    order.modifiedMs = this.tick();
    if (order.status === 'completed' && order.completedMs === null) order.completedMs = order.modifiedMs;
    return order;
  }

  /** The order's JSON is altered on every read from now on (a plugin writing junk, a broken import). */
  malformOrder(id: number, corrupt: (json: Record<string, unknown>) => void): void {
    this.requireOrder(id).corrupt = corrupt;
  }

  requireOrder(id: number): FakeOrder {
    const order = this.orders.get(id);
    if (!order) throw new Error(`fake WooCommerce has no order ${id}`);
    return order;
  }

  addSimpleProduct(sku: string, opts: { manageStock?: boolean; stock?: number | null; name?: string } = {}): FakeProduct {
    const product: FakeProduct = {
      id: this.postId(),
      name: opts.name ?? `Product ${sku}`,
      type: 'simple',
      sku,
      manage_stock: opts.manageStock ?? true,
      stock_quantity: opts.stock ?? 0,
      variations: [],
    };
    this.products.set(product.id, product);
    return product;
  }

  /** A variable product whose variations carry the SKUs: GET /products?sku= does not find them. */
  addVariableProduct(
    parentSku: string,
    variations: { sku: string; manageStock?: boolean | 'parent'; stock?: number | null }[],
  ): { product: FakeProduct; variations: FakeVariation[] } {
    const product: FakeProduct = { id: this.postId(), name: `Variable ${parentSku}`, type: 'variable', sku: parentSku, manage_stock: false, stock_quantity: null, variations: [] };
    this.products.set(product.id, product);
    const made = variations.map((v) => {
      const variation: FakeVariation = { id: this.postId(), parent_id: product.id, sku: v.sku, manage_stock: v.manageStock ?? true, stock_quantity: v.stock ?? 0 };
      this.variations.set(variation.id, variation);
      product.variations.push(variation.id);
      return variation;
    });
    return { product, variations: made };
  }

  /** The next `count` requests answer an HTML error page (WordPress critical error 500, maintenance 503). */
  failNext(count: number, status: 500 | 503 = 500, retryAfter?: string): void {
    for (let i = 0; i < count; i++) this.faults.push({ kind: 'html-error', status, retryAfter });
  }

  /**
   * The next `count` requests meet maintenance mode as wp_maintenance() answers it: 503 with
   * Retry-After: 600 and "Briefly unavailable for scheduled maintenance. Check back in a minute.".
   */
  maintenanceNext(count: number, options: { page?: boolean } = {}): void {
    for (let i = 0; i < count; i++) this.faults.push({ kind: 'html-error', status: 503, retryAfter: '600', page: options.page });
  }

  /** The next `count` requests die in a plugin's fatal error: WordPress's "critical error" answer (500). */
  criticalErrorNext(count: number, options: { page?: boolean } = {}): void {
    for (let i = 0; i < count; i++) this.faults.push({ kind: 'html-error', status: 500, page: options.page });
  }

  /** The next `count` requests answer 429, as a host's or WAF's limiter does (WooCommerce has none). */
  rateLimitNext(count: number, retryAfter = '1'): void {
    for (let i = 0; i < count; i++) this.faults.push({ kind: 'rate-limit', retryAfter });
  }

  /** The next `count` replies carry a PHP notice printed before the JSON (WP_DEBUG_DISPLAY on a live site). */
  phpNoticeNext(count: number): void {
    for (let i = 0; i < count; i++) this.faults.push({ kind: 'php-notice' });
  }

  takeFault(): Fault | undefined {
    return this.faults.shift();
  }

  notesOf(orderId: number): FakeNote[] {
    return this.notes.get(orderId) ?? [];
  }

  trackingsOf(orderId: number): FakeTracking[] {
    return this.trackings.get(orderId) ?? [];
  }
}
