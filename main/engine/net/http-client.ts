import http from 'node:http';
import https from 'node:https';
import { DockhandError } from '../../../shared/errors.js';
import type { Clock } from '../platform/ports.js';
import { backoffDelayMs, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.js';
import { parseRetryAfterMs } from './retry-after.js';

/**
 * One HTTP exchange with the retry rules every connector needs (DESIGN.md "Lessons"):
 * - network errors and 5xx are retried with exponential backoff, a few attempts, then `transient`;
 * - 429 is waited out for Retry-After SECONDS without using up an attempt (bounded by maxRateLimitWaitMs);
 * - a request that is not idempotent is never sent twice once it may have reached the server: the caller
 *   gets an OutcomeUnknownError and must look the result up before trying again.
 * Every other status is returned to the caller, who knows what a 401 or a 404 means for its platform.
 * The last 5xx answer travels on the error it ends in (ServerFailureError, OutcomeUnknownError), body cut
 * to 64 KB, for the connector to name what the server said.
 */

export interface HttpContext {
  clock: Clock;
  signal?: AbortSignal;
  /** Told about every wait for a rate limit or a backoff. */
  onThrottle?(waitMs: number, reason: string): void;
}

export interface HttpRequest {
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  body?: string;
  /** Per attempt, including reading the body. */
  timeoutMs?: number;
  /** Safe to send twice. Defaults to true for GET, PUT and DELETE, false otherwise. */
  idempotent?: boolean;
  backoff?: Partial<BackoffPolicy>;
  /** Longest total wait for 429s before giving up with a rate_limited error. */
  maxRateLimitWaitMs?: number;
  /** Names the remote in messages, e.g. "Shopify acme.myshopify.com". Never put secrets here. */
  label?: string;
}

export interface HttpResponse {
  status: number;
  headers: { get(name: string): string | null };
  text: string;
}

/**
 * The last 5xx answer a request got before it gave up: what the server said, so a connector can name it
 * (WordPress's maintenance page, Magento's error report) instead of "HTTP 503". Its body is cut to
 * MAX_KEPT_ERROR_BODY_CHARS; it is for classifying, never for logs or messages as a whole (a page may
 * echo the request, keys in its query string included).
 */
export interface ServerErrorReply {
  status: number;
  headers: HttpResponse['headers'];
  /** The first MAX_KEPT_ERROR_BODY_CHARS characters of the body. */
  body: string;
  /** The body was longer than what is kept. */
  truncated: boolean;
}

/** Enough for any error page's title and text, and bounded, so a huge page held on an error costs little. */
export const MAX_KEPT_ERROR_BODY_CHARS = 64 * 1024;

/**
 * Holds a final 5xx reply on an error without making it part of what a logger serialises: the property
 * is not enumerable, so redact.ts (which walks own enumerable keys) never writes the body out.
 */
function attachReply(err: DockhandError, reply: ServerErrorReply | undefined): void {
  if (reply) Object.defineProperty(err, 'serverReply', { value: reply, enumerable: false, writable: false });
}

/** The request may or may not have been carried out (timeout or drop after sending a non-idempotent call). */
export class OutcomeUnknownError extends DockhandError {
  /** The 5xx answer that left the outcome unknown, when there was one (a timeout or a drop has none). */
  declare readonly serverReply?: ServerErrorReply;

  constructor(message: string, cause?: unknown, reply?: ServerErrorReply) {
    super('transient', message, { cause });
    this.name = 'OutcomeUnknownError';
    attachReply(this, reply);
  }
}

/** An idempotent request that kept getting 5xx until its attempts ran out: kind transient, with the last answer. */
export class ServerFailureError extends DockhandError {
  declare readonly serverReply: ServerErrorReply;

  constructor(message: string, reply: ServerErrorReply, retryAfterMs?: number) {
    super('transient', message, { retryAfterMs });
    this.name = 'ServerFailureError';
    attachReply(this, reply);
  }

  get status(): number {
    return this.serverReply.status;
  }
}

/** The final 5xx reply an error carries (ServerFailureError, or OutcomeUnknownError after a 5xx), if any. */
export function serverReplyOf(err: unknown): ServerErrorReply | undefined {
  return err instanceof ServerFailureError || err instanceof OutcomeUnknownError ? err.serverReply : undefined;
}

export function keptReply(res: HttpResponse): ServerErrorReply {
  const truncated = res.text.length > MAX_KEPT_ERROR_BODY_CHARS;
  return { status: res.status, headers: res.headers, body: truncated ? res.text.slice(0, MAX_KEPT_ERROR_BODY_CHARS) : res.text, truncated };
}

export const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_RATE_LIMIT_WAIT_MS = 15 * 60_000;
/** Failures that prove the request never left this machine, so even a create may be retried. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export async function httpRequest(ctx: HttpContext, req: HttpRequest): Promise<HttpResponse> {
  const method = req.method ?? 'GET';
  const idempotent = req.idempotent ?? (method === 'GET' || method === 'PUT' || method === 'DELETE');
  const policy: BackoffPolicy = { ...DEFAULT_BACKOFF, ...req.backoff };
  const label = req.label ?? new URL(req.url).host;
  const maxRateLimitWait = req.maxRateLimitWaitMs ?? DEFAULT_MAX_RATE_LIMIT_WAIT_MS;
  let attempt = 0;
  let rateLimitWaited = 0;

  for (;;) {
    throwIfAborted(ctx.signal);
    attempt += 1;
    let failure: { message: string; cause?: unknown; retryAfterMs?: number; reply?: ServerErrorReply };
    try {
      const res = await sendOnce(req, method, ctx.signal);
      if (res.status === 429) {
        const wait = parseRetryAfterMs(res.headers.get('retry-after'), ctx.clock.now()) ?? 1_000;
        if (rateLimitWaited + wait > maxRateLimitWait) {
          throw new DockhandError('rate_limited', `${label} is still rate limiting after ${Math.round(rateLimitWaited / 1000)} s of waiting`, {
            retryAfterMs: wait,
          });
        }
        rateLimitWaited += wait;
        attempt -= 1; // a rate-limit wait is not a failed attempt
        ctx.onThrottle?.(wait, `${label} answered 429 Too Many Requests`);
        await ctx.clock.sleep(wait, ctx.signal);
        continue;
      }
      if (res.status < 500) return res;
      if (!idempotent) {
        throw new OutcomeUnknownError(`${label} answered HTTP ${res.status}; the request may or may not have been applied`, undefined, keptReply(res));
      }
      failure = {
        message: `${label} answered HTTP ${res.status}`,
        retryAfterMs: parseRetryAfterMs(res.headers.get('retry-after'), ctx.clock.now()),
        reply: keptReply(res),
      };
    } catch (err) {
      if (err instanceof DockhandError) throw err;
      if (ctx.signal?.aborted) throw ctx.signal.reason ?? err;
      const description = describeNetworkError(err, req.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      if (!idempotent && !NOT_SENT_CODES.has(errorCode(err) ?? '')) {
        throw new OutcomeUnknownError(`${label}: ${description}; the request may or may not have been applied`, err);
      }
      failure = { message: `${label}: ${description}`, cause: err };
    }
    if (attempt >= policy.attempts) {
      if (failure.reply) throw new ServerFailureError(`${failure.message} (gave up after ${attempt} attempts)`, failure.reply, failure.retryAfterMs);
      throw new DockhandError('transient', `${failure.message} (gave up after ${attempt} attempts)`, { cause: failure.cause });
    }
    const wait = Math.max(backoffDelayMs(policy, attempt), failure.retryAfterMs ?? 0);
    ctx.onThrottle?.(wait, `retrying after: ${failure.message}`);
    await ctx.clock.sleep(wait, ctx.signal);
  }
}

/**
 * node:http rather than fetch: on small JSON exchanges fetch spends about three times the CPU per request,
 * which a 100k-order download pays thousands of times. Keep-alive agents reuse connections per host.
 */
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 8 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 8 }),
};

/**
 * One HTTP exchange, no retry, every status returned (429 and 5xx included, with their headers and
 * body): for connectors whose platform paces by headers httpRequest does not read (BigCommerce's quota).
 */
export function sendOnce(req: HttpRequest, method: string, outer: AbortSignal | undefined): Promise<HttpResponse> {
  const timeout = AbortSignal.timeout(req.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = outer ? AbortSignal.any([outer, timeout]) : timeout;
  const url = new URL(req.url);
  const client = url.protocol === 'https:' ? https : http;
  const headers: Record<string, string | number> = { ...req.headers };
  if (req.body !== undefined) headers['content-length'] = Buffer.byteLength(req.body);
  return new Promise<HttpResponse>((resolve, reject) => {
    const fail = (err: unknown) => {
      if (timeout.aborted && !outer?.aborted) {
        const timedOut = new Error('timed out');
        timedOut.name = 'TimeoutError';
        reject(timedOut);
      } else reject(outer?.aborted ? (outer.reason ?? err) : err);
    };
    const request = client.request(
      url,
      { method, headers, agent: agents[url.protocol as 'http:' | 'https:'], signal },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', fail);
        res.on('end', () => {
          const raw = res.headers;
          resolve({
            status: res.statusCode ?? 0,
            headers: {
              get: (name) => {
                const value = raw[name.toLowerCase()];
                return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
              },
            },
            text: Buffer.concat(chunks).toString('utf8'),
          });
        });
      },
    );
    request.on('error', fail);
    request.end(req.body);
  });
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new Error('aborted');
}

function errorCode(err: unknown): string | undefined {
  const cause = (err as { cause?: { code?: unknown } } | undefined)?.cause;
  const code = cause?.code ?? (err as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

function describeNetworkError(err: unknown, timeoutMs: number): string {
  const name = (err as { name?: string } | undefined)?.name;
  if (name === 'TimeoutError') return `no answer within ${Math.round(timeoutMs / 1000)} s`;
  const code = errorCode(err);
  const message = err instanceof Error ? err.message : String(err);
  return code ? `network error ${code}` : `network error (${message})`;
}
