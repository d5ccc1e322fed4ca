import { DockhandError, type ErrorKind } from '../../../../../shared/errors.js';
import { backoffDelayMs, DEFAULT_BACKOFF, DEFAULT_TIMEOUT_MS, keptReply, OutcomeUnknownError, type BackoffPolicy, type HttpContext, type HttpResponse } from '../../../net/index.js';
import { errorBodyText, serverStatusMeaning } from './error-body.js';
import { RequestQuotaTracker } from './request-quota.js';
import { exchange } from './rest-transport.js';

/**
 * Talks to one BigCommerce store's REST API (v2 and v3 under /stores/{store_hash}/): the X-Auth-Token
 * header, the store's request quota read from every answer and honoured before every request, 429s
 * waited out for X-Rate-Limit-Time-Reset-Ms without counting as failures, 5xx and network errors
 * retried with backoff (never for a create that may have reached the store), and every other status
 * turned into a DockhandError of the kind the scheduler acts on.
 */

export interface BigCommerceClientOptions {
  /** "https://api.bigcommerce.com" (a fake's URL in tests). */
  apiBase: string;
  storeHash: string;
  accessToken: string;
  http: HttpContext;
  /** The store's quota tracker; pass the one shared by every client of the store. */
  quota?: RequestQuotaTracker;
  timeoutMs?: number;
  backoff?: Partial<BackoffPolicy>;
  /** Longest total wait for 429s of one request before giving up with rate_limited. */
  maxRateLimitWaitMs?: number;
}

export type Query = Record<string, string | number | undefined>;

/** A refusal with its HTTP status, so a caller can tell "order gone" (404) or "refused data" (422) apart. */
export class BigCommerceHttpError extends DockhandError {
  constructor(
    kind: ErrorKind,
    message: string,
    readonly status: number,
    readonly detail: string,
  ) {
    super(kind, message);
    this.name = 'BigCommerceHttpError';
  }
}

const DEFAULT_MAX_RATE_LIMIT_WAIT_MS = 15 * 60_000;
/** A 429 without the quota headers is the platform shedding load, not our quota: back off from this. */
const UNEXPLAINED_429_WAIT_MS = 1_000;
/** Failures that prove the request never left this machine, so even a create may be sent again. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export class BigCommerceClient {
  readonly quota: RequestQuotaTracker;
  readonly label: string;
  private readonly base: string;

  constructor(private readonly options: BigCommerceClientOptions) {
    this.quota = options.quota ?? new RequestQuotaTracker();
    this.label = `BigCommerce store ${options.storeHash}`;
    this.base = `${options.apiBase.replace(/\/+$/, '')}/stores/${encodeURIComponent(options.storeHash)}`;
  }

  /** GET a resource: its parsed JSON, or null for 204 No Content. */
  async get(path: string, query: Query = {}): Promise<unknown> {
    return this.request('GET', path, query, undefined, true);
  }

  /** GET one page of a v2 list. v2 answers an empty page with 204 No Content: that is an empty list. */
  async getList(path: string, query: Query = {}): Promise<unknown[]> {
    const value = await this.get(path, query);
    if (value === null) return [];
    if (!Array.isArray(value)) throw this.malformed(`${path} did not answer with a list`);
    return value;
  }

  /** POST creates: never sent twice once it may have reached the store (OutcomeUnknownError instead). */
  async post(path: string, body: unknown): Promise<unknown> {
    return this.request('POST', path, {}, JSON.stringify(body), false);
  }

  /** PUT sets a state (absolute inventory): safe to send again. */
  async put(path: string, body: unknown): Promise<unknown> {
    return this.request('PUT', path, {}, JSON.stringify(body), true);
  }

  private async request(method: 'GET' | 'POST' | 'PUT', path: string, query: Query, body: string | undefined, idempotent: boolean): Promise<unknown> {
    const { http } = this.options;
    const policy: BackoffPolicy = { ...DEFAULT_BACKOFF, ...this.options.backoff };
    const maxRateLimitWait = this.options.maxRateLimitWaitMs ?? DEFAULT_MAX_RATE_LIMIT_WAIT_MS;
    const url = this.url(path, query);
    let attempt = 0;
    let rateLimitWaited = 0;
    let unexplained429s = 0;
    for (;;) {
      if (http.signal?.aborted) throw http.signal.reason ?? new Error('aborted');
      const paceMs = this.quota.waitMs(http.clock.now().getTime());
      if (paceMs > 0) {
        http.onThrottle?.(paceMs, `${this.label}: request quota spent, waiting for the window to reset`);
        await http.clock.sleep(paceMs, http.signal);
        continue;
      }
      attempt += 1;
      let failure: { message: string; cause?: unknown; meaning?: string };
      try {
        const res = await exchange({ url, method, headers: this.headers(body !== undefined), body, timeoutMs: this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS, signal: http.signal });
        this.quota.observe(res.headers, http.clock.now().getTime());
        if (res.status === 429) {
          attempt -= 1; // a rate-limit wait is not a failed attempt
          const reset = Number(res.headers.get('x-rate-limit-time-reset-ms'));
          const wait = Number.isFinite(reset) && reset > 0 ? reset : Math.max(UNEXPLAINED_429_WAIT_MS, backoffDelayMs(policy, ++unexplained429s));
          if (rateLimitWaited + wait > maxRateLimitWait) {
            throw new DockhandError('rate_limited', `${this.label} is still refusing requests (HTTP 429) after ${Math.round(rateLimitWaited / 1000)} s of waiting`, { retryAfterMs: wait });
          }
          rateLimitWaited += wait;
          http.onThrottle?.(wait, `${this.label} answered 429 Too Many Requests`);
          await http.clock.sleep(wait, http.signal);
          continue;
        }
        if (res.status < 500) return this.read(res, method, path);
        if (!idempotent) {
          throw new OutcomeUnknownError(`${this.label} answered HTTP ${res.status}${detail(res.text)} to ${method} ${path}; it may or may not have been applied.${serverStatusMeaning(res.status)}`, undefined, keptReply(res));
        }
        failure = { message: `${this.label} answered HTTP ${res.status}${detail(res.text)} to ${method} ${path}`, meaning: serverStatusMeaning(res.status) };
      } catch (err) {
        if (err instanceof DockhandError) throw err;
        if (http.signal?.aborted) throw http.signal.reason ?? err;
        const description = describeNetworkError(err, this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
        if (!idempotent && !NOT_SENT_CODES.has(errorCode(err) ?? '')) {
          throw new OutcomeUnknownError(`${this.label}: ${description} during ${method} ${path}; it may or may not have been applied`, err);
        }
        failure = { message: `${this.label}: ${description}`, cause: err };
      }
      if (attempt >= policy.attempts) {
        throw new DockhandError('transient', `${failure.message} (gave up after ${attempt} attempts).${failure.meaning ?? ''}`, { cause: failure.cause });
      }
      const wait = backoffDelayMs(policy, attempt);
      http.onThrottle?.(wait, `retrying after: ${failure.message}`);
      await http.clock.sleep(wait, http.signal);
    }
  }

  /** A 2xx answer as JSON (null for 204); everything else below 500 as the error it means. */
  private read(res: HttpResponse, method: string, path: string): unknown {
    if (res.status >= 200 && res.status < 300) {
      if (res.status === 204 || res.text === '') return null;
      const type = res.headers.get('content-type') ?? '';
      if (!/json/i.test(type)) {
        throw new DockhandError('config', `${this.label} did not answer like the BigCommerce API (${type || 'no content type'} from ${method} ${path}): check the API address`);
      }
      try {
        return JSON.parse(res.text);
      } catch {
        throw this.malformed(`the answer to ${method} ${path} is not JSON`);
      }
    }
    if (res.status >= 300 && res.status < 400) {
      const to = res.headers.get('location');
      throw new BigCommerceHttpError('config', `${this.label} answered with a redirect (HTTP ${res.status}${to ? ` to ${to}` : ''}): check the API address, which must be https://api.bigcommerce.com`, res.status, '');
    }
    const why = errorBodyText(res.text);
    const text = why ? `: ${why}` : '';
    switch (res.status) {
      case 401:
        return this.fail('auth', `${this.label} refused the access token (HTTP 401${text}). Check the API account's access token.`, res.status, why);
      case 403:
        return this.fail('auth', `${this.label} refused access (HTTP 403${text}). Check the API account's OAuth scopes (Orders: modify, Products: read-only, Inventory: modify).`, res.status, why);
      case 404:
        return this.fail('config', `${this.label} has no ${method} ${path} (HTTP 404${text}): check the store hash`, res.status, why);
      case 400:
      case 409:
      case 422:
        return this.fail('data', `${this.label} refused ${method} ${path} (HTTP ${res.status}${text})`, res.status, why);
      default:
        return this.fail('config', `${this.label} answered HTTP ${res.status} to ${method} ${path}${text}`, res.status, why);
    }
  }

  private fail(kind: ErrorKind, message: string, status: number, why: string): never {
    throw new BigCommerceHttpError(kind, message, status, why);
  }

  malformed(what: string): DockhandError {
    return new DockhandError('transient', `${this.label} sent a malformed answer: ${what}`);
  }

  private url(path: string, query: Query): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
    const search = params.toString();
    return `${this.base}${path}${search ? `?${search}` : ''}`;
  }

  private headers(withBody: boolean): Record<string, string> {
    const headers: Record<string, string> = { accept: 'application/json', 'x-auth-token': this.options.accessToken };
    if (withBody) headers['content-type'] = 'application/json';
    return headers;
  }
}

function detail(text: string): string {
  const why = errorBodyText(text);
  return why ? `: ${why}` : '';
}

function errorCode(err: unknown): string | undefined {
  const cause = (err as { cause?: { code?: unknown } } | undefined)?.cause;
  const code = cause?.code ?? (err as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

function describeNetworkError(err: unknown, timeoutMs: number): string {
  if ((err as { name?: string } | undefined)?.name === 'TimeoutError') return `no answer within ${Math.round(timeoutMs / 1000)} s`;
  const code = errorCode(err);
  return code ? `network error ${code}` : `network error (${err instanceof Error ? err.message : String(err)})`;
}
