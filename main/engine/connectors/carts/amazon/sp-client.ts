import type { z } from 'zod';
import { DockhandError } from '../../../../../shared/errors.js';
import { httpRequest, OutcomeUnknownError, ServerFailureError, type BackoffPolicy, type HttpContext, type HttpResponse } from '../../../net/index.js';
import type { AccessTokenSource } from '../kit/token-source.js';
import type { AmazonOperation, OperationLimiter } from './operations.js';
import { AmazonApiError, classifySpApiFailure, spApiErrors } from './sp-errors.js';

/**
 * Calls one seller's SP-API: the LWA access token (or a Restricted Data Token) in x-amz-access-token,
 * every call through its operation's limiter (shared by every run of the seller), a 429 QuotaExceeded
 * waited out for one token's refill on that limiter (Amazon sends no Retry-After), the applied rate
 * read from x-amzn-RateLimit-Limit, net's retries for 5xx, one fresh access token after Amazon calls
 * the one sent expired, and every reply checked against its schema before anyone reads it.
 */

export interface SpClientOptions {
  api: string;
  label: string;
  tokens: AccessTokenSource;
  http: HttpContext;
  limiter(operation: AmazonOperation): OperationLimiter;
  timeoutMs?: number;
  backoff?: Partial<BackoffPolicy>;
}

export interface SpCall {
  /** What the call is for, in messages: "the order list", "the items of order 902-...". */
  what: string;
  query?: URLSearchParams;
  body?: unknown;
  /** A Restricted Data Token to send instead of the access token (personal data in the reply). */
  restrictedToken?: string;
  /** Safe to send again after a 5xx or a timeout (the request carries its own idempotency). */
  idempotent?: boolean;
}

/** Longest total wait for QuotaExceeded answers in one call before the run gives up as rate_limited. */
const MAX_QUOTA_WAIT_MS = 30 * 60_000;

export class SpApiClient {
  constructor(private readonly options: SpClientOptions) {}

  get label(): string {
    return this.options.label;
  }

  /** The reply's JSON checked by `schema`; a 204 (no body) reads as undefined through the schema. */
  async call<S extends z.ZodType>(operation: AmazonOperation, method: 'GET' | 'POST' | 'PATCH', path: string, schema: S, call: SpCall): Promise<z.output<S>> {
    const res = await this.exchange(operation, method, path, call);
    let value: unknown;
    if (res.status === 204 || res.text.trim() === '') value = undefined;
    else {
      try {
        value = JSON.parse(res.text);
      } catch {
        throw this.malformed(call.what, 'the reply is not JSON');
      }
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw this.malformed(call.what, `${issue.path.join('.') || 'the reply'}: ${issue.message}`);
    }
    return parsed.data;
  }

  private async exchange(operation: AmazonOperation, method: 'GET' | 'POST' | 'PATCH', path: string, call: SpCall): Promise<HttpResponse> {
    const { http, tokens, label } = this.options;
    const limiter = this.options.limiter(operation);
    const url = `${this.options.api}${path}${call.query && [...call.query].length > 0 ? `?${call.query}` : ''}`;
    let renewed = false;
    let quotaWaited = 0;
    for (;;) {
      const token = call.restrictedToken ?? (await tokens.token());
      await limiter.acquire(http, 1, `${label}: waiting for the ${operation} budget (${limiter.settings.ratePerSecond}/s, burst ${limiter.settings.burst})`);
      let res: HttpResponse;
      try {
        res = await httpRequest(http, {
          url,
          method,
          headers: {
            accept: 'application/json',
            'x-amz-access-token': token,
            ...(call.body !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          ...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}),
          idempotent: method === 'GET' || call.idempotent === true,
          timeoutMs: this.options.timeoutMs,
          backoff: this.options.backoff,
          label,
          // A 429 comes back to this loop: its wait belongs to the seller's limiter, not to this one call.
          maxRateLimitWaitMs: 0,
        });
      } catch (err) {
        if (err instanceof DockhandError && err.kind === 'rate_limited') {
          const wait = Math.max(limiter.refillMs(), err.retryAfterMs ?? 0);
          quotaWaited += wait;
          if (quotaWaited > MAX_QUOTA_WAIT_MS) {
            throw new DockhandError('rate_limited', `${label} kept answering QuotaExceeded to ${call.what} for ${Math.round(quotaWaited / 60_000)} min`, { retryAfterMs: wait });
          }
          limiter.refused(wait, http.clock.now().getTime());
          continue;
        }
        if (err instanceof ServerFailureError) {
          const errors = spApiErrors(err.serverReply.body);
          const said = errors[0] ? `: ${errors[0].code}: ${errors[0].message}` : '';
          throw new DockhandError('transient', `${err.message} during ${call.what}${said}`, { cause: err });
        }
        if (err instanceof DockhandError && !(err instanceof OutcomeUnknownError) && err.kind === 'transient') {
          throw new DockhandError('transient', `${err.message} during ${call.what}`, { cause: err });
        }
        throw err;
      }
      limiter.observeLimitHeader(res.headers.get('x-amzn-ratelimit-limit'));
      if (res.status >= 200 && res.status < 300) return res;
      const failure = classifySpApiFailure(label, res, call.what);
      // An access token Amazon calls expired or invalid: one fresh token, once (a Restricted Data Token
      // is the caller's to renew).
      if (failure.kind === 'auth' && !renewed && call.restrictedToken === undefined && isTokenRefusal(failure) && tokens.invalidate(token)) {
        renewed = true;
        continue;
      }
      throw failure;
    }
  }

  /** A reply in the wrong shape for the whole call (not one order): the run fails and nothing is saved. */
  private malformed(what: string, detail: string): DockhandError {
    return new DockhandError('transient', `${this.options.label} sent a malformed reply to ${what}: ${detail}`);
  }
}

/** Amazon's words for an access token it will not take (as opposed to an app without the role). */
function isTokenRefusal(err: AmazonApiError): boolean {
  return err.status === 401 || /expired|invalid.*token|token.*invalid/i.test(err.amazonMessage ?? '');
}
