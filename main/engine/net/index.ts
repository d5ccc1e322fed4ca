export { httpRequest, OutcomeUnknownError, ServerFailureError, serverReplyOf, keptReply, MAX_KEPT_ERROR_BODY_CHARS, DEFAULT_TIMEOUT_MS } from './http-client.js';
export type { HttpContext, HttpRequest, HttpResponse, ServerErrorReply } from './http-client.js';
export { backoffDelayMs, DEFAULT_BACKOFF } from './backoff.js';
export type { BackoffPolicy } from './backoff.js';
export { parseRetryAfterMs } from './retry-after.js';
