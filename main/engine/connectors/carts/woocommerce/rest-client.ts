import { DockhandError } from '../../../../../shared/errors.js';
import { httpRequest, type BackoffPolicy, type HttpContext, type HttpRequest, type HttpResponse } from '../../../net/index.js';
import type { Logger } from '../../../platform/ports.js';
import { siteIndexSchema } from './payload-schemas.js';
import { readReplyBody } from './reply-body.js';
import { classifyFailure, isGuestRefusal, WooRestError } from './rest-errors.js';
import { nameServerFailure } from './server-failure.js';

/**
 * Talks to one WooCommerce store's REST API (/wp-json/<namespace>/...). The consumer key and secret go
 * as HTTP Basic over HTTPS; when the web server drops the Authorization header (WordPress then sees a
 * visitor and answers woocommerce_rest_cannot_*), the client switches to the query-string form the docs
 * give for that case and keeps it. A PHP notice before the JSON is cut off and logged; HTML pages and
 * error bodies become DockhandErrors of the right kind (rest-errors.ts). Retries of 5xx and waits for
 * 429 (Retry-After honoured) are the HTTP layer's; the last 5xx it gave up on is named here
 * (server-failure.ts: WordPress's maintenance page, its critical error).
 */

export interface WooRestClientOptions {
  /** The store address as the merchant typed it: "https://shop.example.com" or ".../shop" for a subfolder. */
  storeUrl: string;
  consumerKey: string;
  consumerSecret: string;
  http: HttpContext;
  log: Logger;
  /**
   * Accept a plain http:// address. WooCommerce takes keys over plain HTTP only as OAuth 1.0a signatures,
   * so this is for fakes on loopback in tests, never for a merchant's store.
   */
  allowHttp?: boolean;
  /** Start with query-string keys (the store is known to drop the Authorization header). */
  queryStringAuth?: boolean;
  /**
   * Told once when the client found the Authorization header dropped and the query-string keys worked,
   * so the choice outlives the run (key-delivery.ts). Awaited before the request goes on.
   */
  onQueryStringAuthLearnt?(): Promise<void>;
  timeoutMs?: number;
  backoff?: Partial<BackoffPolicy>;
  maxRateLimitWaitMs?: number;
  /**
   * How one exchange is sent; httpRequest by default. The plugin passes the kit's limitedRequest bound to
   * the shop's limiter, so every run of one store shares its budget (a host's 429 holds them all back).
   */
  transport?: (req: HttpRequest) => Promise<HttpResponse>;
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Requests that create things are not resent once they may have arrived (OutcomeUnknownError instead). */
  idempotent?: boolean;
  /** Send the keys (false for public routes such as GET /wp-json). */
  authenticated?: boolean;
}

export interface WooReply {
  status: number;
  value: unknown;
  headers: HttpResponse['headers'];
}

export interface ListPage {
  items: unknown[];
  /** X-WP-Total / X-WP-TotalPages; undefined when a proxy or plugin dropped them. */
  total?: number;
  totalPages?: number;
}

export interface SiteDiscovery {
  name: string;
  wooCommerce: boolean;
  shipmentTracking: boolean;
}

export class WooRestClient {
  readonly label: string;
  private readonly base: string;
  private queryAuth: boolean;

  constructor(private readonly options: WooRestClientOptions) {
    const url = parseStoreUrl(options.storeUrl, options.allowHttp === true);
    this.base = url.toString().replace(/\/+$/, '');
    this.label = `WooCommerce ${url.host}`;
    this.queryAuth = options.queryStringAuth === true;
  }

  /** True once the store was found to drop the Authorization header (worth saving with the connection). */
  get usesQueryStringAuth(): boolean {
    return this.queryAuth;
  }

  /** From now on the keys go in the query string (an earlier run found the Authorization header dropped). */
  useQueryStringAuth(): void {
    this.queryAuth = true;
  }

  async get(route: string, query?: RequestOptions['query']): Promise<WooReply> {
    return this.request('GET', route, { query });
  }

  async list(route: string, query?: RequestOptions['query']): Promise<ListPage> {
    const reply = await this.get(route, query);
    if (!Array.isArray(reply.value)) {
      throw new DockhandError('transient', `${this.label} sent a malformed reply for ${route}: a list was expected`);
    }
    return {
      items: reply.value,
      total: headerCount(reply.headers.get('x-wp-total')),
      totalPages: headerCount(reply.headers.get('x-wp-totalpages')),
    };
  }

  /** GET /wp-json: is this WordPress, with WooCommerce, with the Shipment Tracking extension? */
  async discover(): Promise<SiteDiscovery> {
    const reply = await this.request('GET', '', { authenticated: false });
    const index = siteIndexSchema.safeParse(reply.value);
    if (!index.success) {
      throw new WooRestError('config', `${this.label} is not a WordPress site: /wp-json does not list REST namespaces. Check the store address.`, reply.status);
    }
    return {
      name: index.data.name,
      wooCommerce: index.data.namespaces.includes('wc/v3'),
      shipmentTracking: index.data.namespaces.includes('wc-shipment-tracking/v3'),
    };
  }

  async request(method: 'GET' | 'POST' | 'PUT' | 'DELETE', route: string, opts: RequestOptions = {}): Promise<WooReply> {
    const authenticated = opts.authenticated !== false;
    let switchedToQuery = false;
    let told = false;
    for (;;) {
      let res: HttpResponse;
      try {
        res = await this.send(method, route, opts, authenticated);
      } catch (err) {
        // The HTTP layer gave up on 5xx answers: name what WordPress said (maintenance, a critical error).
        throw nameServerFailure(this.label, route || 'the site index (/wp-json)', err);
      }
      if (switchedToQuery && !told && res.status >= 200 && res.status < 300) {
        // The query-string keys worked where Basic arrived as nothing: remember it for the next runs.
        told = true;
        await this.options.onQueryStringAuthLearnt?.();
      }
      if (res.status >= 200 && res.status < 300 && res.text.trim() === '') return { status: res.status, value: null, headers: res.headers };
      const body = readReplyBody(res.text);
      if (body.kind === 'json' && body.notice !== undefined) {
        this.options.log.log('warn', `${this.label} printed PHP output before the JSON of ${route}; the JSON after it was used`, {
          notice: body.notice.slice(0, 300),
        });
      }
      if (res.status >= 200 && res.status < 300 && body.kind === 'json') return { status: res.status, value: body.value, headers: res.headers };
      if (authenticated && !this.queryAuth && !switchedToQuery && isGuestRefusal(res.status, body)) {
        // Keys sent as Basic arrived as nothing: the server dropped the Authorization header.
        this.queryAuth = true;
        switchedToQuery = true;
        this.options.log.log('info', `${this.label} ignored the Authorization header; sending the API keys in the query string instead`);
        continue;
      }
      throw classifyFailure(this.label, route, res.status, body, res.headers.get('location'));
    }
  }

  private send(method: string, route: string, opts: RequestOptions, authenticated: boolean): Promise<HttpResponse> {
    const url = new URL(`${this.base}/wp-json/${route}`.replace(/\/+$/, ''));
    for (const [key, value] of Object.entries(opts.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    if (authenticated && this.queryAuth) {
      url.searchParams.set('consumer_key', this.options.consumerKey);
      url.searchParams.set('consumer_secret', this.options.consumerSecret);
    } else if (authenticated) {
      headers.authorization = `Basic ${Buffer.from(`${this.options.consumerKey}:${this.options.consumerSecret}`).toString('base64')}`;
    }
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const send = this.options.transport ?? ((req: HttpRequest) => httpRequest(this.options.http, req));
    return send({
      url: url.toString(),
      method: method as 'GET' | 'POST' | 'PUT' | 'DELETE',
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      idempotent: opts.idempotent,
      timeoutMs: this.options.timeoutMs,
      backoff: this.options.backoff,
      maxRateLimitWaitMs: this.options.maxRateLimitWaitMs,
      // The label names the host only: the URL may carry the keys in its query string.
      label: this.label,
    });
  }
}

/** The store address, checked: https (keys travel in the clear otherwise), no query, no credentials. */
export function parseStoreUrl(raw: string, allowHttp: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new DockhandError('config', `The store address "${raw}" is not a web address (expected https://your-shop.example)`);
  }
  if (url.protocol === 'http:' && !allowHttp) {
    throw new DockhandError(
      'config',
      `The store address ${url.host} uses http://. WooCommerce accepts API keys without a signature only over HTTPS: enter the https:// address.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new DockhandError('config', `The store address must start with https:// (got ${url.protocol})`);
  }
  url.search = '';
  url.hash = '';
  url.username = '';
  url.password = '';
  url.pathname = url.pathname.replace(/\/wp-json(\/.*)?$/, '').replace(/\/+$/, '');
  return url;
}

function headerCount(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value);
}
