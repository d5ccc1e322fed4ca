import type { DashboardChartsView } from '../../../shared/api-types.js';
import { BUCKET_OF_STATUS, type HealthBucket, type OrderStatus } from '../../../shared/domain.js';
import { SHIP_TIME_SPAN_HOURS } from '../store/migrations/008-dashboard-tallies.js';
import type { DayTally, ShipTimeTally, StatusFlow, StatusTally } from '../store/repositories/dashboard-repo.js';

const DAY_MS = 86_400_000;

/** Who an order in each bucket waits on (done orders wait on nobody). */
const WAITS_ON: Partial<Record<HealthBucket, keyof Omit<DashboardChartsView['waiting'][number], 'day'>>> = {
  to_deliver: 'dockhand',
  at_warehouse: 'warehouse',
  to_confirm: 'cart',
  needs_attention: 'person',
};

/** The `count` UTC days up to and including the day of `nowIso`, oldest first. */
export function lastDays(nowIso: string, count: number): string[] {
  const today = Date.parse(nowIso.slice(0, 10));
  return Array.from({ length: count }, (_, i) => new Date(today - (count - 1 - i) * DAY_MS).toISOString().slice(0, 10));
}

function spanLabel(i: number): string {
  const hours = (h: number) => (h % 24 === 0 ? `${h / 24} d` : `${h} h`);
  if (i === 0) return `< ${hours(SHIP_TIME_SPAN_HOURS[0])}`;
  if (i >= SHIP_TIME_SPAN_HOURS.length) return `> ${hours(SHIP_TIME_SPAN_HOURS.at(-1)!)}`;
  return `${hours(SHIP_TIME_SPAN_HOURS[i - 1])}–${hours(SHIP_TIME_SPAN_HOURS[i])}`;
}

export interface ChartTallies {
  merchants: { id: number; name: string }[];
  status: StatusTally[];
  perDay: DayTally[];
  /** Flows of the days after the first day of the period. */
  flows: StatusFlow[];
  ship: ShipTimeTally[];
}

/**
 * The Dashboard's charts from the tallies (migration 008), optionally for one merchant. The count waiting
 * at the end of a past day is today's less the status flows of the days after it.
 */
export function dashboardCharts(days: string[], t: ChartTallies, merchantId?: number): DashboardChartsView {
  const mine = <R extends { merchantId: number }>(rows: R[]) => (merchantId === undefined ? rows : rows.filter((r) => r.merchantId === merchantId));
  const merchants = merchantId === undefined ? t.merchants : t.merchants.filter((m) => m.id === merchantId);

  const perDay = new Map(days.map((day) => [day, { day, byMerchant: {} as Record<string, number>, total: 0 }]));
  for (const r of mine(t.perDay)) {
    const row = perDay.get(r.day);
    if (!row) continue;
    row.byMerchant[r.merchantId] = (row.byMerchant[r.merchantId] ?? 0) + r.n;
    row.total += r.n;
  }

  const spans = Array.from({ length: SHIP_TIME_SPAN_HOURS.length + 1 }, (_, i) => ({ label: spanLabel(i), n: 0 }));
  for (const r of mine(t.ship)) if (r.day >= days[0] && r.day <= days.at(-1)! && spans[r.span]) spans[r.span].n += r.n;
  const shipped = spans.reduce((a, s) => a + s.n, 0);
  let seen = 0;
  const median = shipped === 0 ? null : spans.find((s) => (seen += s.n) * 2 >= shipped)!.label;

  const counts = new Map<OrderStatus, number>();
  for (const r of mine(t.status)) counts.set(r.status, (counts.get(r.status) ?? 0) + r.n);
  const flows = mine(t.flows);
  const waiting = days.map((day) => {
    const at = new Map(counts);
    for (const f of flows) if (f.day > day) at.set(f.status, (at.get(f.status) ?? 0) - f.net);
    const row = { day, dockhand: 0, warehouse: 0, cart: 0, person: 0 };
    for (const [status, n] of at) {
      const who = WAITS_ON[BUCKET_OF_STATUS[status]];
      if (who) row[who] += Math.max(0, n);
    }
    return row;
  });

  return { days, merchants, ordersPerDay: [...perDay.values()], shipTime: spans, shipTimeMedian: median, waiting };
}
