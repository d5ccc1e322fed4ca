import { DockhandError, isDockhandError } from '../../../../../shared/errors.js';
import { OutcomeUnknownError } from '../../../net/index.js';
import type { ShipmentBatchResult, ShipmentToUpload } from '../cart-connector.js';
import type { ShopifyGraphqlClient } from './graphql-client.js';
import {
  BATCH_ORDER_COST,
  BATCH_PAGES,
  FULFILLMENT_CREATE_COST,
  fulfillmentCreateBatchMutation,
  ORDERS_FULFILLMENT_BATCH_QUERY,
  ORDERS_PER_FULFILLMENT_BATCH,
} from './queries.js';
import {
  allocate,
  findByTracking,
  isRecord,
  loadState,
  NOTIFY_CUSTOMER,
  orderNotFound,
  parseOrderState,
  readCreatePayload,
  trackingInfoOf,
  type OrderFulfillmentState,
} from './shipment-upload.js';

/**
 * Batched shipment upload: per round, the fulfillment state of up to 25 orders in one nodes(ids:) query,
 * then every create of the round in one document of aliased fulfillmentCreate fields. Two requests per
 * 25 shipments instead of two per shipment, with the same rules as uploadShipment: idempotent by tracking
 * number, userErrors as that shipment's data error, and a create whose outcome is unknown looked up before
 * anyone creates it again.
 *
 * A round holds at most one shipment per order, so each allocation is made against the state Shopify
 * reported after the previous shipment of that order was applied.
 */

type StateOrError = OrderFulfillmentState | DockhandError;

const GID_ORDER = /^gid:\/\/shopify\/Order\/\d+$/;

export async function uploadShipmentBatch(client: ShopifyGraphqlClient, shipments: ShipmentToUpload[]): Promise<ShipmentBatchResult[]> {
  const results: (ShipmentBatchResult | undefined)[] = new Array(shipments.length);
  let pending = shipments.map((_, i) => i);
  while (pending.length > 0) {
    const round: number[] = [];
    const later: number[] = [];
    const orders = new Set<string>();
    for (const i of pending) {
      const orderId = shipments[i].cartOrderId;
      if (orders.has(orderId) || round.length >= ORDERS_PER_FULFILLMENT_BATCH) later.push(i);
      else {
        orders.add(orderId);
        round.push(i);
      }
    }
    try {
      await uploadRound(client, shipments, round, results);
    } catch (err) {
      // Earlier rounds were accepted: hand them back so they are saved, and fail the rest with the cause.
      if (!results.some((r) => r && 'ok' in r)) throw err;
      const error = isDockhandError(err) ? err : new DockhandError('transient', String(err), { cause: err });
      for (let i = 0; i < results.length; i++) results[i] ??= { error };
      return results as ShipmentBatchResult[];
    }
    pending = later;
  }
  return results as ShipmentBatchResult[];
}

async function uploadRound(
  client: ShopifyGraphqlClient,
  shipments: ShipmentToUpload[],
  round: number[],
  results: (ShipmentBatchResult | undefined)[],
): Promise<void> {
  const states = await loadStates(client, round.map((i) => shipments[i]));
  const creates: { index: number; state: OrderFulfillmentState; input: Record<string, unknown> }[] = [];
  round.forEach((index, k) => {
    const shipment = shipments[index];
    const state = states[k];
    if (state instanceof DockhandError) {
      results[index] = { error: state };
      return;
    }
    const existing = findByTracking(state, shipment.trackingNumber);
    if (existing) {
      results[index] = { ok: { outcome: 'accepted', remoteId: existing, alreadyExisted: true } };
      return;
    }
    try {
      const lineItemsByFulfillmentOrder = allocate(state, shipment);
      creates.push({
        index,
        state,
        input: { lineItemsByFulfillmentOrder, trackingInfo: trackingInfoOf(shipment), notifyCustomer: NOTIFY_CUSTOMER },
      });
    } catch (err) {
      if (!isDockhandError(err)) throw err;
      results[index] = { error: err };
    }
  });
  if (creates.length === 0) return;

  const variables: Record<string, unknown> = {};
  creates.forEach((c, k) => (variables[`f${k}`] = c.input));
  let data: unknown;
  try {
    data = await client.query<unknown>(fulfillmentCreateBatchMutation(creates.length), variables, {
      costKey: `fulfillment-create-x${creates.length}`,
      estimatedCost: FULFILLMENT_CREATE_COST * creates.length,
      mutation: true,
    });
  } catch (err) {
    if (!(err instanceof OutcomeUnknownError)) throw err;
    // "Maybe created": look every one up; report what exists, never create it a second time here.
    const after = await loadStates(client, creates.map((c) => shipments[c.index]));
    creates.forEach((c, k) => {
      const state = after[k];
      const created = state instanceof DockhandError ? undefined : findByTracking(state, shipments[c.index].trackingNumber);
      results[c.index] = created ? { ok: { outcome: 'accepted', remoteId: created, alreadyExisted: false } } : { error: err };
    });
    return;
  }
  creates.forEach((c, k) => {
    try {
      const payload = isRecord(data) ? data[`f${k}`] : undefined;
      results[c.index] = { ok: readCreatePayload(client, payload, shipments[c.index], c.state.name) };
    } catch (err) {
      if (!isDockhandError(err)) throw err;
      results[c.index] = { error: err };
    }
  });
}

/**
 * The fulfillment state of each shipment's order (one distinct order per shipment), in one query; an
 * order that is not found is that shipment's data error.
 */
async function loadStates(client: ShopifyGraphqlClient, shipments: ShipmentToUpload[]): Promise<StateOrError[]> {
  const out: (StateOrError | undefined)[] = shipments.map((s) => (GID_ORDER.test(s.cartOrderId) ? undefined : orderNotFound(s)));
  const asked = shipments.map((_, k) => k).filter((k) => out[k] === undefined);
  if (asked.length === 0) return out as StateOrError[];
  const data = await client.query<unknown>(
    ORDERS_FULFILLMENT_BATCH_QUERY,
    { ids: asked.map((k) => shipments[k].cartOrderId) },
    { costKey: `orders-fulfillment-x${asked.length}`, estimatedCost: BATCH_ORDER_COST * asked.length },
  );
  const nodes = isRecord(data) ? data.nodes : undefined;
  if (!Array.isArray(nodes) || nodes.length !== asked.length) throw client.malformed('the orders lookup has no nodes for every id');
  for (const [n, k] of asked.entries()) {
    const node = nodes[n];
    const shipment = shipments[k];
    if (node === null) out[k] = orderNotFound(shipment);
    else if (fitsBatchPages(node)) out[k] = parseOrderState(client, node, shipment.orderNumber);
    else out[k] = await loadState(client, shipment).catch((err: unknown) => dataErrorOrThrow(err));
  }
  return out as StateOrError[];
}

/** False when the batch query's small pages may have cut something off (then the full query is used). */
function fitsBatchPages(node: unknown): boolean {
  if (!isRecord(node) || !Array.isArray(node.fulfillments) || !isRecord(node.fulfillmentOrders)) return true; // parse reports it
  if (node.fulfillments.length >= BATCH_PAGES.fulfillments) return false;
  for (const f of node.fulfillments) {
    if (isRecord(f) && Array.isArray(f.trackingInfo) && f.trackingInfo.length >= BATCH_PAGES.trackingNumbers) return false;
  }
  const fos = node.fulfillmentOrders;
  if (isRecord(fos.pageInfo) && fos.pageInfo.hasNextPage === true) return false;
  for (const fo of Array.isArray(fos.nodes) ? fos.nodes : []) {
    if (isRecord(fo) && isRecord(fo.lineItems) && isRecord(fo.lineItems.pageInfo) && fo.lineItems.pageInfo.hasNextPage === true) {
      return false;
    }
  }
  return true;
}

function dataErrorOrThrow(err: unknown): DockhandError {
  if (isDockhandError(err) && err.kind === 'data') return err;
  throw err;
}
