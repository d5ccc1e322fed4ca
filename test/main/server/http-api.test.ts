import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { get, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DockhandError } from '../../../shared/errors.js';
import type { ApiContract } from '../../../main/host/api-contract.js';
import { createHttpApi, type HttpApi } from '../../../main/server/http-api.js';
import { DEFAULT_BODY_TIMEOUT_MS } from '../../../main/server/json-body.js';
import { fakeEngine, type FakeEngine } from './fixtures/fake-engine.js';
import { rawRequest } from './fixtures/raw-request.js';

const TOKEN = 'A'.repeat(43);

const testContract: ApiContract = {
  'merchants.create': {
    input: z.object({ name: z.string().min(1), code: z.string().default('X') }),
    description: 'Add a merchant.',
  },
  'merchants.list': { input: z.object({}).strict(), description: 'Every merchant.' },
  'orders.crash': { input: z.object({}), description: 'Fails inside.' },
  'orders.slow': { input: z.object({}), description: 'Rate limited.' },
  'odd.transform': { input: z.string().transform((s) => s.length), description: 'Has a transform.' },
  'odd.broken': { input: { not: 'a zod schema' } as unknown as z.ZodType, description: 'Not convertible.' },
  'odd.clone': { input: z.unknown(), description: 'Copies its input across a thread boundary, as the engine worker does.' },
};

function engineForTests(): FakeEngine {
  return fakeEngine({
    'merchants.create': (input) => {
      const parsed = testContract['merchants.create'].input.safeParse(input);
      if (!parsed.success) {
        throw new DockhandError('validation', 'Check the highlighted fields', { fields: { name: 'Enter the merchant name' } });
      }
      return { id: 1, ...(parsed.data as object) };
    },
    'merchants.list': () => [],
    'orders.crash': () => {
      throw new Error('SQLITE_CORRUPT at /home/someone/secret/path.db');
    },
    'orders.slow': () => {
      throw new DockhandError('rate_limited', 'Slow down', { retryAfterMs: 2500 });
    },
    'odd.clone': (input) => structuredClone(input),
  });
}

let api: HttpApi | undefined;
let tempDir: string | undefined;

afterEach(async () => {
  await api?.close(100);
  api = undefined;
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
  tempDir = undefined;
});

async function start(options: { engine?: FakeEngine; staticDir?: string; heartbeatMs?: number; maxBodyBytes?: number; bodyTimeoutMs?: number } = {}) {
  const engine = options.engine ?? engineForTests();
  const logged: { message: string; fields?: Record<string, unknown> }[] = [];
  api = createHttpApi({
    engine,
    contract: testContract,
    token: TOKEN,
    staticDir: options.staticDir,
    heartbeatMs: options.heartbeatMs,
    maxBodyBytes: options.maxBodyBytes,
    bodyTimeoutMs: options.bodyTimeoutMs,
    log: { log: (_level, message, fields) => logged.push({ message, fields }), child: () => ({}) as never },
  });
  const port = await api.listen(0);
  const host = `127.0.0.1:${port}`;
  const auth = { Host: host, Authorization: `Bearer ${TOKEN}` };
  const post = (method: string, body: unknown, headers: Record<string, string> = {}) =>
    rawRequest({
      port,
      path: `/api/${method}`,
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return { port, host, auth, engine, post, logged };
}

describe('the HTTP API', () => {
  it('answers /health without a token', async () => {
    const { port, host } = await start();
    const res = await rawRequest({ port, path: '/health', headers: { Host: host } });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ ok: true, status: 'ok' });
  });

  it('answers /health with 503, degraded and the reason while the engine cannot save', async () => {
    const engine = engineForTests();
    engine.currentHealth = { status: 'degraded', reason: 'the disk holding /data/db is full (ENOSPC)', since: '2025-01-02T03:04:05.000Z' };
    const { port, host } = await start({ engine });
    const res = await rawRequest({ port, path: '/health', headers: { Host: host } });
    expect(res.status).toBe(503);
    expect(res.json()).toEqual({
      ok: false,
      status: 'degraded',
      reason: 'the disk holding /data/db is full (ENOSPC)',
      since: '2025-01-02T03:04:05.000Z',
    });
    engine.currentHealth = { status: 'ok' };
    expect((await rawRequest({ port, path: '/health', headers: { Host: host } })).status).toBe(200);
  });

  it('refuses an API call without a token with 401 and an auth error body', async () => {
    const { port, host } = await start();
    const res = await rawRequest({ port, path: '/api', headers: { Host: host } });
    expect(res.status).toBe(401);
    expect(res.json().error.kind).toBe('auth');
  });

  it('refuses a wrong token in the header, the query and a cookie', async () => {
    const { port, host } = await start();
    const wrong = 'B'.repeat(43);
    const viaHeader = await rawRequest({ port, path: '/api', headers: { Host: host, Authorization: `Bearer ${wrong}` } });
    const viaQuery = await rawRequest({ port, path: `/api?token=${wrong}`, headers: { Host: host } });
    const viaCookie = await rawRequest({ port, path: '/api', headers: { Host: host, Cookie: `dockhand_token_${port}=${wrong}` } });
    expect([viaHeader.status, viaQuery.status, viaCookie.status]).toEqual([401, 401, 401]);
  });

  it('accepts the token as a query parameter on the event stream only (EventSource cannot send headers)', async () => {
    const { port, host } = await start();
    const events = await new Promise<IncomingMessage>((resolve, reject) =>
      get({ host: '127.0.0.1', port, path: `/api/events?token=${TOKEN}`, headers: { Host: host } }, resolve).on('error', reject),
    );
    expect(events.statusCode).toBe(200);
    events.destroy();
    const listing = await rawRequest({ port, path: `/api?token=${TOKEN}`, headers: { Host: host } });
    expect(listing.status).toBe(401);
  });

  it('refuses the token in the query string of POST /api/<method>, where it would end up in logs and histories', async () => {
    const { port, host, engine } = await start();
    const res = await rawRequest({
      port,
      path: `/api/merchants.list?token=${TOKEN}`,
      method: 'POST',
      headers: { Host: host, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(401);
    expect(res.json().error).toMatchObject({ kind: 'auth', message: expect.stringMatching(/Authorization: Bearer/) });
    expect(engine.calls).toEqual([]);
  });

  it('trades ?token= on a page for an HttpOnly SameSite=Strict cookie and redirects to a URL without it', async () => {
    const { port, host } = await start();
    const login = await rawRequest({ port, path: `/?token=${TOKEN}`, headers: { Host: host } });
    expect(login.status).toBe(303);
    expect(login.headers.location).toBe('/');
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toContain(`dockhand_token_${port}=${TOKEN}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');

    const withCookie = await rawRequest({ port, path: '/api', headers: { Host: host, Cookie: cookie.split(';')[0] } });
    expect(withCookie.status).toBe(200);
    const page = await rawRequest({ port, path: '/', headers: { Host: host, Cookie: cookie.split(';')[0] } });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
  });

  it('refuses a request whose Host is not 127.0.0.1 or localhost on its port (DNS rebinding)', async () => {
    const { port, auth } = await start();
    const rebound = await rawRequest({ port, path: '/api', headers: { ...auth, Host: `evil.example:${port}` } });
    const otherPort = await rawRequest({ port, path: '/api', headers: { ...auth, Host: `127.0.0.1:${port + 1}` } });
    const localhost = await rawRequest({ port, path: '/api', headers: { ...auth, Host: `localhost:${port}` } });
    expect(rebound.status).toBe(403);
    expect(otherPort.status).toBe(403);
    expect(localhost.status).toBe(200);
  });

  it('refuses a POST from another origin and accepts one from its own', async () => {
    const { port, post } = await start();
    const foreign = await post('merchants.list', {}, { Origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const own = await post('merchants.list', {}, { Origin: `http://127.0.0.1:${port}` });
    expect(own.status).toBe(200);
  });

  it('calls the engine method with the JSON body and returns its result', async () => {
    const { post, engine } = await start();
    const res = await post('merchants.create', { name: 'Acme' });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({ id: 1, name: 'Acme', code: 'X' });
    expect(engine.calls).toEqual([{ method: 'merchants.create', input: { name: 'Acme' } }]);
  });

  it('reads an empty body as {} so methods without input need none', async () => {
    const { post, engine } = await start();
    const res = await post('merchants.list', '');
    expect(res.status).toBe(200);
    expect(engine.calls[0].input).toEqual({});
  });

  it('answers a validation error with 400 and a { error: { kind, message, fields } } body', async () => {
    const { post } = await start();
    const res = await post('merchants.create', { name: '' });
    expect(res.status).toBe(400);
    expect(res.json()).toEqual({
      error: { kind: 'validation', message: 'Check the highlighted fields', fields: { name: 'Enter the merchant name' } },
    });
  });

  it('answers a rate-limited error with 429 and Retry-After in seconds', async () => {
    const { post } = await start();
    const res = await post('orders.slow', {});
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('3');
  });

  it('answers an unknown method with 404 not_found without calling the engine', async () => {
    const { post, engine } = await start();
    for (const name of ['merchants.nope', 'constructor', '__proto__', 'a..b']) {
      const res = await post(name, {});
      expect(res.status).toBe(404);
      expect(res.json().error.kind).toBe('not_found');
    }
    expect(engine.calls).toEqual([]);
  });

  it('hides the detail of an unexpected error behind a generic 500 and logs it', async () => {
    const { post, logged } = await start();
    const res = await post('orders.crash', {});
    expect(res.status).toBe(500);
    expect(res.json()).toEqual({ error: { kind: 'internal', message: expect.any(String) } });
    expect(res.text).not.toContain('SQLITE_CORRUPT');
    expect(res.text).not.toContain('/home/someone');
    expect((logged[0].fields?.error as Error).message).toContain('SQLITE_CORRUPT');
  });

  it('refuses a body that is not JSON with 400, a wrong content type with 415, a too large one with 413', async () => {
    const { post } = await start({ maxBodyBytes: 1024 });
    const badJson = await post('merchants.create', '{"name":');
    expect(badJson.status).toBe(400);
    expect(badJson.json().error.kind).toBe('validation');
    const form = await post('merchants.create', 'name=Acme', { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    const huge = await post('merchants.create', JSON.stringify({ name: 'x'.repeat(5000) }));
    expect(huge.status).toBe(413);
  });

  it('refuses JSON nested thousands deep with 400 before it reaches the engine (it overflowed the stack: 500)', async () => {
    const { post, engine } = await start();
    const deep = `{"value":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const res = await post('odd.clone', deep);
    expect(res.status).toBe(400);
    expect(res.json().error).toMatchObject({ kind: 'validation', message: expect.stringMatching(/nested more than 64 levels/) });
    expect(engine.calls).toEqual([]);
    // Brackets inside strings are text, not nesting.
    const text = await post('odd.clone', { value: '['.repeat(1000) });
    expect(text.status).toBe(200);
  });

  it('answers a request body that trickles in too slowly with 408 and closes the connection', async () => {
    const { port, host } = await start({ bodyTimeoutMs: 300 });
    const started = Date.now();
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(
          `POST /api/merchants.create HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${TOKEN}\r\n` +
            'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
        );
      });
      let received = '';
      socket.on('data', (chunk) => (received += chunk.toString('utf8')));
      socket.on('close', () => resolve(received));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(answer).toMatch(/within 0\.3 s/);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('gives a whole request seconds, not minutes: header and request timeouts are set, the body deadline is 10 s', async () => {
    const { port } = await start();
    expect(port).toBeGreaterThan(0);
    expect(DEFAULT_BODY_TIMEOUT_MS).toBe(10_000);
    expect(api!.server.headersTimeout).toBeLessThanOrEqual(15_000);
    expect(api!.server.requestTimeout).toBeLessThanOrEqual(30_000);
    expect(api!.server.requestTimeout).toBeGreaterThan(DEFAULT_BODY_TIMEOUT_MS);
  });

  it('answers GET on a method with 405', async () => {
    const { port, auth } = await start();
    const res = await rawRequest({ port, path: '/api/merchants.list', headers: auth });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('POST');
  });

  it('lists every method with its description and input as JSON Schema at GET /api', async () => {
    const { port, auth } = await start();
    const res = await rawRequest({ port, path: '/api', headers: auth });
    expect(res.status).toBe(200);
    const { methods } = res.json() as { methods: { method: string; description: string; input: any }[] };
    expect(methods.map((m) => m.method)).toEqual(Object.keys(testContract).sort());
    const create = methods.find((m) => m.method === 'merchants.create')!;
    expect(create.description).toBe('Add a merchant.');
    expect(create.input.type).toBe('object');
    expect(create.input.properties.name).toEqual({ type: 'string', minLength: 1 });
    // Input side: a field with a default is optional for the client.
    expect(create.input.required).toEqual(['name']);
    expect(methods.find((m) => m.method === 'odd.transform')!.input.type).toBe('string');
    expect(methods.find((m) => m.method === 'odd.broken')!.input.description).toMatch(/not expressible/);
  });

  it('streams engine events over SSE with heartbeats, and unsubscribes when the client leaves', async () => {
    const { port, auth, engine } = await start({ heartbeatMs: 20 });
    const res = await new Promise<IncomingMessage>((resolve, reject) =>
      get({ host: '127.0.0.1', port, path: `/api/events?token=${TOKEN}`, headers: { Host: auth.Host } }, resolve).on('error', reject),
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/event-stream');

    let received = '';
    const waitFor = (text: string) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (received.includes(text)) {
            res.off('data', onData);
            resolve();
          }
        };
        const onData = (chunk: Buffer) => {
          received += chunk.toString('utf8');
          check();
        };
        res.on('data', onData);
        check();
      });

    await waitFor(': connected');
    expect(engine.listenerCount()).toBe(1);
    engine.emit({ type: 'run.finished', at: '2025-01-01T00:00:00.000Z', data: { runId: 7, ok: true } });
    await waitFor('\n\n: heartbeat');
    const event = { type: 'run.finished', at: '2025-01-01T00:00:00.000Z', data: { runId: 7, ok: true } };
    expect(received).toContain(`event: run.finished\ndata: ${JSON.stringify(event)}\n\n`);

    res.destroy();
    await new Promise<void>((resolve) => {
      const poll = () => (engine.listenerCount() === 0 ? resolve() : setTimeout(poll, 5));
      poll();
    });
    expect(engine.listenerCount()).toBe(0);
  });

  it('ends open SSE streams when it closes', async () => {
    const { port, auth, engine } = await start();
    const res = await new Promise<IncomingMessage>((resolve, reject) =>
      get({ host: '127.0.0.1', port, path: '/api/events', headers: auth }, resolve).on('error', reject),
    );
    const ended = new Promise<void>((resolve) => res.on('end', resolve).resume());
    await api!.close(100);
    api = undefined;
    await ended;
    expect(engine.listenerCount()).toBe(0);
  });

  describe('static files', () => {
    async function withStatic() {
      tempDir = await mkdtemp(join(tmpdir(), 'dockhand-static-'));
      await mkdir(join(tempDir, 'assets'));
      await writeFile(join(tempDir, 'index.html'), '<!doctype html><title>Dockhand</title>');
      await writeFile(join(tempDir, 'assets', 'app.js'), 'console.log(1)');
      await writeFile(join(tmpdir(), 'dockhand-outside.txt'), 'outside');
      return start({ staticDir: tempDir });
    }

    it('serves files with a strict Content-Security-Policy, nosniff and no-referrer', async () => {
      const { port, auth } = await withStatic();
      const res = await rawRequest({ port, path: '/assets/app.js', headers: auth });
      expect(res.status).toBe(200);
      expect(res.text).toBe('console.log(1)');
      expect(res.headers['content-type']).toContain('text/javascript');
      const csp = String(res.headers['content-security-policy']);
      for (const directive of [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "connect-src 'self'",
        "img-src 'self' data:",
        "frame-ancestors 'none'",
        "object-src 'none'",
        "base-uri 'none'",
      ]) {
        expect(csp).toContain(directive);
      }
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    });

    it('falls back to index.html for client-side routes but not for missing assets', async () => {
      const { port, auth } = await withStatic();
      const route = await rawRequest({ port, path: '/orders/42', headers: auth });
      expect(route.status).toBe(200);
      expect(route.text).toContain('<title>Dockhand</title>');
      const missing = await rawRequest({ port, path: '/assets/missing.js', headers: auth });
      expect(missing.status).toBe(404);
    });

    it('never serves a file outside its folder', async () => {
      const { port, auth } = await withStatic();
      for (const path of ['/../dockhand-outside.txt', '/%2e%2e/dockhand-outside.txt', '/assets/..%2f..%2fdockhand-outside.txt']) {
        const res = await rawRequest({ port, path, headers: auth });
        expect(res.text).not.toBe('outside');
      }
    });

    it('requires the token for the screens too', async () => {
      const { port, host } = await withStatic();
      const res = await rawRequest({ port, path: '/', headers: { Host: host } });
      expect(res.status).toBe(401);
    });
  });
});
