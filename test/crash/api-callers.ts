import type { OrderDetailView, OrderSummaryView, Page, RunView } from '../../shared/api-types.js';
import { shipmentKey, type AckLedger, type AckView } from './ack-ledger.js';
import { LOOP_SERVICES, targetOf, type WorldIds } from './crash-world.js';
import { ApiError, type HostApi } from './host-process.js';

/**
 * The people and scripts around a running host: several callers press "Run now" at once (on the same
 * or different services, next to the host's own schedules) and look at the orders after each run, as
 * the screens do. Everything the host answered goes into the ledger: it was acknowledged.
 */

/** Every order of the merchant, read page by page. */
export async function listAllOrders(api: HostApi, merchantId: number): Promise<OrderSummaryView[]> {
  const all: OrderSummaryView[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await api.call<Page<OrderSummaryView>>('orders.list', { merchantId, limit: 500, offset });
    all.push(...page.items);
    if (page.items.length < 500) return all;
  }
}

/**
 * What a host shows right after it started, before the callers begin: every order, and the details of
 * up to `detailLimit` orders the ledger knows a batch or shipments of (picked at random).
 */
export async function readAckView(
  api: HostApi,
  ids: WorldIds,
  ledger: AckLedger,
  random: () => number,
  detailLimit = 15,
): Promise<AckView> {
  const orders = await listAllOrders(api, ids.merchantId);
  const view: AckView = { orders: new Map(), detailed: new Set(), batchOf: new Map(), shipments: new Map() };
  const idOf = new Map<string, number>();
  for (const o of orders) {
    view.orders.set(o.orderNumber, o.status);
    idOf.set(o.orderNumber, o.id);
  }
  const known = [...new Set([...ledger.batches.keys(), ...[...ledger.shipments.keys()].map((k) => k.split('\u0000')[0])])];
  for (let i = 0; i < detailLimit && known.length > 0; i++) {
    const [n] = known.splice(Math.floor(random() * known.length), 1);
    const id = idOf.get(n);
    if (id === undefined) continue;
    const d = await api.call<OrderDetailView>('orders.get', { id });
    view.detailed.add(n);
    view.batchOf.set(n, d.batchId);
    for (const s of d.shipments) view.shipments.set(shipmentKey(n, s.trackingNumber), s.status);
  }
  return view;
}

export interface CallersOutcome {
  /** Answers no healthy host gives (internal errors, refused input). */
  problems: string[];
  runs: number;
}

/**
 * Runs `count` callers until `alive()` turns false (the host is being killed): each presses Run now
 * on a random loop service, then now and then lists the newest orders or opens one, recording every answer.
 * A request cut by the kill is not an answer: nothing is recorded for it.
 */
export async function runCallers(
  api: HostApi,
  ids: WorldIds,
  ledger: AckLedger,
  random: () => number,
  count: number,
  alive: () => boolean,
): Promise<CallersOutcome> {
  const outcome: CallersOutcome = { problems: [], runs: 0 };
  const caller = async () => {
    while (alive()) {
      const service = LOOP_SERVICES[Math.floor(random() * LOOP_SERVICES.length)];
      try {
        const run = await api.call<RunView>('services.runNow', { service, targetId: targetOf(service, ids) });
        ledger.recordRun(run);
        outcome.runs++;
        if (random() < 0.5) {
          // Newest first, as the Orders screen opens.
          const orders = (await api.call<Page<OrderSummaryView>>('orders.list', { merchantId: ids.merchantId, limit: 200, offset: 0 })).items;
          ledger.recordOrders(orders);
          const shipped = orders.filter((o) => o.status !== 'new');
          if (shipped.length > 0 && random() < 0.5) {
            const pick = shipped[Math.floor(random() * shipped.length)];
            ledger.recordDetail(await api.call<OrderDetailView>('orders.get', { id: pick.id }));
          }
        }
      } catch (err) {
        if (!alive()) return;
        // A healthy host answers transient errors while it shuts down, and nothing when it is killed.
        if (err instanceof ApiError && err.kind !== 'transient') outcome.problems.push(`the API answered ${err.status} ${err.kind}: ${err.message}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  };
  await Promise.all(Array.from({ length: count }, caller));
  return outcome;
}
