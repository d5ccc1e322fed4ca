/**
 * Etsy's per-app rate limits as the fake keeps them (developers.etsy.com essentials/rate-limits): a
 * number of queries per clock second and per sliding 24 hours, counted per API key. Successful replies
 * carry x-limit-per-second, x-remaining-this-second, x-limit-per-day and x-remaining-today; a refused
 * one is 429 with retry-after and none of those headers.
 */
export interface QuotaSettings {
  perSecond: number;
  perDay: number;
}

const DAY_MS = 86_400_000;

export class AppQuota {
  private second = -1;
  private inSecond = 0;
  /** Times (ms) of the requests of the last 24 hours, oldest first. */
  private readonly day: number[] = [];
  /** Requests refused with 429 so far. */
  refused = 0;

  constructor(readonly settings: QuotaSettings) {}

  /** Counts a request at `nowMs`: its success headers, or the seconds to wait (429). */
  take(nowMs: number): { headers: Record<string, string> } | { retryAfterSeconds: number } {
    while (this.day.length > 0 && this.day[0] <= nowMs - DAY_MS) this.day.shift();
    const second = Math.floor(nowMs / 1000);
    if (second !== this.second) {
      this.second = second;
      this.inSecond = 0;
    }
    if (this.day.length >= this.settings.perDay) {
      this.refused += 1;
      return { retryAfterSeconds: Math.max(1, Math.ceil((this.day[0] + DAY_MS - nowMs) / 1000)) };
    }
    if (this.inSecond >= this.settings.perSecond) {
      this.refused += 1;
      return { retryAfterSeconds: 1 };
    }
    this.inSecond += 1;
    this.day.push(nowMs);
    return {
      headers: {
        'x-limit-per-second': String(this.settings.perSecond),
        'x-remaining-this-second': String(this.settings.perSecond - this.inSecond),
        'x-limit-per-day': String(this.settings.perDay),
        'x-remaining-today': String(this.settings.perDay - this.day.length),
      },
    };
  }
}
