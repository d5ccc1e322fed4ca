import type { z } from 'zod';
import { DockhandError } from '../../../../../shared/errors.js';
import type { EbayApi } from '../../../../../shared/platforms/ebay.js';
import { OutcomeUnknownError, serverReplyOf, type BackoffPolicy, type HttpContext, type HttpResponse } from '../../../net/index.js';
import type { AccessTokenSource } from '../kit/token-source.js';
import { limitedRequest } from '../kit/limited-request.js';
import type { TokenBucketLimiter } from '../kit/token-bucket.js';
import { classifyEbayFailure, ebaySaid, parseEbayErrors } from './ebay-errors.js';

/**
 * Calls eBay's Sell APIs for one seller: the user access token on every call (one fresh token after a
 * 401), each API's daily-limit bucket, net's retries on 5xx and network errors, eBay's error envelope
 * classed, and every reply checked against its schema before anyone reads it.
 *
 * A 429 means the app's daily call limit for that API is used up: eBay's Retry-After says when it
 * resets. A wait up to MAX_QUOTA_WAIT_MS is held for every run of the app (the kit's limiter); a longer
 * one fails the run as transient with that time, so nobody hammers eBay until midnight.
 */

export const MAX_QUOTA_WAIT_MS = 15 * 60_000;

export interface EbayClientOptions {
  apiBase: string;
  tokens: AccessTokenSource;
  http: HttpContext;
  limiters: Record<EbayApi, TokenBucketLimiter>;
  timeoutMs?: number;
  backoff?: Partial<BackoffPolicy>;
}

export interface EbayCall {
  /** What the call is for, in messages: "the order list", "shipping order 12-34567-89012". */
  what: string;
  api: EbayApi;
  query?: URLSearchParams;
  body?: unknown;
  /** Creates something (a shipping fulfillment): never sent twice once it may have reached eBay. */
  creates?: boolean;
}

export class EbayRestClient {
  readonly label: string;

  constructor(private readonly options: EbayClientOptions) {
    this.label = `eBay ${new URL(options.apiBase).host}`;
  }

  /** A call whose reply is JSON in `schema`. */
  async json<S extends z.ZodType>(method: 'GET' | 'POST', path: string, schema: S, call: EbayCall): Promise<{ value: z.output<S>; res: HttpResponse }> {
    const res = await this.send(method, path, call);
    let value: unknown;
    try {
      value = JSON.parse(res.text);
    } catch {
      throw this.malformed(call.what, 'the reply is not JSON');
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw this.malformed(call.what, `${issue.path.join('.') || 'the reply'}: ${issue.message}`);
    }
    return { value: parsed.data, res };
  }

  /** One call; a 2xx reply as it came, anything else thrown as a classed DockhandError. */
  async send(method: 'GET' | 'POST', path: string, call: EbayCall): Promise<HttpResponse> {
    const { apiBase, tokens, http } = this.options;
    const url = `${apiBase}${path}${call.query && [...call.query].length > 0 ? `?${call.query}` : ''}`;
    let renewed = false;
    for (;;) {
      const token = await tokens.token();
      let res: HttpResponse;
      try {
        res = await limitedRequest(
          this.options.limiters[call.api],
          http,
          {
            url,
            method,
            headers: {
              accept: 'application/json',
              authorization: `Bearer ${token}`,
              ...(call.body !== undefined ? { 'content-type': 'application/json' } : {}),
            },
            ...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}),
            idempotent: method === 'GET' || !call.creates,
            timeoutMs: this.options.timeoutMs,
            backoff: this.options.backoff,
            label: this.label,
          },
          { maxRateLimitWaitMs: MAX_QUOTA_WAIT_MS },
        );
      } catch (err) {
        throw this.named(err, call);
      }
      if (res.status === 401 && !renewed && tokens.invalidate(token)) {
        renewed = true;
        continue;
      }
      if (res.status < 200 || res.status >= 300) throw classifyEbayFailure(this.label, res, call.what);
      return res;
    }
  }

  /** What net's errors say, with what we were doing and what eBay said. */
  private named(err: unknown, call: EbayCall): unknown {
    if (!(err instanceof DockhandError)) return err;
    if (err.kind === 'rate_limited') {
      // The limit is daily: waiting longer inside the run only hammers eBay. Fail with the reset time.
      const resetAt = new Date(this.options.http.clock.now().getTime() + (err.retryAfterMs ?? 0));
      const api = call.api === 'fulfillment' ? 'Fulfillment' : 'Inventory';
      return new DockhandError(
        'transient',
        `${this.label}: the app's daily call limit for the ${api} API is used up (during ${call.what}); eBay resets it at ${resetAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, and the next run after that goes on.`,
        { retryAfterMs: err.retryAfterMs, cause: err },
      );
    }
    const reply = serverReplyOf(err);
    const said = reply ? ebaySaid(parseEbayErrors(reply.body)) : undefined;
    if (err instanceof OutcomeUnknownError) return err;
    if (err.kind === 'transient') return new DockhandError('transient', `${err.message} during ${call.what}${said ? `: ${said}` : ''}`, { cause: err, retryAfterMs: err.retryAfterMs });
    return err;
  }

  /** A reply in the wrong shape for the whole call: the run fails, changes nothing, and is tried again later. */
  malformed(what: string, detail: string): DockhandError {
    return new DockhandError('transient', `${this.label} sent a malformed reply to ${what}: ${detail}`);
  }
}
