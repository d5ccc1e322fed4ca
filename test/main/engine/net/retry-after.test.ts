import { describe, expect, it } from 'vitest';
import { parseRetryAfterMs } from '../../../../main/engine/net/index.js';

describe('parseRetryAfterMs', () => {
  const now = new Date('2026-11-20T10:00:00Z');

  it('reads seconds, including the "2.0" Shopify sends', () => {
    expect(parseRetryAfterMs('2.0', now)).toBe(2000);
    expect(parseRetryAfterMs('120', now)).toBe(120_000);
    expect(parseRetryAfterMs('0.5', now)).toBe(500);
  });

  it('reads an HTTP date as the time left until then', () => {
    expect(parseRetryAfterMs('Fri, 20 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
  });

  it('ignores a missing or unreadable header', () => {
    expect(parseRetryAfterMs(null, now)).toBeUndefined();
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
    expect(parseRetryAfterMs('', now)).toBeUndefined();
  });
});
