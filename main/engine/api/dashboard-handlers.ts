import type { DashboardView } from '../../../shared/api-types.js';
import { BUCKET_OF_STATUS, HEALTH_BUCKETS, type HealthBucket, type OrderStatus } from '../../../shared/domain.js';
import { openAlerts } from '../store/repositories/alerts-repo.js';
import { listCarts } from '../store/repositories/carts-repo.js';
import { listMerchants } from '../store/repositories/merchants-repo.js';
import { orderTallies, ordersPerDay, shipTimesSince, statusFlowsAfter } from '../store/repositories/dashboard-repo.js';
import { dashboardCharts, lastDays } from './dashboard-charts.js';
import { lastRun } from '../store/repositories/runs-repo.js';
import { getSchedule } from '../store/repositories/schedules-repo.js';
import type { Handlers, MethodsOf } from './handler-types.js';

function buckets(byStatus: Partial<Record<OrderStatus, number>>): Record<HealthBucket, number> {
  const out = Object.fromEntries(HEALTH_BUCKETS.map((b) => [b, 0])) as Record<HealthBucket, number>;
  for (const [status, n] of Object.entries(byStatus)) out[BUCKET_OF_STATUS[status as OrderStatus]] += n ?? 0;
  return out;
}

export const dashboardHandlers: Handlers<MethodsOf<'dashboard'>> = {
  async 'dashboard.summary'(_input, ctx) {
    const unsaved = ctx.alerts.unsaved();
    return ctx.store.read((db): DashboardView => {
      // One read of the tallies (migration 008) instead of three counts over every order.
      const byStatus: Partial<Record<OrderStatus, number>> = {};
      const perMerchant = new Map<number, Partial<Record<OrderStatus, number>>>();
      const perCart = new Map<number, Partial<Record<OrderStatus, number>>>();
      for (const t of orderTallies(db)) {
        for (const [map, key] of [[perMerchant, t.merchantId], [perCart, t.cartId]] as const) {
          const counts = map.get(key) ?? {};
          counts[t.status] = (counts[t.status] ?? 0) + t.n;
          map.set(key, counts);
        }
        byStatus[t.status] = (byStatus[t.status] ?? 0) + t.n;
      }
      const totals = buckets(byStatus);
      const total = Object.values(totals).reduce((a, b) => a + b, 0);
      const merchants = listMerchants(db).map((m) => ({
        id: m.id,
        name: m.name,
        buckets: buckets(perMerchant.get(m.id) ?? {}),
        carts: listCarts(db, m.id).map((c) => {
          const run = lastRun(db, 'order_download', c.id) ?? null;
          const paused = (getSchedule(db, 'order_download', c.id)?.pause ?? null) !== null;
          // Not connected yet is a setup step, whatever ran or failed before (a run refused by a cart saved before it waited).
          const health = ctx.connectors.awaitsConnection?.(c) ? 'waiting' : c.authError || run?.status === 'failed' ? 'failing' : paused ? 'paused' : run ? 'ok' : 'idle';
          return { id: c.id, name: c.name, platform: c.platform, health: health as DashboardView['merchants'][number]['carts'][number]['health'], lastRun: run, buckets: buckets(perCart.get(c.id) ?? {}) };
        }),
      }));
      const saved = openAlerts(db).filter((a) => !unsaved.some((u) => u.key === a.key));
      return { totals: { ...totals, total }, byStatus, merchants, openAlerts: saved.length + unsaved.length };
    });
  },
  async 'dashboard.charts'(input, ctx) {
    const days = lastDays(ctx.nowIso(), input.days);
    return ctx.store.read((db) =>
      dashboardCharts(
        days,
        {
          merchants: listMerchants(db).map((m) => ({ id: m.id, name: m.name })),
          status: orderTallies(db),
          perDay: ordersPerDay(db, days[0]),
          flows: statusFlowsAfter(db, days[0]),
          ship: shipTimesSince(db, days[0]),
        },
        input.merchantId,
      ),
    );
  },
};
