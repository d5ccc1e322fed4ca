import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/** Small measuring tools for the benchmark: percentiles, the host loop's delay, peak RSS. */

/** Nearest-rank percentile (the same rule as diagnostics.store). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const round = (x: number, digits = 2): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/**
 * Event-loop delay of this (the host's) thread. Node records each whole timer interval, so a 1 ms
 * resolution keeps an idle loop at ~1 ms and a stall at its own length (10 ms would read 10 ms idle).
 */
export class LoopDelay {
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 1 });

  start(): void {
    this.histogram.reset();
    this.histogram.enable();
  }

  stop(): { p50Ms: number; p99Ms: number; maxMs: number } {
    this.histogram.disable();
    const ms = (ns: number) => ns / 1e6;
    return { p50Ms: ms(this.histogram.percentile(50)), p99Ms: ms(this.histogram.percentile(99)), maxMs: ms(this.histogram.max) };
  }
}

/** Peak resident set size of this process (host and engine worker thread together), in MiB. */
export class PeakRss {
  private peak = 0;
  private timer: NodeJS.Timeout | undefined;

  start(everyMs = 100): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
  }

  sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
  }

  stop(): number {
    clearInterval(this.timer);
    this.sample();
    // maxRSS (KiB) also catches a spike between two samples.
    return Math.max(this.peak / 2 ** 20, process.resourceUsage().maxRSS / 1024);
  }
}
