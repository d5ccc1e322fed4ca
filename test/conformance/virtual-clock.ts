import type { Clock } from '../../main/engine/platform/ports.js';

/**
 * A clock that a cart's fake and its connector share: time runs on with the wall clock, and a sleep
 * moves it forward at once instead of waiting. A rate-limit or backoff wait of seconds costs the suite
 * nothing, while the fake (whose rate limiter reads the same clock) sees the time pass and refills.
 */
export interface VirtualClock extends Clock {
  /** Every sleep asked for, in ms: proof that a wait happened without anyone waiting. */
  readonly slept: number[];
  /**
   * Runs `work` with the time held still, so everything it stamps is stamped in one instant: a bulk
   * action's "one second" stays one second however slowly a loaded machine seeds 1,200 orders (the
   * wall clock could otherwise carry them over a second's edge, which is another case).
   */
  held<T>(work: () => T | Promise<T>): Promise<T>;
}

export function createVirtualClock(): VirtualClock {
  let skipped = 0;
  let heldAt: number | undefined;
  const slept: number[] = [];
  return {
    slept,
    now: () => new Date((heldAt ?? Date.now()) + skipped),
    async held(work) {
      heldAt = Date.now();
      try {
        return await work();
      } finally {
        heldAt = undefined;
      }
    },
    sleep(ms, signal) {
      if (signal?.aborted) return Promise.reject(signal.reason ?? new Error('aborted'));
      skipped += Math.max(0, ms);
      slept.push(ms);
      // Yield to the event loop, so a sleeping loop still lets sockets and timers run.
      return new Promise((resolve) => setImmediate(resolve));
    },
  };
}
