import type { Handlers, MethodsOf } from './handler-types.js';

export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const SAMPLES_RETURNED = 20_000;

export const diagnosticsHandlers: Handlers<MethodsOf<'diagnostics'>> = {
  async 'diagnostics.store'(input, ctx) {
    const m = ctx.store.metrics();
    return {
      sizeBytes: ctx.store.sizeBytes(),
      commits: m.commitMs.length,
      commitP50Ms: percentile(m.commitMs, 50),
      commitP99Ms: percentile(m.commitMs, 99),
      journalBytes: m.journalBytes,
      snapshots: m.snapshots,
      lastSnapshotMs: m.lastSnapshotMs ?? null,
      ...(input.includeSamples
        ? { samples: { commitMs: m.commitMs.slice(-SAMPLES_RETURNED), commitBytes: m.commitBytes.slice(-SAMPLES_RETURNED) } }
        : {}),
    };
  },
};
