/**
 * Answer shapes of the fake. v2 errors are an array of {status, message}; the gateway and v3 answer
 * {status, title, type, errors} (problem+json). Bodies marked [U] are not quoted from a primary source.
 */

export interface FakeAnswer {
  status: number;
  /** Serialized as JSON; absent for 204. */
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

const STATUS_CODES_DOC = 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes';

export const ok = (body: unknown, status = 200): FakeAnswer => ({ status, body });
export const noContent = (): FakeAnswer => ({ status: 204 });

export const v2Error = (status: number, message: string): FakeAnswer => ({ status, body: [{ status, message }] });

export const problem = (status: number, title: string, errors: Record<string, unknown> = {}): FakeAnswer => ({
  status,
  body: { status, title, type: STATUS_CODES_DOC, errors },
  contentType: 'application/problem+json',
});

/** [U] the gateway's answer to a missing or unknown X-Auth-Token. */
export const unauthorized = (): FakeAnswer => problem(401, 'No valid credentials were found in this request');

/** The gateway's answer when the token lacks the scope (as quoted in a public Q&A about v2 orders). */
export const forbidden = (): FakeAnswer => problem(403, "You don't have a required scope to access the endpoint");

/** [U] the body of a 429; the documented part is the status and the X-Rate-Limit-* headers. */
export const tooManyRequests = (): FakeAnswer => problem(429, 'Too many requests');

export const notFound = (): FakeAnswer => v2Error(404, 'The requested resource was not found.');
