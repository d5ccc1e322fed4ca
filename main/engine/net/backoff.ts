/** Exponential backoff for retried attempts (network errors, 5xx). */
export interface BackoffPolicy {
  /** Total attempts including the first. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { attempts: 4, baseDelayMs: 500, maxDelayMs: 8_000 };

/**
 * Delay before retry number `retry` (1-based). Full jitter in the upper half keeps many clients that failed
 * together from retrying together, while never retrying sooner than half the nominal delay.
 */
export function backoffDelayMs(policy: BackoffPolicy, retry: number, random: () => number = Math.random): number {
  const nominal = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(nominal / 2 + (random() * nominal) / 2);
}
