/**
 * A platform row's view of what its fake counted: the requests it received (when each arrived) and the
 * ones it refused with 429. Every fake keeps these under names of its own (fake.requests, fake.store.
 * requests; stats.rateLimited, store.throttled...), so the row names them once and the shared steps
 * (download-row.ts, shipment-upload.ts) read them the same way for every platform.
 */
export interface RequestLog {
  /** Requests received so far. */
  count(): number;
  /** When the requests from the `from`th on arrived (performance.now() ms), those the row's budget counts. */
  times(from?: number): number[];
  /** 429s (or the platform's "quota exceeded") answered so far. */
  rateLimited(): number;
}

/** The log of a fake that keeps its requests in an array of `{ atMs }` records (read anew each call). */
export function requestLog<R extends { atMs: number }>(requests: () => readonly R[], rateLimited: () => number, counts: (r: R) => boolean = () => true): RequestLog {
  return {
    count: () => requests().length,
    times: (from = 0) => requests().slice(from).filter(counts).map((r) => r.atMs),
    rateLimited,
  };
}
