import type { OrderStatus } from '../../../shared/domain.js';
import { DockhandError } from '../../../shared/errors.js';
import { clearAlert } from '../store/repositories/alerts-repo.js';
import { getCart } from '../store/repositories/carts-repo.js';
import {
  confirmIfAllShipmentsUploaded,
  getOrderDetail,
  getOrderLines,
  getOrderState,
  listOrders,
  markRestCanceled,
  prepareResend,
  restCanceledAt,
  setMappedShipCode,
  setStatus,
} from '../store/repositories/orders-repo.js';
import { mappedShipCode, UNMAPPED_REASON_PREFIX } from '../store/repositories/ship-methods-repo.js';
import { resetShipmentsOfOrder, shipmentsOfOrder, shipmentStatusCounts } from '../store/repositories/shipments-repo.js';
import type { SqlReader, SqlRunner } from '../store/sql.js';
import { lineKey, quantityToShip, shippedByLine } from '../../../shared/line-shipping.js';
import type { EngineContext } from './engine-context.js';
import { ACTION_STATUSES } from '../../../shared/order-actions.js';
import { changedAfterDeliveryAlertKey } from '../services/order-changes.js';
import type { Handlers, MethodsOf } from './handler-types.js';

async function detail(ctx: EngineContext, id: number) {
  const order = await ctx.store.read((db) => getOrderDetail(db, id));
  if (!order) throw new DockhandError('not_found', `Order ${id} does not exist`);
  return order;
}

/** Change an order's status when it is in one of `from`, with the reason kept in its history. */
async function transition(
  ctx: EngineContext,
  id: number,
  from: readonly OrderStatus[],
  decide: (db: SqlRunner, status: OrderStatus) => { to: OrderStatus; note: string },
  refusal: (status: OrderStatus) => string,
  /** A further step in the same transaction, after the status changed. */
  then?: (db: SqlRunner) => void,
) {
  await ctx.store.write((db) => {
    const state = getOrderState(db, id);
    if (!state) throw new DockhandError('not_found', `Order ${id} does not exist`);
    if (!from.includes(state.status)) throw new DockhandError('conflict', refusal(state.status));
    const { to, note } = decide(db, state.status);
    setStatus(db, id, state.status, to, note, ctx.nowIso());
    then?.(db);
  });
  return detail(ctx, id);
}

export const ordersHandlers: Handlers<MethodsOf<'orders'>> = {
  async 'orders.list'(input, ctx) {
    return ctx.store.read((db) => listOrders(db, input));
  },
  async 'orders.get'(input, ctx) {
    return detail(ctx, input.id);
  },
  async 'orders.release'(input, ctx) {
    return transition(
      ctx,
      input.id,
      ACTION_STATUSES.release,
      (db, status) => {
        const state = getOrderState(db, input.id)!;
        const counts = shipmentStatusCounts(db, input.id);
        if (counts.error > 0 || counts.uploaded > 0) {
          // A refused tracking upload: try the upload again. Part of the order may still be at the warehouse.
          resetShipmentsOfOrder(db, input.id);
          const whole = shipping(db, input.id).unshippedLines === 0 || restCanceledAt(db, input.id) !== null;
          return { to: whole ? 'shipped' : 'partially_shipped', note: 'Released: tracking will be uploaded again' };
        }
        const cart = getCart(db, state.cartId);
        const mapped = mappedShipCode(db, state.cartId, state.shipCode);
        if (!mapped && cart?.rejectUnmapped) {
          throw new DockhandError('conflict', `${UNMAPPED_REASON_PREFIX}${state.shipCode}: map it on the Ship methods screen first`);
        }
        setMappedShipCode(db, input.id, mapped ?? state.shipCode);
        clearAlert(db, `unmapped:${state.cartId}:${state.shipCode}`, ctx.nowIso());
        return { to: 'new', note: `Released by a person (was ${status})` };
      },
      (s) => `Only held, failed or skipped orders can be released; this one is ${s}`,
      // Nothing left to upload (it failed for another reason): confirmed at once rather than waiting forever.
      (db) => confirmIfAllShipmentsUploaded(db, input.id, 'Every shipment was already accepted by the cart', ctx.nowIso()),
    );
  },
  async 'orders.hold'(input, ctx) {
    return transition(
      ctx,
      input.id,
      ACTION_STATUSES.hold,
      () => ({ to: 'on_hold', note: input.reason }),
      (s) => `Only orders not yet at the WMS can be held; this one is ${s}`,
    );
  },
  async 'orders.resend'(input, ctx) {
    return transition(
      ctx,
      input.id,
      ACTION_STATUSES.resend,
      (db) => {
        // The next delivery writes the order as it is stored now, the cart's latest version included.
        prepareResend(db, input.id);
        clearAlert(db, changedAfterDeliveryAlertKey(input.id), ctx.nowIso());
        return { to: 'new', note: 'Resend to the WMS requested by a person' };
      },
      (s) => `This order is ${s}; only orders at the WMS, held or failed can be sent again`,
    );
  },
  async 'orders.cancel'(input, ctx) {
    return transition(
      ctx,
      input.id,
      ACTION_STATUSES.cancel,
      (db) => {
        clearAlert(db, `canceled-after-delivery:${input.id}`, ctx.nowIso());
        // A canceled order has nothing left for the warehouse to hear about.
        clearAlert(db, changedAfterDeliveryAlertKey(input.id), ctx.nowIso());
        return { to: 'canceled', note: 'Canceled by a person in Dockhand' };
      },
      (s) => `A ${s} order cannot be canceled here`,
    );
  },
  async 'orders.cancelRest'(input, ctx) {
    return transition(
      ctx,
      input.id,
      ACTION_STATUSES.cancelRest,
      (db) => {
        markRestCanceled(db, input.id, ctx.nowIso());
        const { unshippedUnits, unshippedLines } = shipping(db, input.id);
        const what = `${plural(unshippedUnits, 'unit')} of ${plural(unshippedLines, 'line')}`;
        return { to: 'shipped', note: `The rest was canceled by a person: ${what} will not be shipped (cancel or refund them in the cart)` };
      },
      (s) => `Only a partially shipped order can have its rest canceled; this one is ${s}`,
      (db) => confirmIfAllShipmentsUploaded(db, input.id, 'Every shipment was already accepted by the cart', ctx.nowIso()),
    );
  },
};

/** What of an order the warehouse has not shipped yet. */
function shipping(db: SqlReader, orderId: number): { unshippedUnits: number; unshippedLines: number } {
  const lines = getOrderLines(db, orderId) ?? [];
  const shipped = shippedByLine(lines, shipmentsOfOrder(db, orderId).flatMap((s) => s.items));
  const open = lines.map((l) => Math.max(0, quantityToShip(l) - (shipped.get(lineKey(l)) ?? 0))).filter((n) => n > 0);
  return { unshippedUnits: open.reduce((a, b) => a + b, 0), unshippedLines: open.length };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
