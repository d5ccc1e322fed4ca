import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DockhandError, httpStatusFor, isDockhandError, type ApiErrorBody } from '../../shared/errors.js';
import type { Engine } from '../engine/engine-api.js';
import { silentLogger, type Logger } from '../engine/platform/ports.js';
import { hasMethod, type ApiContract } from '../host/api-contract.js';
import { listApi } from './api-listing.js';
import { hostAllowed, loginCookie, originAllowed, presentedToken, tokenValid } from './http-guards.js';
import { sendError, sendJson, setSecurityHeaders } from './http-responses.js';
import { DEFAULT_BODY_TIMEOUT_MS, DEFAULT_MAX_BODY_BYTES, readJsonBody, RequestRefused } from './json-body.js';
import { openSseStream, type SseStream } from './sse.js';
import { serveStatic } from './static-files.js';

/**
 * The headless host's HTTP face, bound to 127.0.0.1 only:
 *   GET  /health            liveness, no token
 *   GET  /api               every method, its description and input JSON Schema
 *   GET  /api/events        engine events as Server-Sent Events
 *   POST /api/<method>      one contract method, JSON in, JSON out
 *   GET  /*                 the built screens (staticDir), after the token login
 * See docs/api.md.
 */

export interface HttpApiOptions {
  engine: Engine;
  contract: ApiContract;
  /** The login token (server-token.ts). */
  token: string;
  /** The built renderer; without it `/` shows a short note that points at the API. */
  staticDir?: string;
  log?: Logger;
  heartbeatMs?: number;
  maxBodyBytes?: number;
  /** A request body must arrive whole within this time (default 10 s), or gets 408. */
  bodyTimeoutMs?: number;
}

export interface HttpApi {
  readonly server: Server;
  /** Listens on 127.0.0.1; `0` picks a free port. Resolves with the port. */
  listen(port: number): Promise<number>;
  /** Stops accepting, ends the event streams, and resolves when the last connection is gone
   * (connections still busy after `graceMs` are cut). */
  close(graceMs?: number): Promise<void>;
}

const METHOD_NAME = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/;

/**
 * Node's own limits, in seconds rather than its minutes: the headers must arrive within 10 s and the
 * whole request within 20 s (the body deadline in json-body.ts answers 408 first, at 10 s), checked
 * every second instead of every 30. A response may take as long as it needs (an event stream is open
 * for hours): these limits end once the request has arrived.
 */
export const SERVER_TIMEOUTS = { headersTimeout: 10_000, requestTimeout: 20_000, connectionsCheckingInterval: 1_000 } as const;

export function createHttpApi(options: HttpApiOptions): HttpApi {
  const log = options.log ?? silentLogger;
  const streams = new Set<SseStream>();
  let listing: unknown = null;
  let port = 0;

  const server = createServer({ ...SERVER_TIMEOUTS }, (req, res) => {
    handle(req, res).catch((err) => {
      log.log('error', 'HTTP request failed', { path: safePath(req), error: err });
      if (!res.headersSent) sendError(res, 500, internalError());
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    if (!hostAllowed(req, port)) {
      return sendError(res, 403, { kind: 'auth', message: `Use http://127.0.0.1:${port}/ or http://localhost:${port}/` });
    }
    let url: URL;
    try {
      url = new URL(`http://127.0.0.1${req.url ?? '/'}`);
    } catch {
      return sendError(res, 400, { kind: 'validation', message: 'Malformed request URL' });
    }
    const { pathname } = url;
    const verb = req.method ?? 'GET';

    if (pathname === '/health' && (verb === 'GET' || verb === 'HEAD')) return sendHealth(res, options.engine);

    const isApi = pathname === '/api' || pathname.startsWith('/api/');
    const presented = presentedToken(req, url, port);
    if (presented?.source === 'query' && !queryTokenAllowed(pathname, verb, isApi)) {
      return sendError(res, 401, {
        kind: 'auth',
        message: 'The token in the address is accepted only by GET /api/events and to open a page; send Authorization: Bearer <token>',
      });
    }
    if (!tokenValid(presented, options.token)) {
      return sendError(res, 401, {
        kind: 'auth',
        message: 'Missing or wrong token: open the URL Dockhand printed, or send Authorization: Bearer <token>',
      });
    }
    if (verb !== 'GET' && verb !== 'HEAD' && !originAllowed(req, port)) {
      return sendError(res, 403, { kind: 'auth', message: 'Cross-origin requests are refused' });
    }

    if (!isApi && presented?.source === 'query' && (verb === 'GET' || verb === 'HEAD')) {
      // Notebook-style login: trade the token in the URL for a cookie and take it out of the address bar.
      url.searchParams.delete('token');
      res.writeHead(303, {
        'Set-Cookie': loginCookie(port, options.token),
        Location: `${pathname}${url.search}`,
        'Cache-Control': 'no-store',
      });
      return void res.end();
    }

    if (pathname === '/api' || pathname === '/api/') {
      if (verb !== 'GET') return methodNotAllowed(res, 'GET');
      listing ??= listApi(options.contract);
      return sendJson(res, 200, listing);
    }
    if (pathname === '/api/events') {
      if (verb !== 'GET') return methodNotAllowed(res, 'GET');
      const stream = openSseStream(req, res, options.engine, {
        heartbeatMs: options.heartbeatMs,
        onClose: () => streams.delete(stream),
      });
      streams.add(stream);
      return;
    }
    if (isApi) return callMethod(req, res, pathname.slice('/api/'.length), verb);
    return serveScreens(res, pathname, verb);
  }

  async function callMethod(req: IncomingMessage, res: ServerResponse, rawName: string, verb: string): Promise<void> {
    let method: string;
    try {
      method = decodeURIComponent(rawName);
    } catch {
      method = '';
    }
    if (!METHOD_NAME.test(method) || !hasMethod(options.contract, method)) {
      return sendError(res, 404, { kind: 'not_found', message: `No API method named "${method || rawName}"; GET /api lists them` });
    }
    if (verb !== 'POST') return methodNotAllowed(res, 'POST');

    let input: unknown;
    try {
      input = await readJsonBody(req, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS);
    } catch (err) {
      if (err instanceof RequestRefused) {
        // The rest of an oversized or trickling body is not worth reading; end the connection after the answer.
        const headers: Record<string, string> = err.status === 413 || err.status === 408 ? { Connection: 'close' } : {};
        return sendError(res, err.status, err.error.toBody(), headers);
      }
      throw err;
    }

    try {
      const result = await options.engine.call(method, input);
      return sendJson(res, 200, result);
    } catch (err) {
      if (isDockhandError(err)) {
        const headers: Record<string, string> = {};
        if (err.retryAfterMs !== undefined) headers['Retry-After'] = String(Math.max(1, Math.ceil(err.retryAfterMs / 1000)));
        return sendError(res, httpStatusFor(err.kind), err.toBody(), headers);
      }
      // The detail goes to the log only: a stack or an SQL message is no business of the client.
      log.log('error', 'API method failed', { method, error: err });
      return sendError(res, 500, internalError());
    }
  }

  async function serveScreens(res: ServerResponse, pathname: string, verb: string): Promise<void> {
    if (verb !== 'GET' && verb !== 'HEAD') return methodNotAllowed(res, 'GET');
    if (options.staticDir && (await serveStatic(options.staticDir, pathname, res, verb === 'HEAD'))) return;
    if (!options.staticDir && pathname === '/') {
      const html =
        '<!doctype html><meta charset="utf-8"><title>Dockhand</title>' +
        '<p>Dockhand is running headless. The API is described at <a href="/api">/api</a>.</p>';
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      return void res.end(verb === 'HEAD' ? undefined : html);
    }
    return sendError(res, 404, { kind: 'not_found', message: 'Not found' });
  }

  return {
    server,
    listen(requested: number) {
      return new Promise<number>((resolve, reject) => {
        server.once('error', reject);
        server.listen(requested, '127.0.0.1', () => {
          server.off('error', reject);
          port = (server.address() as AddressInfo).port;
          resolve(port);
        });
      });
    },
    close(graceMs = 5_000) {
      return new Promise<void>((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        for (const stream of [...streams]) stream.close();
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), graceMs).unref();
      });
    },
  };
}

/**
 * A token in the URL ends up in logs, histories and Referer headers, so it is taken only where nothing
 * else works: the event stream (EventSource cannot send headers) and opening a page (traded at once
 * for the login cookie).
 */
function queryTokenAllowed(pathname: string, verb: string, isApi: boolean): boolean {
  if (verb !== 'GET' && verb !== 'HEAD') return false;
  return pathname === '/api/events' || !isApi;
}

/**
 * 200 `{ok:true,status:"ok"}` when all is well; 503 `{ok:false,status:"degraded",reason,since}` when
 * Dockhand runs but cannot save (disk full or failing), so a monitor that looks only at the status code
 * notices. The process is alive and serving reads: not a reason for a supervisor to restart it.
 */
function sendHealth(res: ServerResponse, engine: Engine): void {
  const health = engine.health();
  if (health.status === 'ok') return sendJson(res, 200, { ok: true, status: 'ok' });
  sendJson(res, 503, { ok: false, status: 'degraded', reason: health.reason, since: health.since });
}

function methodNotAllowed(res: ServerResponse, allow: string): void {
  sendError(res, 405, { kind: 'validation', message: `Use ${allow} here` }, { Allow: allow });
}

function internalError(): ApiErrorBody {
  return new DockhandError('internal', 'Internal error; the details are in the Dockhand log').toBody();
}

/** The path without the query: a query may hold the token. */
function safePath(req: IncomingMessage): string {
  return (req.url ?? '').split('?')[0];
}
