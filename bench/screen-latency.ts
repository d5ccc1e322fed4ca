import type { MethodInput, MethodName, MethodOutput } from '../shared/contract.js';
import { percentile, round } from './measure.js';

/**
 * How long the screens wait on a full database: the calls the Dashboard and Orders screens make, each
 * timed several times through the engine worker (the same path as a click in a window).
 */

type Call = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

export interface ScreenCallTiming {
  label: string;
  p50Ms: number;
  maxMs: number;
  total?: number;
}

const REPEATS = 5;

export async function measureScreenCalls(call: Call, sample: { orderNumber: string; sku: string; orderId: number }): Promise<ScreenCallTiming[]> {
  const cases: { label: string; run: () => Promise<unknown> }[] = [
    { label: 'dashboard.summary', run: () => call('dashboard.summary', {}) },
    { label: 'orders.list first page', run: () => call('orders.list', { limit: 50, offset: 0 }) },
    { label: 'orders.list page 1000', run: () => call('orders.list', { limit: 50, offset: 50_000 }) },
    { label: 'orders.list status=confirmed', run: () => call('orders.list', { status: 'confirmed', limit: 50, offset: 0 }) },
    { label: 'orders.list bucket=needs_attention', run: () => call('orders.list', { bucket: 'needs_attention', limit: 50, offset: 0 }) },
    { label: 'orders.list search order number', run: () => call('orders.list', { search: sample.orderNumber, limit: 50, offset: 0 }) },
    { label: 'orders.list search SKU', run: () => call('orders.list', { search: sample.sku, limit: 50, offset: 0 }) },
    { label: 'orders.get', run: () => call('orders.get', { id: sample.orderId }) },
    { label: 'runs.list', run: () => call('runs.list', { limit: 50, offset: 0 }) },
    { label: 'schedules.list', run: () => call('schedules.list', {}) },
  ];
  const timings: ScreenCallTiming[] = [];
  for (const c of cases) {
    const ms: number[] = [];
    let total: number | undefined;
    for (let i = 0; i < REPEATS; i++) {
      const t0 = performance.now();
      const result = (await c.run()) as { total?: number };
      ms.push(performance.now() - t0);
      total = typeof result?.total === 'number' ? result.total : undefined;
    }
    timings.push({ label: c.label, p50Ms: round(percentile(ms, 50)), maxMs: round(Math.max(...ms)), total });
  }
  return timings;
}
