import { getDirectiveValues, GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { FakeDialect } from './api-versions.js';
import { connectionOf, decodeCursor, listConnection } from './connection.js';
import type { FakeFulfillmentOrder, FakeOrder } from './fake-model.js';
import { FULFILLMENT_ORDER_BASE, gid, gidNumber, INVENTORY_ITEM_BASE } from './ids.js';
import { compare, parseSearchQuery, parseSearchTime, type SearchQuery, type SearchTerm } from './search-query.js';
import type { FakeShopState } from './shop-state.js';
import { fulfillmentView, locationView, orderView, variantView } from './views.js';

/**
 * Root resolvers (graphql-js rootValue) for the Query and Mutation fields the fake implements, one set per
 * API version served (api-versions.ts).
 */

const MAX_PAGE = 250;
const INVENTORY_REASONS = new Set([
  'correction', 'cycle_count_available', 'damaged', 'movement_created', 'movement_received', 'movement_updated',
  'other', 'promotion', 'quality_control', 'received', 'reservation_created', 'reservation_deleted',
  'reservation_updated', 'restock', 'safety_stock', 'shrinkage',
]);

export function createRootValue(state: FakeShopState, dialect: FakeDialect): Record<string, unknown> {
  const view = (o: FakeOrder) => orderView(state, o, dialect);
  const requireScope = (scope: string, field: string) => {
    const implied = scope.startsWith('read_') ? `write_${scope.slice(5)}` : undefined;
    if (state.scopes.includes(scope) || (implied && state.scopes.includes(implied))) return;
    throw new GraphQLError(`Access denied for ${field} field. Required access: \`${scope}\` access scope.`, {
      extensions: { code: 'ACCESS_DENIED', documentation: 'https://shopify.dev/api/usage/access-scopes', requiredAccess: `\`${scope}\` access scope.` },
    });
  };

  return {
    shop: () => ({
      id: 'gid://shopify/Shop/548380009',
      name: state.shopName,
      myshopifyDomain: state.shopDomain,
      currencyCode: 'USD',
      ianaTimezone: 'America/New_York',
      plan: { displayName: state.planName, publicDisplayName: state.planName, partnerDevelopment: false, shopifyPlus: false },
    }),

    currentAppInstallation: () => ({
      id: 'gid://shopify/AppInstallation/1',
      accessScopes: state.scopes.map((handle) => ({ handle, description: handle })),
    }),

    order: (args: { id: string }) => {
      requireScope('read_orders', 'order');
      const o = state.order(args.id);
      return o ? view(o) : null;
    },

    // Only orders are served through the Node interface: other ids answer null, as unknown ids do.
    nodes: (args: { ids: string[] }) => {
      requireScope('read_orders', 'nodes');
      if (args.ids.length > MAX_PAGE) {
        throw new GraphQLError(`The input array size of ${args.ids.length} is greater than the maximum allowed of ${MAX_PAGE}.`, {
          extensions: { code: 'MAX_INPUT_SIZE_EXCEEDED' },
        });
      }
      return args.ids.map((id) => {
        const o = gidNumber(id, 'Order') === undefined ? undefined : state.order(id);
        if (!o) return null;
        const node = view(o);
        node.__typename = 'Order'; // graphql-js resolves the Node interface by __typename
        return node;
      });
    },

    orders: (args: { first?: number; after?: string; last?: number; sortKey: string; reverse: boolean; query?: string }) => {
      requireScope('read_orders', 'orders');
      const first = pageSize(args.first, args.last);
      if (args.reverse || args.last) throw new GraphQLError('The fake Shopify pages forward only (first/after, reverse: false)');
      const search = parseSearchQuery(args.query);
      const matches = orderMatcher(state, search);
      const picked: number[] = [];
      let hasNextPage = false;
      if (args.sortKey === 'UPDATED_AT') {
        const order = state.updatedOrder;
        let pos = 0;
        const after = args.after ? decodeCursor(args.after) : undefined;
        if (Array.isArray(after)) pos = state.lowerBound(Number(after[0]), Number(after[1]) + 1);
        const floor = updatedFloor(state, search);
        if (floor !== undefined) pos = Math.max(pos, state.lowerBound(floor));
        for (; pos < order.length; pos++) {
          if (!matches(order[pos])) continue;
          if (picked.length === first) {
            hasNextPage = true;
            break;
          }
          picked.push(order[pos]);
        }
        const nodes = picked.map((i) => view(state.orderAt(i)));
        return connectionOf(nodes, picked.map((i) => [state.updatedMsOf(i), i]), hasNextPage, Boolean(args.after));
      }
      // ID (and, close enough for generated orders, CREATED_AT / PROCESSED_AT): creation order.
      const after = args.after ? decodeCursor(args.after) : undefined;
      for (let i = Array.isArray(after) ? Number(after[1]) + 1 : 0; i < state.orderCount; i++) {
        if (!matches(i)) continue;
        if (picked.length === first) {
          hasNextPage = true;
          break;
        }
        picked.push(i);
      }
      const nodes = picked.map((i) => view(state.orderAt(i)));
      return connectionOf(nodes, picked.map((i) => [0, i]), hasNextPage, Boolean(args.after));
    },

    productVariants: (args: { first?: number; after?: string; query?: string }) => {
      requireScope('read_products', 'productVariants');
      const first = pageSize(args.first, undefined);
      const search = parseSearchQuery(args.query);
      const found = state.catalog.filter((v) =>
        search.every((group) =>
          group.some((t) => {
            if (t.field === 'sku') return (v.sku ?? '').toLowerCase() === t.value.toLowerCase();
            if (t.field === 'id') return v.id.endsWith(`/${t.value}`);
            return v.title.toLowerCase().includes(t.value.toLowerCase());
          }),
        ),
      );
      return listConnection(found.map((v) => variantView(state, v)), { first, after: args.after });
    },

    locations: (args: { first?: number; after?: string; includeInactive: boolean }) => {
      requireScope('read_locations', 'locations');
      const list = state.locations.filter((l) => l.isActive || args.includeInactive).map(locationView);
      return listConnection(list, { first: pageSize(args.first, undefined), after: args.after });
    },

    inventoryItem: (args: { id: string }) => {
      requireScope('read_inventory', 'inventoryItem');
      const n = gidNumber(args.id, 'InventoryItem');
      const v = n === undefined ? undefined : state.catalog[n - INVENTORY_ITEM_BASE];
      return v ? (variantView(state, v).inventoryItem as Record<string, unknown>) : null;
    },

    fulfillmentCreate: (args: { fulfillment: FulfillmentInput }) => {
      requireScope('write_merchant_managed_fulfillment_orders', 'fulfillmentCreate');
      return fulfillmentCreate(state, args.fulfillment);
    },

    fulfillmentTrackingInfoUpdate: (args: { fulfillmentId: string; trackingInfoInput: TrackingInput; notifyCustomer?: boolean | null }) => {
      requireScope('write_merchant_managed_fulfillment_orders', 'fulfillmentTrackingInfoUpdate');
      return fulfillmentTrackingInfoUpdate(state, args.fulfillmentId, args.trackingInfoInput, args.notifyCustomer);
    },

    // graphql-js passes the field's info (its directives) to a rootValue function; the fast executor
    // takes only directive-free documents, so a missing info means a missing @idempotent.
    inventorySetQuantities: (args: { input: InventorySetInput }, _context?: unknown, info?: GraphQLResolveInfo) => {
      requireScope('write_inventory', 'inventorySetQuantities');
      return inventorySetQuantities(state, dialect, args.input, idempotencyKey(info));
    },
  };
}

function pageSize(first: number | undefined, last: number | undefined): number {
  const n = first ?? last;
  if (n === undefined || n === null) throw new GraphQLError('you must provide one of first or last');
  if (n > MAX_PAGE) throw new GraphQLError(`The maximum page size is ${MAX_PAGE}`);
  return Math.max(0, n);
}

/** The tightest updated_at lower bound that every result must meet, to start the scan there. */
function updatedFloor(state: FakeShopState, search: SearchQuery): number | undefined {
  let floor: number | undefined;
  for (const group of search) {
    if (group.length !== 1) continue;
    const t = group[0];
    if (t.field === 'updated_at' && (t.op === '>=' || t.op === '>')) {
      const ms = parseSearchTime(t.value, state.offsetMinutes);
      if (!Number.isNaN(ms)) floor = Math.max(floor ?? ms, ms);
    }
  }
  return floor;
}

function orderMatcher(state: FakeShopState, search: SearchQuery): (index: number) => boolean {
  if (search.length === 0) return () => true;
  return (index) => {
    let record: FakeOrder | undefined;
    const get = () => (record ??= state.orderAt(index));
    return search.every((group) => group.some((term) => termMatches(state, term, index, get)));
  };
}

function termMatches(state: FakeShopState, t: SearchTerm, index: number, get: () => FakeOrder): boolean {
  switch (t.field) {
    case 'updated_at':
    case 'created_at': {
      const expected = parseSearchTime(t.value, state.offsetMinutes);
      const actual = t.field === 'updated_at' ? state.updatedMsOf(index) : state.createdMsOf(index);
      return compare(actual, t.op, expected);
    }
    case 'name':
      return `#${1001 + index}` === (t.value.startsWith('#') ? t.value : `#${t.value}`);
    case 'id':
      return get().id.endsWith(`/${t.value}`);
    case 'status': {
      const o = get();
      const status = o.cancelledMs !== null ? 'cancelled' : o.closedMs !== null ? 'closed' : 'open';
      return t.value === 'any' || status === t.value.toLowerCase();
    }
    case 'financial_status':
      return (get().financialStatus ?? '').toLowerCase() === t.value.toLowerCase();
    case 'fulfillment_status':
      return get().fulfillmentStatus.toLowerCase() === t.value.toLowerCase();
    default:
      return true; // unknown filters are ignored, as Shopify does
  }
}

// ---- mutations ---------------------------------------------------------------------------------

type TrackingInput = { company?: string | null; number?: string | null; url?: string | null; numbers?: string[] | null; urls?: string[] | null };

/** A FulfillmentTrackingInput as the fulfillment's tracking info: `numbers`/`urls` (several packages) or `number`/`url`. */
function trackingInfoOf(tracking: TrackingInput) {
  const numbers = tracking.numbers?.length ? tracking.numbers : tracking.number ? [tracking.number] : [];
  return numbers.map((number, i) => ({
    company: tracking.company ?? null,
    number,
    url: tracking.urls?.[i] ?? (i === 0 ? (tracking.url ?? null) : null),
  }));
}

/**
 * fulfillmentTrackingInfoUpdate as Shopify documents it: the input replaces the fulfillment's tracking
 * info as a whole (numbers left out are gone: a caller adding a number sends the old ones too), and the
 * order's updatedAt moves. A cancelled fulfillment takes no tracking.
 */
function fulfillmentTrackingInfoUpdate(state: FakeShopState, fulfillmentId: string, input: TrackingInput, notifyCustomer?: boolean | null) {
  const fail = (message: string, field: string[]) => ({ fulfillment: null, userErrors: [{ field, message }] });
  const order = state.orderOfFulfillment(fulfillmentId);
  const fulfillment = order?.fulfillments.find((f) => f.id === fulfillmentId);
  if (!order || !fulfillment) return fail('Fulfillment does not exist.', ['fulfillmentId']);
  if (fulfillment.status === 'CANCELLED') return fail('Cannot update tracking of a cancelled fulfillment.', ['fulfillmentId']);
  if (input.numbers?.length && input.number) return fail('Cannot specify both number and numbers.', ['trackingInfoInput']);
  fulfillment.trackingInfo = trackingInfoOf(input);
  if (notifyCustomer) fulfillment.notifyCustomer = true;
  state.touch(order);
  return { fulfillment: fulfillmentView(state, fulfillment), userErrors: [] };
}

interface FulfillmentInput {
  lineItemsByFulfillmentOrder: { fulfillmentOrderId: string; fulfillmentOrderLineItems?: { id: string; quantity: number }[] | null }[];
  trackingInfo?: TrackingInput | null;
  notifyCustomer?: boolean | null;
}

function fulfillmentCreate(state: FakeShopState, input: FulfillmentInput) {
  const fail = (message: string, field = ['fulfillment']) => ({ fulfillment: null, userErrors: [{ field, message }] });
  if (input.lineItemsByFulfillmentOrder.length === 0) return fail('Line items by fulfillment order must not be empty.');
  let order: FakeOrder | undefined;
  const plan: { fo: FakeFulfillmentOrder; lineId: string; quantity: number }[] = [];
  for (const group of input.lineItemsByFulfillmentOrder) {
    const n = gidNumber(group.fulfillmentOrderId, 'FulfillmentOrder');
    // The stored record (materialised once), not a fresh copy of a generated order per lookup.
    const index = n === undefined ? undefined : state.indexOf(n - FULFILLMENT_ORDER_BASE);
    const owner = index === undefined ? undefined : state.mutable(index);
    const fo = owner?.fulfillmentOrders.find((f) => f.id === group.fulfillmentOrderId);
    if (!owner || !fo) return fail(`Fulfillment order does not exist.`, ['fulfillment', 'lineItemsByFulfillmentOrder']);
    if (order && order.index !== owner.index) return fail('All fulfillment orders must belong to the same order.');
    order = owner;
    if (fo.status !== 'OPEN' && fo.status !== 'IN_PROGRESS') {
      return fail(`Fulfillment order ${fo.id} has an unfulfillable status= ${fo.status.toLowerCase()}.`);
    }
    const wanted = group.fulfillmentOrderLineItems?.length
      ? group.fulfillmentOrderLineItems
      : fo.lines.filter((l) => l.remainingQuantity > 0).map((l) => ({ id: l.id, quantity: l.remainingQuantity }));
    for (const item of wanted) {
      const line = fo.lines.find((l) => l.id === item.id);
      if (!line) return fail('Invalid fulfillment order line item id.');
      const already = plan.filter((p) => p.lineId === line.id).reduce((s, p) => s + p.quantity, 0);
      if (item.quantity <= 0 || item.quantity + already > line.remainingQuantity) {
        return fail('Invalid fulfillment order line item quantity requested.');
      }
      plan.push({ fo, lineId: line.id, quantity: item.quantity });
    }
  }
  const target = state.mutable((order as FakeOrder).index);
  const fulfillment = {
    id: state.nextFulfillmentId(),
    name: `${target.name}.${target.fulfillments.length + 1}`,
    status: 'SUCCESS' as const,
    createdAt: state.time(state.now()) as string,
    notifyCustomer: input.notifyCustomer ?? false,
    trackingInfo: trackingInfoOf(input.trackingInfo ?? {}),
    lines: [] as { fulfillmentOrderLineId: string; lineItemId: string; quantity: number }[],
  };
  for (const p of plan) {
    const fo = target.fulfillmentOrders.find((f) => f.id === p.fo.id) as FakeFulfillmentOrder;
    const line = fo.lines.find((l) => l.id === p.lineId)!;
    line.remainingQuantity -= p.quantity;
    fulfillment.lines.push({ fulfillmentOrderLineId: line.id, lineItemId: line.lineItemId, quantity: p.quantity });
  }
  for (const fo of target.fulfillmentOrders) {
    if (fo.status !== 'OPEN' && fo.status !== 'IN_PROGRESS') continue;
    fo.status = fo.lines.every((l) => l.remainingQuantity === 0) ? 'CLOSED' : 'IN_PROGRESS';
  }
  target.fulfillments.push(fulfillment);
  const allDone = target.fulfillmentOrders.every((fo) => fo.status === 'CLOSED' || fo.status === 'CANCELLED');
  target.fulfillmentStatus = allDone ? 'FULFILLED' : 'PARTIALLY_FULFILLED';
  state.touch(target);
  return { fulfillment: fulfillmentView(state, fulfillment), userErrors: [] };
}

interface InventorySetInput {
  name: string;
  reason: string;
  ignoreCompareQuantity?: boolean | null;
  quantities: { inventoryItemId: string; locationId: string; quantity: number; compareQuantity?: number | null; changeFromQuantity?: number | null }[];
}

type InventorySetPayload = { inventoryAdjustmentGroup: unknown; userErrors: { code: string; field: string[] | null; message: string }[] };

let adjustmentGroups = 0;

/** The key of the field's @idempotent(key:) directive, when the version has it and the document uses it. */
function idempotencyKey(info: GraphQLResolveInfo | undefined): string | undefined {
  const directive = info?.schema.getDirective('idempotent');
  if (!info || !directive) return undefined;
  const values = getDirectiveValues(directive, info.fieldNodes[0], info.variableValues);
  return typeof values?.key === 'string' ? values.key : undefined;
}

/**
 * A key seen before answers what it answered then (nothing is applied twice); the same key with other
 * parameters is refused. From 2026-04 a call without a key is an error at run time, as Shopify documents
 * (its wording is not documented; this is ours).
 */
function inventorySetQuantities(state: FakeShopState, dialect: FakeDialect, input: InventorySetInput, key: string | undefined) {
  if (dialect.compareAndSwapRequired && key === undefined) {
    throw new GraphQLError('inventorySetQuantities requires the @idempotent directive with a key as of API version 2026-04.', {
      extensions: { code: 'BAD_REQUEST' },
    });
  }
  if (key === undefined) return applyInventorySet(state, dialect, input);
  const fingerprint = JSON.stringify(input);
  const seen = state.idempotentResults.get(key);
  if (seen) {
    if (seen.fingerprint === fingerprint) return seen.result;
    return {
      inventoryAdjustmentGroup: null,
      userErrors: [{ code: 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH', field: null, message: 'The same idempotency key cannot be used with different operation parameters.' }],
    };
  }
  const result = applyInventorySet(state, dialect, input);
  state.idempotentResults.set(key, { fingerprint, result });
  return result;
}

function applyInventorySet(state: FakeShopState, dialect: FakeDialect, input: InventorySetInput): InventorySetPayload {
  if (input.quantities.length > MAX_PAGE) {
    throw new GraphQLError(`The input array size of ${input.quantities.length} is greater than the maximum allowed of ${MAX_PAGE}.`, {
      extensions: { code: 'MAX_INPUT_SIZE_EXCEEDED' },
    });
  }
  type Err = { code: string; field: string[]; message: string };
  const errors: Err[] = [];
  if (input.name !== 'available' && input.name !== 'on_hand') {
    errors.push({ code: 'INVALID_QUANTITY_NAME', field: ['input', 'name'], message: 'The quantity name must be either \'available\' or \'on_hand\'.' });
  }
  if (!INVENTORY_REASONS.has(input.reason)) {
    errors.push({ code: 'INVALID_REASON', field: ['input', 'reason'], message: 'The specified reason is invalid.' });
  }
  const seen = new Set<string>();
  const apply: { variant: number; location: number; quantity: number }[] = [];
  input.quantities.forEach((q, i) => {
    const field = (name: string) => ['input', 'quantities', String(i), name];
    const n = gidNumber(q.inventoryItemId, 'InventoryItem');
    const variant = n === undefined ? undefined : state.catalog[n - INVENTORY_ITEM_BASE];
    const location = state.locationIndexOf(q.locationId);
    if (!variant) return errors.push({ code: 'INVALID_INVENTORY_ITEM', field: field('inventoryItemId'), message: 'The specified inventory item could not be found.' });
    if (location === undefined) return errors.push({ code: 'INVALID_LOCATION', field: field('locationId'), message: 'The specified location could not be found.' });
    const key = `${variant.index}:${location}`;
    if (seen.has(key)) return errors.push({ code: 'NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR', field: field('inventoryItemId'), message: 'The combination of inventoryItemId and locationId must be unique.' });
    seen.add(key);
    const current = state.inventoryByItem(variant.index, location);
    const problem = compareAndSwapProblem(dialect, input, q, current);
    if (problem) return errors.push({ ...problem, field: field(problem.field) });
    if (current === undefined && !dialect.stockAtAnyLocation) {
      return errors.push({ code: 'ITEM_NOT_STOCKED_AT_LOCATION', field: field('locationId'), message: 'The specified inventory item is not stocked at the location.' });
    }
    if (variant.sku && state.rejectInventoryFor.has(variant.sku)) {
      return errors.push({ code: 'INVALID_QUANTITY_TOO_HIGH', field: field('quantity'), message: "The quantity can't be higher than 1,000,000,000." });
    }
    apply.push({ variant: variant.index, location, quantity: q.quantity });
  });
  // All or nothing, like Shopify.
  if (errors.length > 0) return { inventoryAdjustmentGroup: null, userErrors: errors };
  for (const a of apply) state.applyInventory(a.variant, a.location, a.quantity);
  adjustmentGroups += 1;
  return {
    inventoryAdjustmentGroup: { id: gid('InventoryAdjustmentGroup', 90_000 + adjustmentGroups), reason: input.reason, createdAt: state.time(state.now()) },
    userErrors: [],
  };
}

/**
 * The compare-and-swap rules of the version: from 2026-01 a changeFromQuantity that is given (null
 * included) decides and must match what is there unless null; from 2026-04 it must be given. Before,
 * compareQuantity must match unless ignoreCompareQuantity is true.
 */
function compareAndSwapProblem(
  dialect: FakeDialect,
  input: InventorySetInput,
  q: InventorySetInput['quantities'][number],
  current: number | undefined,
): { code: string; field: string; message: string } | undefined {
  const persisted = current ?? 0;
  if (dialect.changeFromQuantity && q.changeFromQuantity !== undefined) {
    if (q.changeFromQuantity === null || q.changeFromQuantity === persisted) return undefined;
    return { code: 'CHANGE_FROM_QUANTITY_STALE', field: 'changeFromQuantity', message: 'The changeFromQuantity value does not match persisted value.' };
  }
  if (dialect.compareAndSwapRequired) {
    return {
      code: 'COMPARE_QUANTITY_REQUIRED',
      field: 'changeFromQuantity',
      message: 'The changeFromQuantity argument must be given to each quantity: the quantity expected, or null to skip the check.',
    };
  }
  if (input.ignoreCompareQuantity) return undefined;
  if (q.compareQuantity === undefined || q.compareQuantity === null) {
    return { code: 'COMPARE_QUANTITY_REQUIRED', field: 'compareQuantity', message: 'The compareQuantity argument must be given to each quantity or ignored using ignoreCompareQuantity.' };
  }
  if (q.compareQuantity === persisted) return undefined;
  return { code: 'COMPARE_QUANTITY_STALE', field: 'compareQuantity', message: 'The compareQuantity value does not match persisted value.' };
}
