import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { limitedRequest, QuotaHeaderLimiter, TokenBucketLimiter } from '../../../../../../main/engine/connectors/carts/kit/shop-limiters.js';
import { systemClock } from '../../../../../../main/engine/platform/ports.js';
import type { HttpContext } from '../../../../../../main/engine/net/index.js';

/** A shop that answers each request with the next scripted reply (status + headers), then 200s. */
let server: http.Server;
let url: string;
let script: { status: number; headers?: Record<string, string> }[];
let received: number[];

beforeEach(async () => {
  script = [];
  received = [];
  server = http.createServer((req, res) => {
    received.push(Date.now());
    const next = script.shift() ?? { status: 200 };
    res.writeHead(next.status, { 'content-type': 'application/json', ...next.headers });
    res.end(next.status === 200 ? '{"ok":true}' : '{"status":429,"title":"Too many requests"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2/orders`;
});

afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function context() {
  const waits: { ms: number; reason: string }[] = [];
  const http: HttpContext = { clock: systemClock, signal: new AbortController().signal, onThrottle: (ms, reason) => void waits.push({ ms, reason }) };
  return { http, waits };
}

describe('a request through the shop limiter', () => {
  it("puts a 429's Retry-After on the limiter, so another run of the shop holds back too", async () => {
    const limiter = new TokenBucketLimiter('Acme', { ratePerSecond: 1000, burst: 1000 });
    script = [{ status: 429, headers: { 'retry-after': '0.3' } }];
    const first = context();
    const second = context();
    const firstDone = limitedRequest(limiter, first.http, { url, label: 'Acme' });
    while (first.waits.length === 0) await new Promise((r) => setTimeout(r, 5)); // refused, hold on
    const secondDone = limitedRequest(limiter, second.http, { url, label: 'Acme' });
    expect((await firstDone).status).toBe(200);
    expect((await secondDone).status).toBe(200);
    // The second run never knocked during the hold: both of the later requests came after it.
    expect(received).toHaveLength(3);
    expect(Math.min(received[1], received[2]) - received[0]).toBeGreaterThanOrEqual(250);
    expect(second.waits.some((w) => w.reason === 'Acme asked to wait (Retry-After), for every run of the shop')).toBe(true);
  });

  it('feeds the quota headers of every reply to the limiter, which then waits for the reset', async () => {
    const limiter = new QuotaHeaderLimiter('BigCommerce store-abc');
    script = [{ status: 200, headers: { 'x-rate-limit-requests-left': '0', 'x-rate-limit-time-reset-ms': '250' } }];
    const { http, waits } = context();
    const observe = (r: Parameters<QuotaHeaderLimiter['observeResponse']>[0], at: number) => limiter.observeResponse(r, at);
    await limitedRequest(limiter, http, { url }, { observe });
    await limitedRequest(limiter, http, { url }, { observe });
    expect(waits).toHaveLength(1);
    expect(waits[0].ms).toBeGreaterThan(150);
    expect(received[1] - received[0]).toBeGreaterThanOrEqual(200);
  });

  it('gives up with rate_limited when the shop keeps refusing longer than allowed', async () => {
    const limiter = new TokenBucketLimiter('Acme', { ratePerSecond: 1000, burst: 1000 });
    script = [1, 2, 3, 4].map(() => ({ status: 429, headers: { 'retry-after': '0.05' } }));
    const { http } = context();
    const err = await limitedRequest(limiter, http, { url, label: 'Acme' }, { maxRateLimitWaitMs: 120 }).catch((e) => e);
    expect(err).toMatchObject({ kind: 'rate_limited' });
    expect(err.message).toContain('Acme is still rate limiting');
    expect(received).toHaveLength(3);
  });
});
