import type { z } from 'zod';
import { DockhandError } from '../../../../../shared/errors.js';
import { httpRequest, OutcomeUnknownError, type BackoffPolicy, type HttpContext, type HttpRequest, type HttpResponse } from '../../../net/index.js';
import { classifyFailure, looksLikeHtml, notMagento } from './magento-errors.js';
import { nameServerFailure } from './server-failure.js';
import type { MagentoTokenSource } from './token.js';

/**
 * Calls one Magento store's REST API: the bearer token on every call, one fresh admin token after a 401
 * (an integration token cannot be renewed), net's retries for 5xx and network errors and its wait for
 * 429s (Retry-After in seconds; through the store's limiter when the connector passes its transport), and every reply checked against its schema before anyone reads it.
 * A store that is not Magento (an HTML page where JSON was due) is named as such, never taken for a
 * wrong token or an outage.
 */

export interface MagentoClientOptions {
  /** From restBaseFor(): "https://shop.example.com/rest/default". */
  restBase: string;
  tokens: MagentoTokenSource;
  http: HttpContext;
  timeoutMs?: number;
  backoff?: Partial<BackoffPolicy>;
  /**
   * How one exchange is sent; httpRequest by default. The connector passes the kit's limitedRequest bound
   * to the store's limiter, so every run of one store shares its budget and a 429's Retry-After holds
   * them all back.
   */
  transport?: (req: HttpRequest) => Promise<HttpResponse>;
}

export interface CallOptions {
  /** What the call is for, in messages: "the order search", "shipping order 000000042". */
  what: string;
  query?: URLSearchParams;
  body?: unknown;
  /** Creates something (a shipment): never sent twice once it may have reached Magento. */
  creates?: boolean;
}

export class MagentoRestClient {
  readonly label: string;

  constructor(private readonly options: MagentoClientOptions) {
    this.label = `Magento ${new URL(options.restBase).host}`;
  }

  get<S extends z.ZodType>(path: string, schema: S, call: CallOptions): Promise<z.output<S>> {
    return this.call('GET', path, schema, call);
  }

  post<S extends z.ZodType>(path: string, schema: S, call: CallOptions): Promise<z.output<S>> {
    return this.call('POST', path, schema, call);
  }

  put<S extends z.ZodType>(path: string, schema: S, call: CallOptions): Promise<z.output<S>> {
    return this.call('PUT', path, schema, call);
  }

  private async call<S extends z.ZodType>(method: 'GET' | 'POST' | 'PUT', path: string, schema: S, call: CallOptions): Promise<z.output<S>> {
    const { restBase, tokens, http } = this.options;
    const url = `${restBase}${path}${call.query && [...call.query].length > 0 ? `?${call.query}` : ''}`;
    let renewed = false;
    for (;;) {
      const token = await tokens.token();
      let res: HttpResponse;
      try {
        const send = this.options.transport ?? ((req: HttpRequest) => httpRequest(http, req));
        res = await send({
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
        });
      } catch (err) {
        // The HTTP layer gave up on 5xx answers: name what Magento said (its report, maintenance mode).
        const named = nameServerFailure(this.label, call.what, err);
        if (named !== err) throw named;
        if (err instanceof DockhandError && !(err instanceof OutcomeUnknownError) && err.kind === 'transient') {
          // net says "answered HTTP 503 (gave up after 4 attempts)"; say what we were doing.
          throw new DockhandError('transient', `${err.message} during ${call.what}`, { cause: err });
        }
        throw err;
      }
      if (res.status === 401 && !renewed && !looksLikeHtml(res) && tokens.invalidate()) {
        renewed = true;
        continue;
      }
      if (res.status < 200 || res.status >= 300) throw classifyFailure(this.label, res, call.what, restBase);
      let value: unknown;
      try {
        value = JSON.parse(res.text);
      } catch {
        throw looksLikeHtml(res) ? notMagento(this.label, res, restBase) : this.malformed(call.what, 'the reply is not JSON');
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw this.malformed(call.what, `${issue.path.join('.') || 'the reply'}: ${issue.message}`);
      }
      return parsed.data;
    }
  }

  /** A reply in the wrong shape for the whole call (not one order): the run fails and is tried again later. */
  private malformed(what: string, detail: string): DockhandError {
    return new DockhandError('transient', `${this.label} sent a malformed reply to ${what}: ${detail}`);
  }
}
