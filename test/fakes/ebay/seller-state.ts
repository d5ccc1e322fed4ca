import { buildOrder, type FakeFulfillment, type FakeOrder, type OrderSeed } from './fake-model.js';

/**
 * What the fake eBay seller holds: orders, their shipping fulfillments, inventory items with their
 * offers, and every stock level written. Times come from the fake's clock (shared with the connector in
 * the conformance suite), in eBay's form: ISO UTC with milliseconds.
 */

export class FakeRequestError extends Error {
  constructor(
    readonly status: number,
    readonly errorId: number,
    message: string,
    readonly category: 'REQUEST' | 'BUSINESS' | 'APPLICATION' = 'REQUEST',
  ) {
    super(message);
  }
}

export class FakeSellerState {
  readonly orders = new Map<string, FakeOrder>();
  /** Replies that replace an order's JSON (a malformed order). */
  readonly corrupted = new Map<string, unknown>();
  readonly fulfillments: FakeFulfillment[] = [];
  /** SKU -> quantity on the inventory item, and its offers' ids and quantities. */
  readonly items = new Map<string, { quantity: number; offers: Map<string, number> }>();
  readonly inventoryWrites: { sku: string; quantity: number }[] = [];
  private seq = 0;
  private fulfillmentSeq = 0;
  private offerSeq = 0;
  private offsetMs = 0;

  constructor(private readonly clock: Date | { now(): Date }) {}

  now(): Date {
    const base = this.clock instanceof Date ? this.clock : this.clock.now();
    return new Date(base.getTime() + this.offsetMs);
  }

  nowIso(): string {
    return this.now().toISOString();
  }

  /** Moves this fake's time on (a person acting later). */
  advance(ms: number): void {
    this.offsetMs += ms;
  }

  addOrder(seed: OrderSeed = {}): FakeOrder {
    const order = buildOrder(++this.seq, this.nowIso(), seed);
    this.orders.set(order.orderId, order);
    return order;
  }

  modifyOrder(orderId: string, change: (o: FakeOrder) => void): FakeOrder {
    const order = this.orders.get(orderId);
    if (!order) throw new Error(`no order ${orderId}`);
    change(order);
    order.lastModifiedDate = this.nowIso();
    return order;
  }

  /** An inventory item with one published offer per marketplace given. */
  addProduct(sku: string, quantity: number, offers = 1): void {
    const map = new Map<string, number>();
    for (let i = 0; i < offers; i++) map.set(String(5_000_000_000 + ++this.offerSeq), quantity);
    this.items.set(sku, { quantity, offers: map });
  }

  ship(orderId: string, body: { lineItems?: unknown; shippedDate?: unknown; shippingCarrierCode?: unknown; trackingNumber?: unknown }): FakeFulfillment {
    const order = this.orders.get(orderId);
    if (!order) throw new FakeRequestError(404, 32100, `Invalid order ID: ${orderId}`);
    if (!Array.isArray(body.lineItems) || body.lineItems.length === 0) throw new FakeRequestError(400, 32500, 'Invalid or missing line items.');
    if (typeof body.trackingNumber !== 'string' || body.trackingNumber === '') throw new FakeRequestError(400, 32400, 'Invalid or missing tracking number.');
    if (typeof body.shippingCarrierCode !== 'string' || body.shippingCarrierCode === '') throw new FakeRequestError(400, 32300, 'Invalid or missing shipping carrier code.');
    if (typeof body.shippedDate !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/.test(body.shippedDate)) {
      throw new FakeRequestError(400, 32700, 'Invalid shipped date. It must be in UTC format: yyyy-MM-ddThh:mm:ss.sssZ.');
    }
    const lines: { lineItemId: string; quantity: number }[] = [];
    for (const raw of body.lineItems as unknown[]) {
      const entry = raw as { lineItemId?: unknown; quantity?: unknown };
      const line = order.lineItems.find((l) => l.lineItemId === entry.lineItemId);
      if (!line) throw new FakeRequestError(400, 32100, `Invalid line item ID: ${String(entry.lineItemId)}.`);
      const quantity = entry.quantity;
      const shipped = this.shippedOf(orderId, line.lineItemId);
      if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity <= 0 || shipped + quantity > line.quantity) {
        throw new FakeRequestError(400, 32600, `Invalid quantity for line item ${line.lineItemId}: ${line.quantity - shipped} left to ship.`);
      }
      lines.push({ lineItemId: line.lineItemId, quantity });
    }
    const fulfillment: FakeFulfillment = {
      fulfillmentId: String(9_400_000_000 + ++this.fulfillmentSeq),
      orderId,
      shipmentTrackingNumber: body.trackingNumber,
      shippingCarrierCode: body.shippingCarrierCode,
      shippedDate: body.shippedDate,
      lineItems: lines,
    };
    this.fulfillments.push(fulfillment);
    for (const line of order.lineItems) {
      const shipped = this.shippedOf(orderId, line.lineItemId);
      line.lineItemFulfillmentStatus = shipped >= line.quantity ? 'FULFILLED' : shipped > 0 ? 'IN_PROGRESS' : 'NOT_STARTED';
    }
    const statuses = order.lineItems.map((l) => l.lineItemFulfillmentStatus);
    order.orderFulfillmentStatus = statuses.every((s) => s === 'FULFILLED') ? 'FULFILLED' : 'IN_PROGRESS';
    order.lastModifiedDate = this.nowIso();
    return fulfillment;
  }

  private shippedOf(orderId: string, lineItemId: string): number {
    return this.fulfillments
      .filter((f) => f.orderId === orderId)
      .flatMap((f) => f.lineItems)
      .filter((l) => l.lineItemId === lineItemId)
      .reduce((sum, l) => sum + l.quantity, 0);
  }

  /** The order as getOrders answers it (or its corrupted reply). */
  view(order: FakeOrder): unknown {
    return this.corrupted.get(order.orderId) ?? structuredClone(order);
  }
}
