/**
 * What the store's answers say about its request quota (X-Rate-Limit-* headers, api-rate-limits docs):
 * how many requests are left in the window, when it resets, the quota and the window length. The quota
 * is the store's, shared by every app and every run, so one tracker per store should serve every client
 * of it; the connector kit's per-shop limiter can read `snapshot` and call `waitMs` to pace requests.
 *
 * Between answers the tracker counts its own requests down, so a burst does not overrun the window,
 * and assumes a fresh window (the last known quota) once the announced reset time has passed.
 */

export interface QuotaSnapshot {
  /** Requests left in the current window, as of `observedAt`, less requests sent since. */
  left: number;
  quota: number;
  windowMs: number;
  /** When the current window ends (ms since epoch, this machine's clock). */
  resetsAt: number;
  observedAt: number;
}

export interface HeaderSource {
  get(name: string): string | null;
}

export class RequestQuotaTracker {
  private state: QuotaSnapshot | undefined;

  /** The last reading, or undefined before the first answer that carried the headers. */
  get snapshot(): QuotaSnapshot | undefined {
    return this.state ? { ...this.state } : undefined;
  }

  /** Reads the quota headers of an answer; answers without them (401, a proxy's error page) change nothing. */
  observe(headers: HeaderSource, receivedAt: number): void {
    const left = readInt(headers.get('x-rate-limit-requests-left'));
    const resetMs = readInt(headers.get('x-rate-limit-time-reset-ms'));
    if (left === undefined || resetMs === undefined) return;
    this.state = {
      left,
      quota: readInt(headers.get('x-rate-limit-requests-quota')) ?? this.state?.quota ?? left,
      windowMs: readInt(headers.get('x-rate-limit-time-window-ms')) ?? this.state?.windowMs ?? resetMs,
      resetsAt: receivedAt + resetMs,
      observedAt: receivedAt,
    };
  }

  /**
   * How long to wait before the next request, 0 when it may go now. A request that may go is counted
   * against what is left, so concurrent callers share the window instead of each spending all of it.
   */
  waitMs(now: number): number {
    const s = this.state;
    if (!s) return 0;
    if (now >= s.resetsAt) {
      // The announced window is over; a new one has as many requests as the quota (at least one: the
      // store, not a stale reading, decides whether a request goes through).
      s.left = Math.max(1, s.quota);
      s.resetsAt = now + s.windowMs;
      s.observedAt = now;
    }
    if (s.left > 0) {
      s.left -= 1;
      return 0;
    }
    return s.resetsAt - now;
  }
}

function readInt(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value.trim());
}
