import type { OrderStatus } from '../../../shared/domain.js';
import { DockhandError } from '../../../shared/errors.js';
import { clearAlert } from '../store/repositories/alerts-repo.js';
import { getCart } from '../store/repositories/carts-repo.js';
import { getOrderDetail, getOrderState, listOrders, prepareResend, setMappedShipCode, setStatus } from '../store/repositories/orders-repo.js';
import { mappedShipCode, UNMAPPED_REASON_PREFIX } from '../store/repositories/ship-methods-repo.js';
import { resetShipmentsOfOrder, shipmentStatusCounts } from '../store/repositories/shipments-repo.js';
import type { SqlRunner } from '../store/sql.js';
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
) {
  await ctx.store.write((db) => {
    const state = getOrderState(db, id);
    if (!state) throw new DockhandError('not_found', `Order ${id} does not exist`);
    if (!from.includes(state.status)) throw new DockhandError('conflict', refusal(state.status));
    const { to, note } = decide(db, state.status);
    setStatus(db, id, state.status, to, note, ctx.nowIso());
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
          // A refused tracking upload: try the upload again.
          resetShipmentsOfOrder(db, input.id);
          return { to: 'shipped', note: 'Released: tracking will be uploaded again' };
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
};
