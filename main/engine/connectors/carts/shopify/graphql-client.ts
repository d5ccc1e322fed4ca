import { DockhandError } from '../../../../../shared/errors.js';
import { httpRequest, type BackoffPolicy, type HttpContext, type HttpResponse } from '../../../net/index.js';
import { CostBucketLimiter, throttledWaitMs } from '../kit/cost-bucket.js';
import type { AccessTokenSource } from '../kit/token-source.js';
import type { ShopifyCost, ShopifyThrottleStatus } from './types.js';

/**
 * POSTs GraphQL documents to one shop's Admin API: the access token header, the shop's one cost budget
 * (kit/cost-bucket.ts, shared with every run of the shop: waits before the bucket runs dry, waits out
 * THROTTLED without counting it as a failure), one token renewal on a 401, and replies checked before
 * anyone reads them.
 */

export interface ShopifyGraphqlClientOptions {
  endpoint: string;
  shopDomain: string;
  tokens: AccessTokenSource;
  /** The shop's cost budget (shopLimiter('shopify', address)); a client of its own when not given. */
  budget?: CostBucketLimiter;
  http: HttpContext;
  timeoutMs?: number;
  backoff?: Partial<BackoffPolicy>;
  /** THROTTLED replies in a row before giving up with rate_limited (only if the shop never recovers). */
  maxThrottledInARow?: number;
}

export interface QueryOptions {
  /** Names the document for cost learning: the last requestedQueryCost of the same key is the next estimate. */
  costKey: string;
  /** Estimate before Shopify has told us the real requested cost. */
  estimatedCost: number;
  /** Mutations that create things are never resent once they may have reached Shopify. */
  mutation?: boolean;
}

export class ShopifyGraphqlClient {
  readonly budget: CostBucketLimiter;
  private readonly requestedCost = new Map<string, number>();
  private readonly label: string;

  constructor(private readonly options: ShopifyGraphqlClientOptions) {
    this.label = `Shopify ${options.shopDomain}`;
    this.budget = options.budget ?? new CostBucketLimiter(this.label);
  }

  async query<T>(document: string, variables: Record<string, unknown>, opts: QueryOptions): Promise<T> {
    const { http } = this.options;
    const body = JSON.stringify({ query: document, variables });
    let throttledInARow = 0;
    let renewedToken = false;
    for (;;) {
      const estimate = this.requestedCost.get(opts.costKey) ?? opts.estimatedCost;
      await this.budget.acquire(http, estimate, `${this.label}: waiting for ${Math.round(estimate)} points of query cost budget`);
      let token: string;
      let res: HttpResponse;
      try {
        token = await this.options.tokens.token();
        res = await httpRequest(http, {
          url: this.options.endpoint,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            'x-shopify-access-token': token,
          },
          body,
          idempotent: !opts.mutation,
          timeoutMs: this.options.timeoutMs,
          backoff: this.options.backoff,
          label: this.label,
        });
      } finally {
        this.budget.release(estimate); // the reply's status below (or the failure) has taken over
      }
      const receivedAt = http.clock.now().getTime();

      if (res.status === 401) {
        if (!renewedToken && this.options.tokens.invalidate(token)) {
          renewedToken = true;
          continue;
        }
        throw new DockhandError(
          'auth',
          `${this.label} refused the access token (HTTP 401${restErrorText(res.text)}). Check the cart connection's credentials.`,
        );
      }
      if (res.status !== 200) throw this.statusError(res.status, res.text);

      const reply = parseReply(res.text);
      if (!reply) throw this.malformed('the reply is not a JSON object');
      const cost = readCost(reply.extensions);
      if (cost) {
        this.budget.update(cost.throttleStatus, receivedAt);
        if (cost.requestedQueryCost > 0) this.requestedCost.set(opts.costKey, cost.requestedQueryCost);
      }

      if (reply.errors !== undefined) {
        const errors = Array.isArray(reply.errors) ? reply.errors : [{ message: String(reply.errors) }];
        if (errors.some((e) => errorCode(e) === 'THROTTLED')) {
          throttledInARow += 1;
          if (throttledInARow > (this.options.maxThrottledInARow ?? 100)) {
            throw new DockhandError('rate_limited', `${this.label} kept throttling the same query ${throttledInARow} times`);
          }
          const status = cost?.throttleStatus;
          const requested = cost?.requestedQueryCost ?? estimate;
          const waitMs = status ? throttledWaitMs(requested, status) : 1_000;
          http.onThrottle?.(waitMs, `${this.label}: THROTTLED, waiting for the cost budget to refill`);
          await http.clock.sleep(waitMs, http.signal);
          continue;
        }
        throw this.graphqlError(errors);
      }
      if (typeof reply.data !== 'object' || reply.data === null || Array.isArray(reply.data)) {
        throw this.malformed('the reply has no data');
      }
      return reply.data as T;
    }
  }

  malformed(what: string): DockhandError {
    return new DockhandError('transient', `${this.label} sent a malformed reply: ${what}`);
  }

  private statusError(status: number, text: string): DockhandError {
    const detail = restErrorText(text);
    switch (status) {
      case 402:
        return new DockhandError('config', `${this.label} is frozen (HTTP 402 Payment Required)${detail}`);
      case 403:
        return new DockhandError('auth', `${this.label} refused access (HTTP 403${detail}). Check the app's access scopes.`);
      case 404:
        return new DockhandError('config', `${this.label} was not found (HTTP 404): check the shop domain and API version`);
      case 423:
        return new DockhandError('config', `${this.label} is locked (HTTP 423)${detail}`);
      default:
        return new DockhandError(status >= 500 ? 'transient' : 'config', `${this.label} answered HTTP ${status}${detail}`);
    }
  }

  private graphqlError(errors: unknown[]): DockhandError {
    const messages = errors.map((e) => (isRecord(e) && typeof e.message === 'string' ? e.message : JSON.stringify(e)));
    const text = messages.slice(0, 3).join('; ');
    const codes = errors.map(errorCode);
    if (codes.includes('ACCESS_DENIED')) {
      return new DockhandError('auth', `${this.label} denied access: ${text}. Check the app's access scopes.`);
    }
    if (codes.includes('INTERNAL_SERVER_ERROR')) return new DockhandError('transient', `${this.label} failed: ${text}`);
    return new DockhandError('config', `${this.label} rejected the request: ${text}`);
  }
}

function parseReply(text: string): { data?: unknown; errors?: unknown; extensions?: unknown } | null {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}

function readCost(extensions: unknown): ShopifyCost | undefined {
  if (!isRecord(extensions) || !isRecord(extensions.cost)) return undefined;
  const cost = extensions.cost;
  const s = cost.throttleStatus;
  if (!isRecord(s)) return undefined;
  const status: ShopifyThrottleStatus = {
    maximumAvailable: Number(s.maximumAvailable),
    currentlyAvailable: Number(s.currentlyAvailable),
    restoreRate: Number(s.restoreRate),
  };
  if (!Object.values(status).every(Number.isFinite)) return undefined;
  const requested = Number(cost.requestedQueryCost);
  return {
    requestedQueryCost: Number.isFinite(requested) ? requested : 0,
    actualQueryCost: typeof cost.actualQueryCost === 'number' ? cost.actualQueryCost : null,
    throttleStatus: status,
  };
}

function errorCode(error: unknown): string | undefined {
  if (!isRecord(error) || !isRecord(error.extensions)) return undefined;
  return typeof error.extensions.code === 'string' ? error.extensions.code : undefined;
}

/** Shopify's REST-style error bodies ({"errors":"..."}), shortened, for messages. Never echoes headers. */
function restErrorText(text: string): string {
  const reply = parseReply(text);
  const errors = reply?.errors;
  if (typeof errors === 'string' && errors !== '') return `: ${errors.slice(0, 200)}`;
  return '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
