import type { ReactNode } from 'react';
import { Inbox } from 'lucide-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ApiError } from '../api/api-error.js';

/** Every screen has loading, error and empty states; these are the shared ones. */

export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <div className="state state--loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {what}…
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="state state--error" role="alert">
      <strong>Something went wrong.</strong> {message}
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

/** Nothing to show yet: says so, and (in children) what to do next, with the link or button that does it. */
export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state--empty">
      <Inbox className="state__icon" size={28} aria-hidden="true" />
      <strong className="state__title">{title}</strong>
      {children ? <div>{children}</div> : null}
    </div>
  );
}

/** Renders a query's loading and error states, and `children(data)` once it has data. */
export function QueryView<T>({ query, what, children }: { query: UseQueryResult<T, ApiError>; what?: string; children: (data: T) => ReactNode }) {
  if (query.isPending) return <Loading what={what} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}

/** A message above a form or a list: what went wrong, or what just worked. */
export function Banner({ kind, children }: { kind: 'error' | 'success' | 'info' | 'warning'; children: ReactNode }) {
  return (
    <div className={`banner banner--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
