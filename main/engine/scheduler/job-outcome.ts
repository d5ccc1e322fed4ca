import { isDockhandError } from '../../../shared/errors.js';
import type { JobOutcome } from './job-types.js';

/**
 * A run that threw instead of returning an outcome. A DockhandError keeps its kind; anything else is
 * a bug or an unexpected failure, recorded as internal and retried with backoff like a transient one.
 */
export function outcomeFromError(err: unknown, signal: AbortSignal): JobOutcome {
  if (isDockhandError(err)) {
    return {
      ok: false,
      errorKind: err.kind,
      message: err.message,
      ...(err.retryAfterMs !== undefined ? { retryAfterMs: err.retryAfterMs } : {}),
    };
  }
  if (signal.aborted) return { ok: false, errorKind: 'transient', message: 'The run was stopped before it finished' };
  const message = err instanceof Error ? err.message : String(err);
  return { ok: false, errorKind: 'internal', message: message || 'The run failed' };
}
