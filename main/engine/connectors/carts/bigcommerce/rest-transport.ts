import type { HttpResponse } from '../../../net/index.js';
import { sendOnce } from '../../../net/http-client.js';

/**
 * One HTTP exchange that returns every status to the caller, 429 included (net's sendOnce).
 *
 * Why not net/httpRequest: it waits out a 429 itself, for Retry-After seconds, and keeps the answer's
 * headers to itself; BigCommerce sends no Retry-After but X-Rate-Limit-Time-Reset-Ms, and its quota
 * headers must be read from every answer.
 */

export interface ExchangeRequest {
  url: string;
  method: 'GET' | 'POST' | 'PUT';
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

export function exchange(req: ExchangeRequest): Promise<HttpResponse> {
  return sendOnce({ url: req.url, headers: req.headers, body: req.body, timeoutMs: req.timeoutMs }, req.method, req.signal);
}
