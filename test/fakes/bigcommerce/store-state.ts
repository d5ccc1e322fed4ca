import { wholeSecond } from './dates.js';
import {
  STATUS_AWAITING_FULFILLMENT,
  type FakeBcAddress,
  type FakeBcOrder,
  type FakeBcProduct,
  type InventoryTracking,
} from './model.js';
import { RequestQuota } from './request-quota.js';

/**
 * The fake store's data and the controls tests drive it with: seed orders and products, modify an
 * order (its date_modified moves), make an order malformed, fail the next requests, spend the quota.
 */

export interface FakeBigCommerceOptions {
  storeHash?: string;
  accessToken?: string;
  /** Requests per window (Standard/Plus plans: 150 per 30 s). */
  quota?: number;
  windowMs?: number;
  /** OAuth scopes of the token; all that the connector uses by default. */
  scopes?: string[];
  /** The store's clock in ms; tests pass their own to move time without waiting. */
  now?: () => number;
  /** Orders seeded at start (see seedOrders). */
  orders?: number;
}

export interface OrderSeed {
  /** Creation time; date_modified starts equal to it. */
  createdAt?: number;
  status_id?: number;
  currency_code?: string;
  customer_message?: string;
  /** Lines as [sku, quantity, unit price in cents]. */
  lines?: [string, number, number][];
  /** Extra shipping addresses (multi-address orders): each takes the lines named by sku. */
  extraAddresses?: { skus: string[] }[];
  shippingMethod?: string;
  /** Lines (by sku) that are digital downloads: no shipping address, nothing to ship. */
  digitalSkus?: string[];
}

export const ALL_SCOPES = ['store_v2_orders', 'store_v2_products', 'store_inventory', 'store_v2_information_read_only'];

export interface FakeStats {
  /** Every request that reached the store, refused or not. */
  requests: number;
  rateLimited: number;
  /** Requests per route name ("GET /v2/orders"), for tests that count calls. */
  byRoute: Map<string, number>;
}

export class FakeBcStore {
  readonly storeHash: string;
  readonly quota: RequestQuota;
  readonly now: () => number;
  accessToken: string;
  scopes: Set<string>;
  readonly orders = new Map<number, FakeBcOrder>();
  readonly products = new Map<number, FakeBcProduct>();
  readonly stats: FakeStats = { requests: 0, rateLimited: 0, byRoute: new Map() };
  readonly adjustments: { reason: string; items: Record<string, unknown>[] }[] = [];
  private nextOrderId = 100;
  private nextOrderProductId = 1;
  private nextAddressId = 1;
  private nextShipmentId = 1;
  private nextProductId = 1;
  private nextVariantId = 1;
  private faults: { status: number; left: number } | null = null;
  private garbled = 0;
  private orderListMalform: { skip: number } | null = null;

  constructor(options: FakeBigCommerceOptions = {}) {
    this.storeHash = options.storeHash ?? 'abc123xyz';
    this.accessToken = options.accessToken ?? 'bc-test-token-0123456789';
    this.quota = new RequestQuota(options.quota ?? 150, options.windowMs ?? 30_000);
    this.scopes = new Set(options.scopes ?? ALL_SCOPES);
    this.now = options.now ?? Date.now;
    if (options.orders) this.seedOrders(options.orders);
  }

  /** `count` orders created one minute apart, oldest first, ending an hour before now. */
  seedOrders(count: number, seed: OrderSeed = {}): FakeBcOrder[] {
    const start = wholeSecond(this.now()) - 3_600_000 - count * 60_000;
    const made: FakeBcOrder[] = [];
    for (let i = 0; i < count; i += 1) {
      const n = this.nextOrderId;
      made.push(
        this.addOrder({
          createdAt: start + i * 60_000,
          lines: [
            [`SKU-${n % 7}`, 1 + (n % 3), 1999],
            [`SKU-${(n % 5) + 10}`, 1, 550],
          ],
          ...seed,
        }),
      );
    }
    return made;
  }

  addOrder(seed: OrderSeed = {}): FakeBcOrder {
    const id = this.nextOrderId++;
    const created = wholeSecond(seed.createdAt ?? this.now());
    const billing = address(id);
    const main = { ...address(id), id: this.nextAddressId++, shipping_method: seed.shippingMethod ?? 'UPS Ground', costCents: 995 };
    const order: FakeBcOrder = {
      id,
      customer_id: 1000 + (id % 50),
      createdMs: created,
      modifiedMs: created,
      status_id: seed.status_id ?? STATUS_AWAITING_FULFILLMENT,
      currency_code: seed.currency_code ?? 'USD',
      payment_status: 'captured',
      customer_message: seed.customer_message ?? '',
      staff_notes: '',
      discountCents: 0,
      couponDiscountCents: 0,
      taxCents: 0,
      billing,
      addresses: [main],
      products: [],
      shipments: [],
      overrides: {},
      productOverrides: new Map(),
      addressOverrides: new Map(),
    };
    for (const [sku, quantity, priceCents] of seed.lines ?? [['SKU-1', 1, 1000]]) {
      const product = this.productBySku(sku);
      order.products.push({
        id: this.nextOrderProductId++,
        product_id: product?.product.id ?? 0,
        variant_id: product?.variant.id ?? 0,
        order_address_id: main.id,
        name: product?.product.name ?? `Product ${sku}`,
        sku,
        type: seed.digitalSkus?.includes(sku) ? 'digital' : 'physical',
        quantity,
        quantity_shipped: 0,
        quantity_refunded: 0,
        priceCents,
        discountCents: 0,
      });
    }
    for (const extra of seed.extraAddresses ?? []) {
      const more = { ...address(id + 7), id: this.nextAddressId++, shipping_method: 'Free Shipping', costCents: 0 };
      order.addresses.push(more);
      for (const line of order.products) if (extra.skus.includes(line.sku)) line.order_address_id = more.id;
    }
    order.taxCents = Math.round(order.products.reduce((s, p) => s + p.priceCents * p.quantity, 0) * 0.08);
    this.orders.set(id, order);
    return order;
  }

  /** The merchant edits the order: date_modified moves to now (whole seconds, as BigCommerce keeps it). */
  modifyOrder(id: number, change: (order: FakeBcOrder) => void = () => {}): FakeBcOrder {
    const order = this.order(id);
    change(order);
    order.modifiedMs = wholeSecond(this.now());
    return order;
  }

  /** Writes these fields over the order's JSON as they are, to make it not match the documented shape. */
  malformOrder(id: number, fields: Record<string, unknown>): void {
    Object.assign(this.order(id).overrides, fields);
  }

  malformOrderProduct(orderId: number, orderProductId: number, fields: Record<string, unknown>): void {
    const order = this.order(orderId);
    order.productOverrides.set(orderProductId, { ...order.productOverrides.get(orderProductId), ...fields });
  }

  malformShippingAddress(orderId: number, addressId: number, fields: Record<string, unknown>): void {
    const order = this.order(orderId);
    order.addressOverrides.set(addressId, { ...order.addressOverrides.get(addressId), ...fields });
  }

  /** A product and its variants; the first SKU is the base variant's (the product's own SKU). */
  addProduct(sku: string, opts: { tracking?: InventoryTracking; variantSkus?: string[]; inventory?: number; name?: string } = {}): FakeBcProduct {
    const product: FakeBcProduct = {
      id: this.nextProductId++,
      name: opts.name ?? `Product ${sku}`,
      sku,
      inventory_tracking: opts.tracking ?? (opts.variantSkus?.length ? 'variant' : 'product'),
      inventory_level: opts.inventory ?? 0,
      variants: [{ id: this.nextVariantId++, sku, inventory_level: 0 }],
    };
    for (const variantSku of opts.variantSkus ?? []) product.variants.push({ id: this.nextVariantId++, sku: variantSku, inventory_level: opts.inventory ?? 0 });
    this.products.set(product.id, product);
    return product;
  }

  productBySku(sku: string): { product: FakeBcProduct; variant: FakeBcProduct['variants'][number] } | undefined {
    for (const product of this.products.values()) {
      const variant = product.variants.find((v) => v.sku === sku);
      if (variant) return { product, variant };
    }
    return undefined;
  }

  order(id: number): FakeBcOrder {
    const order = this.orders.get(id);
    if (!order) throw new Error(`fake BigCommerce: no order ${id}`);
    return order;
  }

  /** The next `count` requests (after auth) answer this 5xx status. */
  failNext(count: number, status = 500): void {
    this.faults = { status, left: count };
  }

  /** The next `count` successful answers carry a body that is not JSON. */
  garbleNext(count: number): void {
    this.garbled = count;
  }

  /** Other apps of the store spend quota units (they share the store's quota). */
  spendQuota(units: number): void {
    this.quota.spend(units, this.now());
  }

  takeFault(): number | null {
    if (!this.faults || this.faults.left <= 0) return null;
    this.faults.left -= 1;
    return this.faults.status;
  }

  /**
   * The order list (GET /v2/orders) answers, after `skip` more answers of it, one page that is JSON but
   * not the documented list: how a test makes the first or a later page of a download malformed.
   */
  malformOrderList(skip = 0): void {
    this.orderListMalform = { skip };
  }

  /** Forgets an order-list fault not served yet. */
  clearOrderListMalform(): void {
    this.orderListMalform = null;
  }

  takeOrderListMalform(): boolean {
    if (!this.orderListMalform) return false;
    if (this.orderListMalform.skip > 0) {
      this.orderListMalform.skip -= 1;
      return false;
    }
    this.orderListMalform = null;
    return true;
  }

  takeGarble(): boolean {
    if (this.garbled <= 0) return false;
    this.garbled -= 1;
    return true;
  }

  newShipmentId(): number {
    return this.nextShipmentId++;
  }
}

const FIRST = ['Jane', 'John', 'Ana', 'Kenji', 'Priya', 'Lars'];
const LAST = ['Doe', 'Smith', 'Silva', 'Tanaka', 'Patel', 'Berg'];

function address(n: number): FakeBcAddress {
  return {
    first_name: FIRST[n % FIRST.length],
    last_name: LAST[n % LAST.length],
    company: n % 4 === 0 ? 'Acme Pty Ltd' : '',
    street_1: `${100 + (n % 900)} Main Street`,
    street_2: n % 3 === 0 ? `Suite ${n % 40}` : '',
    city: 'Austin',
    state: 'Texas',
    zip: '78751',
    country: 'United States',
    country_iso2: 'US',
    phone: '555-123-4567',
    email: `buyer${n}@example.com`,
  };
}
