import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from 'react';
// Loaded first: its hash change listener must run before useRoute's (leave-guard.ts).
import { blocksLeaving } from './leave-guard.js';

/**
 * Hash routing (`#/orders/12?status=error`): works the same from the headless host and from a file in
 * the Electron window, and needs no server routes.
 */

export interface Route {
  /** "/orders/12" */
  path: string;
  /** ["orders", "12"] */
  segments: string[];
  query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [pathPart, queryPart = ''] = raw.split('?', 2);
  const path = pathPart.startsWith('/') ? pathPart : `/${pathPart}`;
  return { path, segments: path.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(queryPart) };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function href(to: string): string {
  return `#${to.startsWith('/') ? to : `/${to}`}`;
}

export function navigate(to: string): void {
  window.location.hash = href(to);
}

/** Builds "/orders?status=error&cart=2", leaving out empty values. */
export function withQuery(path: string, params: Record<string, string | number | undefined | null>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

export function Link({ to, onClick, ...rest }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  return (
    <a
      href={href(to)}
      onClick={(event: MouseEvent<HTMLAnchorElement>) => {
        onClick?.(event);
        // A page with unsaved changes asks before the link is followed (leave-guard.ts).
        if (!event.defaultPrevented && blocksLeaving(to)) event.preventDefault();
      }}
      {...rest}
    />
  );
}
