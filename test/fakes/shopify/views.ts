import type { FakeFulfillment, FakeFulfillmentOrder, FakeLineItem, FakeLocation, FakeOrder, FakeVariant } from './fake-model.js';
import { listConnection, type PageArgs } from './connection.js';
import { gid } from './ids.js';
import type { FakeShopState } from './shop-state.js';

/**
 * GraphQL views of the fake's records: plain objects whose properties graphql-js reads directly, and
 * functions for fields with arguments. Built per request; nothing here is stored.
 */

type MoneyBag = { shopMoney: { amount: string; currencyCode: string }; presentmentMoney: { amount: string; currencyCode: string } };

function bag(state: FakeShopState, cents: number, currency: string): MoneyBag {
  const money = { amount: state.money(cents), currencyCode: currency };
  return { shopMoney: money, presentmentMoney: money };
}

export function orderView(state: FakeShopState, o: FakeOrder): Record<string, unknown> {
  const cur = o.currencyCode;
  let subtotal = 0;
  let discounts = 0;
  for (const l of o.lineItems) {
    subtotal += l.unitPriceCents * l.currentQuantity - l.discountCents;
    discounts += l.discountCents;
  }
  const shipping = o.shippingLine?.priceCents ?? 0;
  const total = subtotal + shipping + o.taxCents;
  const lineViews = () => o.lineItems.map((l) => lineItemView(state, l, cur));
  const view: Record<string, unknown> = {
    id: o.id,
    legacyResourceId: o.id.slice(o.id.lastIndexOf('/') + 1),
    name: o.name,
    createdAt: state.time(o.createdMs),
    updatedAt: state.time(o.updatedMs),
    processedAt: state.time(o.createdMs),
    cancelledAt: state.time(o.cancelledMs),
    cancelReason: o.cancelledMs !== null ? 'CUSTOMER' : null,
    closed: o.closedMs !== null,
    closedAt: state.time(o.closedMs),
    email: o.email,
    phone: o.phone,
    poNumber: o.poNumber,
    note: o.note,
    tags: o.tags,
    test: false,
    currencyCode: cur,
    displayFinancialStatus: o.financialStatus,
    displayFulfillmentStatus: o.fulfillmentStatus,
    customAttributes: o.customAttributes,
    subtotalPriceSet: bag(state, subtotal, cur),
    totalDiscountsSet: bag(state, discounts, cur),
    totalTaxSet: bag(state, o.taxCents, cur),
    totalShippingPriceSet: bag(state, shipping, cur),
    totalPriceSet: bag(state, total, cur),
    currentTotalPriceSet: bag(state, total, cur),
    shippingAddress: o.shippingAddress && { id: `${o.id}/shipping`, name: null, ...o.shippingAddress },
    billingAddress: o.billingAddress && { id: `${o.id}/billing`, name: null, ...o.billingAddress },
    shippingLine: o.shippingLine && { id: null, ...o.shippingLine, originalPriceSet: bag(state, o.shippingLine.priceCents, cur) },
    lineItems: (args: PageArgs) => listConnection(lineViews(), args),
    fulfillmentOrders: (args: PageArgs) => listConnection(o.fulfillmentOrders.map((fo) => fulfillmentOrderView(state, o, fo)), args),
    fulfillments: (args: { first?: number | null }) =>
      o.fulfillments.slice(0, args.first ?? o.fulfillments.length).map((f) => fulfillmentView(state, f)),
  };
  if (o.raw) Object.assign(view, o.raw);
  return view;
}

function lineItemView(state: FakeShopState, l: FakeLineItem, currency: string): Record<string, unknown> {
  return {
    id: l.id,
    sku: l.sku,
    name: l.name,
    title: l.name,
    quantity: l.quantity,
    currentQuantity: l.currentQuantity,
    requiresShipping: true,
    originalUnitPriceSet: bag(state, l.unitPriceCents, currency),
    discountedUnitPriceSet: bag(state, l.unitPriceCents - Math.round(l.discountCents / Math.max(1, l.quantity)), currency),
    totalDiscountSet: bag(state, l.discountCents, currency),
    variant: l.variantIndex === null ? null : variantView(state, state.catalog[l.variantIndex]),
  };
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
              return lineItemView(state, item, o.currencyCode);
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
