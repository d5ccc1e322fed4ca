import { DockhandError, ERROR_KINDS, type ApiErrorBody } from '../../shared/errors.js';

/**
 * Errors cross the worker boundary as plain bodies (structured clone drops the class). The optional
 * retryAfterMs rides along so a 429 over HTTP can still say when to come back.
 */
export type WireError = ApiErrorBody & { retryAfterMs?: number };

export function toWireError(err: DockhandError): WireError {
  const body: WireError = err.toBody();
  if (err.retryAfterMs !== undefined) body.retryAfterMs = err.retryAfterMs;
  return body;
}

export function fromWireError(body: WireError): DockhandError {
  const kind = (ERROR_KINDS as readonly string[]).includes(body.kind) ? body.kind : 'internal';
  return new DockhandError(kind, body.message, {
    ...(body.fields ? { fields: body.fields } : {}),
    ...(body.retryAfterMs !== undefined ? { retryAfterMs: body.retryAfterMs } : {}),
  });
}
