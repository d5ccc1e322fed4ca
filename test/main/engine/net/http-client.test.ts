import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DockhandError } from '../../../../shared/errors.js';
import { redact } from '../../../../main/engine/log/redact.js';
import { httpRequest, MAX_KEPT_ERROR_BODY_CHARS, OutcomeUnknownError, ServerFailureError, serverReplyOf, type HttpContext } from '../../../../main/engine/net/index.js';

/** A server that answers each request with the next scripted reply. */
interface Scripted {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  delayMs?: number;
}

let server: Server;
let url: string;
let script: Scripted[];
let received: number;

/** Records waits instead of sleeping, so backoff and Retry-After are visible and tests stay fast. */
function fakeWaitContext(): HttpContext & { sleeps: number[]; throttles: string[] } {
  const sleeps: number[] = [];
  const throttles: string[] = [];
  return {
    sleeps,
    throttles,
    clock: { now: () => new Date(), sleep: async (ms) => void sleeps.push(ms) },
    onThrottle: (_ms, reason) => void throttles.push(reason),
  };
}

beforeEach(async () => {
  script = [];
  received = 0;
  server = createServer((req, res) => {
    received += 1;
    const next = script.shift() ?? { status: 200, body: 'ok' };
    req.resume();
    setTimeout(() => {
      res.writeHead(next.status, next.headers);
      res.end(next.body ?? '');
    }, next.delayMs ?? 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('httpRequest', () => {
  it('retries 5xx with growing backoff and returns the first good answer', async () => {
    script = [{ status: 503 }, { status: 502 }, { status: 200, body: 'fine' }];
    const ctx = fakeWaitContext();
    const res = await httpRequest(ctx, { url, backoff: { attempts: 4, baseDelayMs: 100, maxDelayMs: 10_000 } });
    expect(res.text).toBe('fine');
    expect(received).toBe(3);
    expect(ctx.sleeps).toHaveLength(2);
    expect(ctx.sleeps[0]).toBeGreaterThanOrEqual(50);
    expect(ctx.sleeps[0]).toBeLessThanOrEqual(100);
    expect(ctx.sleeps[1]).toBeGreaterThanOrEqual(100);
    expect(ctx.sleeps[1]).toBeLessThanOrEqual(200);
  });

  it('gives up after the configured attempts with a transient error naming the status', async () => {
    script = [{ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 }];
    const ctx = fakeWaitContext();
    const err = await httpRequest(ctx, { url, label: 'Shop X', backoff: { attempts: 3 } }).catch((e) => e);
    expect(err).toBeInstanceOf(DockhandError);
    expect(err.kind).toBe('transient');
    expect(err.message).toContain('Shop X answered HTTP 500');
    expect(err.message).toContain('3 attempts');
    expect(received).toBe(3);
  });

  it('waits out 429 for Retry-After seconds without using up an attempt', async () => {
    script = [
      { status: 429, headers: { 'retry-after': '2.0' } },
      { status: 429, headers: { 'retry-after': '2.0' } },
      { status: 429, headers: { 'retry-after': '1' } },
      { status: 500 },
      { status: 200, body: 'done' },
    ];
    const ctx = fakeWaitContext();
    const res = await httpRequest(ctx, { url, backoff: { attempts: 2, baseDelayMs: 10 } });
    expect(res.text).toBe('done');
    expect(ctx.sleeps.slice(0, 3)).toEqual([2000, 2000, 1000]);
    // By the words of a 429 wait: the server's random port can hold "429" too (it did once in CI).
    expect(ctx.throttles.filter((r) => r.includes('answered 429'))).toHaveLength(3);
  });

  it('fails with rate_limited when 429s outlast the longest allowed wait', async () => {
    script = Array.from({ length: 5 }, () => ({ status: 429, headers: { 'retry-after': '60' } }));
    const err = await httpRequest(fakeWaitContext(), { url, maxRateLimitWaitMs: 100_000 }).catch((e) => e);
    expect(err.kind).toBe('rate_limited');
    expect(received).toBe(2);
  });

  it('returns 4xx answers to the caller without retrying', async () => {
    script = [{ status: 401, body: '{"errors":"bad"}' }];
    const res = await httpRequest(fakeWaitContext(), { url });
    expect(res.status).toBe(401);
    expect(received).toBe(1);
  });

  it('never resends a non-idempotent request that may have been carried out', async () => {
    script = [{ status: 503 }, { status: 200 }];
    const err = await httpRequest(fakeWaitContext(), { url, method: 'POST', body: '{}' }).catch((e) => e);
    expect(err).toBeInstanceOf(OutcomeUnknownError);
    expect(err.kind).toBe('transient');
    expect(received).toBe(1);
  });

  it('times out a slow answer and retries an idempotent request', async () => {
    script = [{ status: 200, body: 'late', delayMs: 400 }, { status: 200, body: 'quick' }];
    const res = await httpRequest(fakeWaitContext(), { url, timeoutMs: 100 });
    expect(res.text).toBe('quick');
    expect(received).toBe(2);
  });

  it('reports a timed-out create as an unknown outcome', async () => {
    script = [{ status: 200, body: 'late', delayMs: 400 }];
    const err = await httpRequest(fakeWaitContext(), { url, method: 'POST', timeoutMs: 100 }).catch((e) => e);
    expect(err).toBeInstanceOf(OutcomeUnknownError);
    expect(err.message).toContain('may or may not');
  });

  it('retries a refused connection even for a create, since nothing was sent', async () => {
    const spare = createServer();
    await new Promise<void>((resolve) => spare.listen(0, '127.0.0.1', resolve));
    const port = (spare.address() as AddressInfo).port;
    await new Promise<void>((resolve) => spare.close(() => resolve()));
    const closed = `http://127.0.0.1:${port}/x`;
    const ctx = fakeWaitContext();
    const err = await httpRequest(ctx, { url: closed, method: 'POST', backoff: { attempts: 2 } }).catch((e) => e);
    expect(err).toBeInstanceOf(DockhandError);
    expect(err).not.toBeInstanceOf(OutcomeUnknownError);
    expect(err.message).toContain('ECONNREFUSED');
    expect(ctx.sleeps).toHaveLength(1);
  });

  it('stops at once when the run is aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('run cancelled'));
    const err = await httpRequest({ ...fakeWaitContext(), signal: controller.signal }, { url }).catch((e) => e);
    expect(err.message).toBe('run cancelled');
    expect(received).toBe(0);
  });

  it('keeps the last 5xx answer (status, headers, body) on the error it gives up with, for the connector to name', async () => {
    const page = '<html><title>Maintenance</title><body>Briefly unavailable for scheduled maintenance. Check back in a minute.</body></html>';
    script = [
      { status: 500, body: 'first answer' },
      { status: 503, headers: { 'retry-after': '600', 'content-type': 'text/html' }, body: page },
    ];
    const err = await httpRequest(fakeWaitContext(), { url, label: 'Shop X', backoff: { attempts: 2 } }).catch((e) => e);
    expect(err).toBeInstanceOf(ServerFailureError);
    expect(err.kind).toBe('transient');
    expect(err.retryAfterMs).toBe(600_000);
    const reply = serverReplyOf(err);
    expect(reply?.status).toBe(503);
    expect(reply?.body).toBe(page);
    expect(reply?.headers.get('retry-after')).toBe('600');
    expect(reply?.truncated).toBe(false);
    // The page is for classifying: not in the message, and not in what a logger writes of the error.
    expect(err.message).not.toContain('Briefly unavailable');
    expect(JSON.stringify(redact(err))).not.toContain('Briefly unavailable');
  });

  it('keeps only the first 64 KB of a huge 5xx body', async () => {
    script = [{ status: 500, body: 'x'.repeat(MAX_KEPT_ERROR_BODY_CHARS + 5000) }];
    const err = await httpRequest(fakeWaitContext(), { url, backoff: { attempts: 1 } }).catch((e) => e);
    const reply = serverReplyOf(err);
    expect(reply?.body).toHaveLength(MAX_KEPT_ERROR_BODY_CHARS);
    expect(reply?.truncated).toBe(true);
  });

  it('keeps the 5xx answer of a create whose outcome it leaves unknown', async () => {
    script = [{ status: 502, body: '<html><title>502 Bad Gateway</title></html>' }];
    const err = await httpRequest(fakeWaitContext(), { url, method: 'POST', body: '{}' }).catch((e) => e);
    expect(err).toBeInstanceOf(OutcomeUnknownError);
    expect(serverReplyOf(err)?.body).toContain('502 Bad Gateway');
  });

  it('has no reply to keep when the request never got an answer', async () => {
    script = [{ status: 200, body: 'late', delayMs: 200 }];
    const err = await httpRequest(fakeWaitContext(), { url, method: 'POST', body: '{}', timeoutMs: 20 }).catch((e) => e);
    expect(err).toBeInstanceOf(OutcomeUnknownError);
    expect(serverReplyOf(err)).toBeUndefined();
  });
});
