import { amazonTime, buildOrder, type FakeAmazonItem, type FakeAmazonOrder, type OrderSeed } from './order-builder.js';

/**
 * What the fake seller account holds and how its data endpoints behave, apart from HTTP: orders and
 * their items, the packages confirmed through the API, the listings' quantities, and its clock (a
 * fixed start moved by advance(), or one shared with the connector under test). Times are to the second.
 */

export class SpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: string,
  ) {
    super(message);
  }
}

export interface FakePackage {
  orderId: string;
  packageReferenceId: string;
  carrierCode: string;
  carrierName?: string;
  shippingMethod?: string;
  trackingNumber: string;
  shipDate: string;
  items: { orderItemId: string; quantity: number }[];
}

export interface FakeListing {
  sku: string;
  quantity: number;
  /** Set: every quantity patch of this SKU is answered INVALID with this issue (a listing with a problem). */
  invalidIssue?: string;
}

export class FakeSellerState {
  readonly orders = new Map<string, { order: FakeAmazonOrder; items: FakeAmazonItem[] }>();
  readonly packages: FakePackage[] = [];
  readonly listings = new Map<string, FakeListing>();
  /** Every quantity written through the Listings API, in order. */
  readonly inventoryWrites: { sku: string; quantity: number; marketplaceIds: string[] }[] = [];
  /** Orders whose entry in the order list is replaced by a malformed one. */
  readonly malformed = new Map<string, unknown>();
  private offsetMs = 0;
  private seq = 0;

  constructor(private readonly start: Date | { now(): Date }) {}

  nowMs(): number {
    const base = this.start instanceof Date ? this.start.getTime() : this.start.now().getTime();
    return Math.floor((base + this.offsetMs) / 1000) * 1000;
  }

  now(): string {
    return amazonTime(this.nowMs());
  }

  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }

  addOrder(seed: OrderSeed = {}): FakeAmazonOrder {
    const built = buildOrder(++this.seq, seed, this.now());
    this.orders.set(built.order.AmazonOrderId, built);
    return built.order;
  }

  addListing(sku: string, quantity = 0, invalidIssue?: string): void {
    this.listings.set(sku, { sku, quantity, ...(invalidIssue ? { invalidIssue } : {}) });
  }

  requireOrder(id: string): { order: FakeAmazonOrder; items: FakeAmazonItem[] } {
    const found = this.orders.get(id);
    if (!found) throw new SpError(404, 'NotFound', `Order ${id} was not found`);
    return found;
  }

  /** A change in Seller Central: the order's LastUpdateDate becomes now. */
  modifyOrder(id: string, change: (order: FakeAmazonOrder) => void = () => {}): FakeAmazonOrder {
    const { order } = this.requireOrder(id);
    change(order);
    order.LastUpdateDate = this.now();
    return order;
  }

  /**
   * The order as getOrders lists it. Without a Restricted Data Token the shipping address keeps only
   * what Amazon leaves in it (city, region, postcode, country) and BuyerInfo is left out.
   */
  view(order: FakeAmazonOrder, pii: boolean): unknown {
    const malformed = this.malformed.get(order.AmazonOrderId);
    if (malformed !== undefined) return malformed;
    if (pii) return structuredClone(order);
    const { ShippingAddress: a, BuyerInfo: _buyer, ...rest } = order;
    return { ...structuredClone(rest), ShippingAddress: { City: a.City, StateOrRegion: a.StateOrRegion, PostalCode: a.PostalCode, CountryCode: a.CountryCode } };
  }

  /** POST .../shipmentConfirmation: one package of order items. */
  confirmShipment(orderId: string, body: unknown): void {
    const { order, items } = this.requireOrder(orderId);
    const b = (body ?? {}) as { marketplaceId?: unknown; packageDetail?: Record<string, unknown> };
    const p = b.packageDetail;
    const invalid = (message: string) => new SpError(400, 'InvalidInput', message);
    if (b.marketplaceId !== order.MarketplaceId) throw invalid(`marketplaceId ${String(b.marketplaceId)} is not the marketplace of order ${orderId}`);
    if (!p) throw invalid('packageDetail is required');
    for (const field of ['packageReferenceId', 'carrierCode', 'trackingNumber', 'shipDate', 'orderItems']) {
      if (p[field] === undefined) throw invalid(`packageDetail.${field} is required`);
    }
    if (typeof p.packageReferenceId !== 'string' || !/^[1-9]\d*$/.test(p.packageReferenceId)) throw invalid('packageReferenceId: only positive numeric values are supported');
    if (p.carrierCode === 'Other' && typeof p.carrierName !== 'string') throw invalid('carrierName is required when carrierCode is Other');
    if (typeof p.shipDate !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(p.shipDate)) throw invalid('shipDate must be an ISO 8601 date-time');
    if (order.FulfillmentChannel === 'AFN') throw invalid(`Order ${orderId} is fulfilled by Amazon`);
    if (order.OrderStatus === 'Canceled') throw invalid(`Order ${orderId} is canceled`);
    const existing = this.packages.find((k) => k.orderId === orderId && k.packageReferenceId === p.packageReferenceId);
    if (existing) throw invalid(`The package with packageReferenceId ${existing.packageReferenceId} was already confirmed for order ${orderId}`);
    const lines = p.orderItems as { orderItemId?: unknown; quantity?: unknown }[];
    if (!Array.isArray(lines) || lines.length === 0) throw invalid('orderItems must list at least one item');
    const wanted = lines.map((l) => {
      const item = items.find((i) => i.OrderItemId === l.orderItemId);
      if (!item) throw invalid(`orderItemId ${String(l.orderItemId)} is not an item of order ${orderId}`);
      if (typeof l.quantity !== 'number' || !Number.isInteger(l.quantity) || l.quantity < 1) throw invalid(`quantity of ${item.OrderItemId} must be a positive integer`);
      if (item.QuantityShipped + l.quantity > item.QuantityOrdered) throw invalid(`quantity of ${item.OrderItemId} exceeds the quantity not yet shipped`);
      return { item, quantity: l.quantity };
    });
    for (const { item, quantity } of wanted) item.QuantityShipped += quantity;
    const shipped = items.reduce((t, i) => t + i.QuantityShipped, 0);
    const ordered = items.reduce((t, i) => t + i.QuantityOrdered, 0);
    order.NumberOfItemsShipped = shipped;
    order.NumberOfItemsUnshipped = ordered - shipped;
    order.OrderStatus = shipped >= ordered ? 'Shipped' : 'PartiallyShipped';
    order.LastUpdateDate = this.now();
    this.packages.push({
      orderId,
      packageReferenceId: p.packageReferenceId,
      carrierCode: String(p.carrierCode),
      ...(typeof p.carrierName === 'string' ? { carrierName: p.carrierName } : {}),
      ...(typeof p.shippingMethod === 'string' ? { shippingMethod: p.shippingMethod } : {}),
      trackingNumber: String(p.trackingNumber),
      shipDate: p.shipDate,
      items: wanted.map(({ item, quantity }) => ({ orderItemId: item.OrderItemId, quantity })),
    });
  }

  /** PATCH /listings/2021-08-01/items/{sellerId}/{sku}: the fulfillment_availability quantity. */
  patchListing(sku: string, body: unknown, marketplaceIds: string[]): unknown {
    const listing = this.listings.get(sku);
    if (!listing) throw new SpError(404, 'NOT_FOUND', `SKU '${sku}' not found in marketplace ${marketplaceIds[0] ?? ''}`);
    const submissionId = `sub-${this.inventoryWrites.length + 1}`;
    if (listing.invalidIssue) return { sku, status: 'INVALID', submissionId, issues: [{ code: '90220', message: listing.invalidIssue, severity: 'ERROR', attributeNames: ['fulfillment_availability'] }] };
    const b = (body ?? {}) as { productType?: unknown; patches?: { op?: unknown; path?: unknown; value?: unknown }[] };
    const patch = b.patches?.find((x) => x.path === '/attributes/fulfillment_availability');
    const value = Array.isArray(patch?.value) ? (patch.value[0] as { fulfillment_channel_code?: unknown; quantity?: unknown }) : undefined;
    if (typeof b.productType !== 'string' || !patch || (patch.op !== 'replace' && patch.op !== 'merge') || value?.fulfillment_channel_code !== 'DEFAULT' || typeof value.quantity !== 'number') {
      return { sku, status: 'INVALID', submissionId, issues: [{ code: '4000001', message: 'The provided value for fulfillment_availability is invalid.', severity: 'ERROR' }] };
    }
    listing.quantity = value.quantity;
    this.inventoryWrites.push({ sku, quantity: value.quantity, marketplaceIds });
    return { sku, status: 'ACCEPTED', submissionId, issues: [] };
  }
}
