import http from 'node:http';
import https from 'node:https';
import type { HttpResponse } from '../../../net/index.js';

/**
 * One HTTP exchange that returns every status to the caller, 429 included.
 *
 * Why not net/httpRequest: it waits out a 429 itself, for Retry-After seconds, and keeps the answer's
 * headers to itself; BigCommerce sends no Retry-After but X-Rate-Limit-Time-Reset-Ms, and its quota
 * headers must be read from every answer. Once net lets a caller read a 429's headers (or exports its
 * single-attempt send), this file can go.
 */

export interface ExchangeRequest {
  url: string;
  method: 'GET' | 'POST' | 'PUT';
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Keep-alive per protocol: a download makes thousands of small requests to one host. */
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 8 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 8 }),
};

export function exchange(req: ExchangeRequest): Promise<HttpResponse> {
  const timeout = AbortSignal.timeout(req.timeoutMs);
  const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
  const url = new URL(req.url);
  const client = url.protocol === 'https:' ? https : http;
  const headers: Record<string, string | number> = { ...req.headers };
  if (req.body !== undefined) headers['content-length'] = Buffer.byteLength(req.body);
  return new Promise<HttpResponse>((resolve, reject) => {
    const fail = (err: unknown) => {
      if (timeout.aborted && !req.signal?.aborted) {
        const timedOut = new Error('timed out');
        timedOut.name = 'TimeoutError';
        reject(timedOut);
      } else reject(req.signal?.aborted ? (req.signal.reason ?? err) : err);
    };
    const request = client.request(url, { method: req.method, headers, agent: agents[url.protocol as 'http:' | 'https:'], signal }, (res) => {
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
    });
    request.on('error', fail);
    request.end(req.body);
  });
}
