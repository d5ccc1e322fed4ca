import type { z } from 'zod';
import { DockhandError } from '../../../../../shared/errors.js';
import { OutcomeUnknownError, type HttpContext, type HttpRequest, type HttpResponse } from '../../../net/index.js';
import type { AccessTokenSource } from '../kit/token-source.js';
import { limitedRequest } from '../kit/limited-request.js';
import type { EtsyAppLimiter } from './app-limiter.js';
import { classifyEtsyFailure } from './etsy-errors.js';

/**
 * Calls Etsy's Open API v3 (/v3/application/...): x-api-key on every call (the keystring, or
 * "keystring:shared secret" where the app has one), the grant's bearer token, every request through the
 * app's limiter (its 429s hold back every run of the app), one fresh access token after a 401, net's
 * retries for 5xx, and every reply checked against its schema before anyone reads it.
 */

export interface EtsyClientOptions {
  origin: string;
  apiKey: string;
  tokens: AccessTokenSource;
  limiter: EtsyAppLimiter;
  http: HttpContext;
  label: string;
}

export interface EtsyCall {
  /** What the call is for, in messages: "the receipts of the shop", "marking receipt 42 shipped". */
  what: string;
  query?: URLSearchParams;
  /** A JSON body (PUT) or a form (POST). */
  json?: unknown;
  form?: URLSearchParams;
  /** Creates something (a receipt shipment): never sent twice once it may have reached Etsy. */
  creates?: boolean;
}

export class EtsyClient {
  constructor(private readonly options: EtsyClientOptions) {}

  get label(): string {
    return this.options.label;
  }

  /** The same client (token, limiter) reporting its waits elsewhere: for a request asked ahead of need. */
  reportingWaitsTo(onThrottle: (waitMs: number, reason: string) => void): EtsyClient {
    return new EtsyClient({ ...this.options, http: { ...this.options.http, onThrottle } });
  }

  get<S extends z.ZodType>(path: string, schema: S, call: EtsyCall): Promise<z.output<S>> {
    return this.call('GET', path, schema, call);
  }

  post<S extends z.ZodType>(path: string, schema: S, call: EtsyCall): Promise<z.output<S>> {
    return this.call('POST', path, schema, call);
  }

  put<S extends z.ZodType>(path: string, schema: S, call: EtsyCall): Promise<z.output<S>> {
    return this.call('PUT', path, schema, call);
  }

  private async call<S extends z.ZodType>(method: 'GET' | 'POST' | 'PUT', path: string, schema: S, call: EtsyCall): Promise<z.output<S>> {
    const { origin, apiKey, tokens, limiter, http, label } = this.options;
    const query = call.query && [...call.query].length > 0 ? `?${call.query}` : '';
    const url = `${origin}/v3/application${path}${query}`;
    let renewed = false;
    for (;;) {
      const token = await tokens.token();
      const req: HttpRequest = {
        url,
        method,
        headers: {
          accept: 'application/json',
          'x-api-key': apiKey,
          authorization: `Bearer ${token}`,
          ...(call.json !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(call.form !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        ...(call.json !== undefined ? { body: JSON.stringify(call.json) } : {}),
        ...(call.form !== undefined ? { body: call.form.toString() } : {}),
        idempotent: method !== 'POST' || !call.creates,
        label,
      };
      let res: HttpResponse;
      try {
        res = await limitedRequest(limiter, http, req, { observe: (r, at) => limiter.observeResponse(r, at) });
      } catch (err) {
        if (err instanceof DockhandError && !(err instanceof OutcomeUnknownError) && err.kind === 'transient') {
          throw new DockhandError('transient', `${err.message} during ${call.what}`, { cause: err });
        }
        throw err;
      }
      if (res.status === 401 && !renewed && tokens.invalidate(token)) {
        renewed = true;
        continue;
      }
      if (res.status < 200 || res.status >= 300) throw classifyEtsyFailure(label, res, call.what);
      let value: unknown;
      try {
        value = JSON.parse(res.text);
      } catch {
        throw malformed(label, call.what, 'the reply is not JSON');
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw malformed(label, call.what, `${issue.path.join('.') || 'the reply'}: ${issue.message}`);
      }
      return parsed.data;
    }
  }
}

/** A reply in the wrong shape for the whole call: the run fails (nothing of it saved) and is tried again later. */
function malformed(label: string, what: string, detail: string): DockhandError {
  return new DockhandError('transient', `${label} sent a malformed reply to ${what}: ${detail}`);
}
