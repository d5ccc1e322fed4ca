/**
 * BigCommerce's per-store request quota (api-rate-limits docs): each request takes one unit of a quota
 * that is refreshed every window (Standard/Plus 150 per 30 s, Pro 450 per 30 s); once it is spent the
 * API answers 429 until the window resets. Every answer tells the client where it stands in the
 * X-Rate-Limit-* headers. The window starts with the first request after the previous one ended.
 */

export interface QuotaReading {
  allowed: boolean;
  left: number;
  quota: number;
  windowMs: number;
  resetMs: number;
}

export class RequestQuota {
  private windowStart = -Infinity;
  private used = 0;

  constructor(
    readonly quota: number,
    readonly windowMs: number,
  ) {}

  /** Takes one unit if there is one; a refused request takes nothing. */
  take(nowMs: number): QuotaReading {
    this.roll(nowMs);
    const allowed = this.used < this.quota;
    if (allowed) this.used += 1;
    return this.reading(nowMs, allowed);
  }

  /** Test hook: other apps of the same store spent these units (the quota is shared by every app). */
  spend(units: number, nowMs: number): void {
    this.roll(nowMs);
    this.used = Math.min(this.quota, this.used + units);
  }

  private roll(nowMs: number): void {
    if (nowMs >= this.windowStart + this.windowMs) {
      this.windowStart = nowMs;
      this.used = 0;
    }
  }

  private reading(nowMs: number, allowed: boolean): QuotaReading {
    return {
      allowed,
      left: this.quota - this.used,
      quota: this.quota,
      windowMs: this.windowMs,
      resetMs: Math.max(0, Math.ceil(this.windowStart + this.windowMs - nowMs)),
    };
  }
}

export function quotaHeaders(r: QuotaReading): Record<string, string> {
  return {
    'X-Rate-Limit-Requests-Left': String(r.left),
    'X-Rate-Limit-Requests-Quota': String(r.quota),
    'X-Rate-Limit-Time-Reset-Ms': String(r.resetMs),
    'X-Rate-Limit-Time-Window-Ms': String(r.windowMs),
  };
}
