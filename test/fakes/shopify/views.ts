import type { FakeDialect } from './api-versions.js';
import type { FakeFulfillment, FakeFulfillmentOrder, FakeLineItem, FakeLocation, FakeOrder, FakeVariant } from './fake-model.js';
import { listConnection, type PageArgs } from './connection.js';
import { gid } from './ids.js';
import type { FakeShopState } from './shop-state.js';

/**
 * GraphQL views of the fake's records: plain objects whose properties graphql-js reads directly, and
 * functions for fields with arguments (getters and methods of a view class where building eagerly would
 * waste work). Built per request; nothing here is stored.
 */

type MoneyBag = { shopMoney: { amount: string; currencyCode: string }; presentmentMoney: { amount: string; currencyCode: string } };

function bag(state: FakeShopState, cents: number, currency: string): MoneyBag {
  const money = { amount: state.money(cents), currencyCode: currency };
  return { shopMoney: money, presentmentMoney: money };
}

export function orderView(state: FakeShopState, o: FakeOrder, dialect?: Pick<FakeDialect, 'fulfillmentNotRequired'>): Record<string, unknown> {
  const view = new OrderView(state, o, dialect?.fulfillmentNotRequired === true);
  // defineProperty, not assignment: a raw field may shadow one of the prototype's getters.
  if (o.raw) for (const [key, value] of Object.entries(o.raw)) Object.defineProperty(view, key, { value, writable: true, enumerable: true, configurable: true });
  return view as unknown as Record<string, unknown>;
}

/**
 * An order's view. Plain fields are own properties; money bags, addresses and connections are getters
 * and methods on the prototype, built only when a query selects them (a download page reads 5 of the 7
 * bags and no line's variant, a fulfillment lookup none of them).
 */
class OrderView {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string | null;
  readonly updatedAt: string | null;
  readonly processedAt: string | null;
  readonly cancelledAt: string | null;
  readonly cancelReason: string | null;
  readonly closed: boolean;
  readonly closedAt: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly poNumber: string | null;
  readonly note: string | null;
  readonly tags: string[];
  readonly test: boolean;
  readonly currencyCode: string;
  readonly displayFinancialStatus: string | null;
  readonly displayFulfillmentStatus: string;
  readonly customAttributes: unknown;
  #state: FakeShopState;
  #o: FakeOrder;
  #subtotal = 0;
  #discounts = 0;

  constructor(state: FakeShopState, o: FakeOrder, fulfillmentNotRequired: boolean) {
    this.#state = state;
    this.#o = o;
    for (const l of o.lineItems) {
      this.#subtotal += l.unitPriceCents * l.currentQuantity - l.discountCents;
      this.#discounts += l.discountCents;
    }
    this.id = o.id;
    this.name = o.name;
    this.createdAt = state.time(o.createdMs);
    this.updatedAt = state.time(o.updatedMs);
    this.processedAt = this.createdAt;
    this.cancelledAt = state.time(o.cancelledMs);
    this.cancelReason = o.cancelledMs !== null ? 'CUSTOMER' : null;
    this.closed = o.closedMs !== null;
    this.closedAt = state.time(o.closedMs);
    this.email = o.email;
    this.phone = o.phone;
    this.poNumber = o.poNumber;
    this.note = o.note;
    this.tags = o.tags;
    this.test = o.test;
    this.currencyCode = o.currencyCode;
    this.displayFinancialStatus = o.financialStatus;
    // From 2026-10 an unfulfilled order with nothing left to fulfil says so instead of UNFULFILLED.
    const nothingLeft = o.cancelledMs !== null || o.lineItems.every((l) => l.currentQuantity === 0);
    this.displayFulfillmentStatus =
      fulfillmentNotRequired && o.fulfillmentStatus === 'UNFULFILLED' && nothingLeft ? 'FULFILLMENT_NOT_REQUIRED' : o.fulfillmentStatus;
    this.customAttributes = o.customAttributes;
  }

  get legacyResourceId(): string {
    return this.id.slice(this.id.lastIndexOf('/') + 1);
  }

  get #shipping(): number {
    return this.#o.shippingLine?.priceCents ?? 0;
  }

  get #total(): number {
    return this.#subtotal + this.#shipping + this.#o.taxCents;
  }

  get subtotalPriceSet(): MoneyBag {
    return bag(this.#state, this.#subtotal, this.currencyCode);
  }

  get totalDiscountsSet(): MoneyBag {
    return bag(this.#state, this.#discounts, this.currencyCode);
  }

  get totalTaxSet(): MoneyBag {
    return bag(this.#state, this.#o.taxCents, this.currencyCode);
  }

  get totalShippingPriceSet(): MoneyBag {
    return bag(this.#state, this.#shipping, this.currencyCode);
  }

  get totalPriceSet(): MoneyBag {
    return bag(this.#state, this.#total, this.currencyCode);
  }

  get currentTotalPriceSet(): MoneyBag {
    return bag(this.#state, this.#total, this.currencyCode);
  }

  get shippingAddress(): unknown {
    const o = this.#o;
    return o.shippingAddress && { id: `${o.id}/shipping`, name: null, ...o.shippingAddress };
  }

  get billingAddress(): unknown {
    const o = this.#o;
    return o.billingAddress && { id: `${o.id}/billing`, name: null, ...o.billingAddress };
  }

  get shippingLine(): unknown {
    const o = this.#o;
    return o.shippingLine && { id: null, ...o.shippingLine, originalPriceSet: bag(this.#state, o.shippingLine.priceCents, o.currencyCode) };
  }

  lineItems(args: PageArgs) {
    const state = this.#state;
    const o = this.#o;
    return listConnection(o.lineItems.map((l) => lineItemView(state, o, l)), args);
  }

  fulfillmentOrders(args: PageArgs) {
    const state = this.#state;
    const o = this.#o;
    return listConnection(o.fulfillmentOrders.map((fo) => fulfillmentOrderView(state, o, fo)), args);
  }

  fulfillments(args: { first?: number | null }) {
    const state = this.#state;
    const all = this.#o.fulfillments;
    return all.slice(0, args.first ?? all.length).map((f) => fulfillmentView(state, f));
  }
}

function lineItemView(state: FakeShopState, o: FakeOrder, l: FakeLineItem): Record<string, unknown> {
  return new LineItemView(state, o, l) as unknown as Record<string, unknown>;
}

/** Fulfillment orders that can still be fulfilled; a cancelled or closed one holds nothing to ship. */
const OPEN_FULFILLMENT_ORDER = new Set(['OPEN', 'IN_PROGRESS', 'ON_HOLD', 'SCHEDULED', 'INCOMPLETE']);

/**
 * Units of a line still to fulfil, as Shopify counts them: what its open fulfillment orders still hold,
 * never more than the current quantity. Fulfilling in the admin, through another app or with
 * fulfillmentCreate lowers it; so does cancelling the order (its fulfillment orders close).
 */
function unfulfilledOf(o: FakeOrder, l: FakeLineItem): number {
  let remaining = 0;
  for (const fo of o.fulfillmentOrders) {
    if (!OPEN_FULFILLMENT_ORDER.has(fo.status)) continue;
    for (const line of fo.lines) if (line.lineItemId === l.id) remaining += line.remainingQuantity;
  }
  return Math.min(l.currentQuantity, remaining);
}

/** A line item's view; its money bags and variant are built only when selected. */
class LineItemView {
  readonly id: string;
  readonly sku: string | null;
  readonly name: string;
  readonly title: string;
  readonly quantity: number;
  readonly currentQuantity: number;
  readonly requiresShipping = true;
  #state: FakeShopState;
  #o: FakeOrder;
  #l: FakeLineItem;
  #currency: string;

  constructor(state: FakeShopState, o: FakeOrder, l: FakeLineItem) {
    this.#state = state;
    this.#o = o;
    this.#l = l;
    this.#currency = o.currencyCode;
    this.id = l.id;
    this.sku = l.sku;
    this.name = l.name;
    this.title = l.name;
    this.quantity = l.quantity;
    this.currentQuantity = l.currentQuantity;
  }

  get unfulfilledQuantity(): number {
    return unfulfilledOf(this.#o, this.#l);
  }

  /** Deprecated in the real API; the same count for a merchant-managed location. */
  get fulfillableQuantity(): number {
    return unfulfilledOf(this.#o, this.#l);
  }

  /** Units removed from the order (refunded or edited out): they can never be fulfilled. */
  get nonFulfillableQuantity(): number {
    return this.#l.quantity - this.#l.currentQuantity;
  }

  get originalUnitPriceSet(): MoneyBag {
    return bag(this.#state, this.#l.unitPriceCents, this.#currency);
  }

  get discountedUnitPriceSet(): MoneyBag {
    const l = this.#l;
    return bag(this.#state, l.unitPriceCents - Math.round(l.discountCents / Math.max(1, l.quantity)), this.#currency);
  }

  get totalDiscountSet(): MoneyBag {
    return bag(this.#state, this.#l.discountCents, this.#currency);
  }

  get variant(): unknown {
    const l = this.#l;
    return l.variantIndex === null ? null : variantView(this.#state, this.#state.catalog[l.variantIndex]);
  }
}

export function fulfillmentOrderView(state: FakeShopState, o: FakeOrder, fo: FakeFulfillmentOrder): Record<string, unknown> {
  const open = fo.status === 'OPEN' || fo.status === 'IN_PROGRESS';
  const location = state.locations[fo.locationIndex];
  return {
    id: fo.id,
    status: fo.status,
    supportedActions: open
      ? [{ action: 'CREATE_FULFILLMENT' }, { action: 'HOLD' }, { action: 'MOVE' }]
      : [],
    assignedLocation: { name: location.name, location: locationView(location) },
    lineItems: (args: PageArgs) =>
      listConnection(
        fo.lines.map((line) => {
          const item = o.lineItems.find((l) => l.id === line.lineItemId) as FakeLineItem;
          return {
            id: line.id,
            sku: item.sku,
            totalQuantity: line.totalQuantity,
            remainingQuantity: line.remainingQuantity,
            // Built only when asked for: the batched fulfillment lookup reads just its id.
            get lineItem() {
              return lineItemView(state, o, item);
            },
          };
        }),
        args,
      ),
  };
}

export function fulfillmentView(state: FakeShopState, f: FakeFulfillment): Record<string, unknown> {
  return {
    id: f.id,
    name: f.name,
    status: f.status,
    createdAt: f.createdAt,
    trackingInfo: (args: { first?: number | null }) => f.trackingInfo.slice(0, args.first ?? f.trackingInfo.length),
  };
}

export function locationView(l: FakeLocation): Record<string, unknown> {
  return { id: l.id, name: l.name, isActive: l.isActive, fulfillsOnlineOrders: l.isActive };
}

export function variantView(state: FakeShopState, v: FakeVariant): Record<string, unknown> {
  return {
    id: v.id,
    sku: v.sku,
    title: v.title,
    displayName: v.title,
    price: state.money(v.priceCents),
    inventoryItem: {
      id: v.inventoryItemId,
      sku: v.sku,
      tracked: true,
      inventoryLevel: (args: { locationId: string }) => {
        const locationIndex = state.locationIndexOf(args.locationId);
        if (locationIndex === undefined) return null;
        const available = state.inventoryByItem(v.index, locationIndex);
        if (available === undefined) return null;
        return {
          id: gid('InventoryLevel', v.index * 100 + locationIndex),
          location: locationView(state.locations[locationIndex]),
          quantities: (q: { names: string[] }) =>
            q.names.map((name) => ({ name, quantity: name === 'available' || name === 'on_hand' ? available : 0 })),
        };
      },
    },
  };
}
